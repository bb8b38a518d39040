package cn.js.reduction.operations;

import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.item.ChunkOrientedStep;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * A switch that makes a run fail, or go slowly, at a chosen place, so that the restart and crash tests exercise
 * the real job rather than a copy of it. Test code only: the program's component scan finds this configuration
 * when the test classes are on the class path (the tests' own JVM, and the child JVMs they start with its class
 * path), and it adds its listeners to the job's steps only when the system property {@value #PROPERTY} is set.
 * The jar has no trace of it. Forms:
 * <ul>
 *   <li>{@code reconcile} (any step name): that step fails before doing its work;</li>
 *   <li>{@code intakeFile:700}: an intake partition throws when writing would take it past 700 rows (the
 *       chunk is rolled back, the committed ones stay);</li>
 *   <li>{@code slow:200}: every intake chunk waits 200 ms before it is written (time to kill the process);</li>
 *   <li>{@code slow:200:while:/some/file}: the same, only while that file exists: a test of long-lived processes
 *       slows them for the scenarios that act mid-partition and lets the others, and the restarts, run at speed;</li>
 *   <li>{@code pause:intake:3000}: that step waits 3 s once started, before its work (or until the property is
 *       cleared, in the JVM that set it, or until the process gets SIGTERM): time to change what the steps before
 *       it have seen, or to signal it.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(FaultInjection.PROPERTY)
public class FaultInjection {

    public static final String PROPERTY = "reduction.fault";

    /** Adds the fault to every step as the context builds it; static, as a post-processor must be. */
    @Bean
    static BeanPostProcessor faultInjectingSteps(Environment environment) {
        String fault = environment.getRequiredProperty(PROPERTY);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractStep step) {
                    step.registerStepExecutionListener(new FailingStep(fault));
                }
                if (bean instanceof ChunkOrientedStep<?, ?> step) {
                    register(step, new FaultyWrites(fault));
                }
                return bean;
            }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void register(ChunkOrientedStep step, ItemWriteListener listener) {
        step.registerItemWriteListener(listener);
    }

    /** Fails the step the switch names before it does anything. */
    private record FailingStep(String fault) implements StepExecutionListener {
        @Override
        public void beforeStep(StepExecution stepExecution) {
            if (fault.startsWith("pause:" + stepExecution.getStepName() + ":")) {
                // what a test waits for before it signals the process: the step has started
                System.err.println("fault: pausing in step " + stepExecution.getStepName());
                System.err.flush();
                // until the time is up, or (a test running commands in its own JVM) the switch is turned off, or
                // the process was asked to stop (SIGTERM): the step then does its work and the stop follows
                long until = System.nanoTime() + 1_000_000L * Long.parseLong(fault.substring(fault.lastIndexOf(':') + 1));
                while (System.nanoTime() < until && fault.equals(System.getProperty(PROPERTY))
                        && !GracefulStop.requested()) {
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
            if (stepExecution.getStepName().equals(fault)) {
                throw new InjectedFault("injected fault in step " + fault);
            }
        }
    }

    /** Slows every chunk, or fails the one that would write past a number of rows. */
    private record FaultyWrites(String fault) implements ItemWriteListener<Object> {
        @Override
        public void beforeWrite(Chunk<?> items) {
            if (fault.startsWith("slow:")) {
                System.err.println("fault: writing a chunk of "
                        + StepSynchronizationManager.getContext().getStepExecution().getStepName());
                System.err.flush();
                String[] parts = fault.split(":", 4); // slow, ms[, while, flag file]
                if (parts.length == 4 && !java.nio.file.Files.exists(java.nio.file.Path.of(parts[3]))) {
                    return;
                }
                try {
                    Thread.sleep(Long.parseLong(parts[1]));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else if (fault.startsWith("intakeFile:")) {
                long limit = Long.parseLong(fault.substring("intakeFile:".length()));
                // the partition writing this chunk: one step bean serves every partition, each on its own thread
                StepExecution step = StepSynchronizationManager.getContext().getStepExecution();
                if (step.getWriteCount() + items.size() > limit) {
                    throw new InjectedFault("injected fault in " + step.getStepName() + " after "
                            + step.getWriteCount() + " rows");
                }
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
