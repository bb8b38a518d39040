package cn.js.reduction.operations;

import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * A switch that makes a run fail, or go slowly, at a chosen place, so that the restart and crash tests
 * exercise the real job rather than a copy of it. Off unless the system property {@value #PROPERTY} is set;
 * operators never set it. Forms:
 * <ul>
 *   <li>{@code reconcile} (any step name): that step throws before doing its work;</li>
 *   <li>{@code intakeFile:700}: an intake partition throws when writing would take it past 700 rows (the
 *       chunk is rolled back, the committed ones stay);</li>
 *   <li>{@code slow:200}: every intake chunk waits 200 ms before it is written (time to kill the process).</li>
 * </ul>
 */
public class FaultInjection implements ItemWriteListener<Object> {

    public static final String PROPERTY = "reduction.fault";

    private final org.springframework.batch.core.step.StepExecution step;

    public FaultInjection(org.springframework.batch.core.step.StepExecution step) {
        this.step = step;
    }

    /** Throws when the switch names this step. */
    static void beforeStage(String stepName) {
        String fault = System.getProperty(PROPERTY);
        if (stepName.equals(fault)) {
            throw new InjectedFault("injected fault in step " + stepName);
        }
    }

    @Override
    public void beforeWrite(Chunk<?> items) {
        String fault = System.getProperty(PROPERTY);
        if (fault == null) {
            return;
        }
        if (fault.startsWith("slow:")) {
            try {
                Thread.sleep(Long.parseLong(fault.substring(5)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (fault.startsWith("intakeFile:")) {
            long limit = Long.parseLong(fault.substring("intakeFile:".length()));
            if (step.getWriteCount() + items.size() > limit) {
                throw new InjectedFault("injected fault in " + step.getStepName() + " after " + step.getWriteCount()
                        + " rows");
            }
        }
    }

    /** The failure the switch causes; a plain runtime failure to Spring Batch, like a lost connection. */
    public static final class InjectedFault extends RuntimeException {
        InjectedFault(String message) {
            super(message);
        }
    }
}
