package cn.js.reduction.operations.distributed;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * A partition request as it travels over the broker: one line of text naming the step and the partition's step
 * execution ("reduction-accounting/1 intakeFile 1234"), rather than a serialised Java object, so that a worker
 * never deserialises what another account could have put on the queue; everything else about the partition
 * is read from the job repository.
 */
final class PartitionRequests {

    private static final String PREFIX = "reduction-accounting/1 ";
    private static final Pattern FORM = Pattern.compile(Pattern.quote(PREFIX) + "([A-Za-z]{1,50}) (\\d{1,18})");

    private PartitionRequests() {
    }

    static String text(StepExecutionRequest request) {
        return PREFIX + request.getStepName() + " " + request.getStepExecutionId();
    }

    /** The request a text names, or null when it is not one (logged and dropped by the worker). */
    static StepExecutionRequest parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        return m.matches() ? new StepExecutionRequest(m.group(1), Long.parseLong(m.group(2))) : null;
    }
}
