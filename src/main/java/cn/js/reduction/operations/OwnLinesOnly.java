package cn.js.reduction.operations;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Lets through to the terminal only the program's own log lines (progress, run start and end), which are
 * written for an operator. The frameworks' messages, often a long line and a stack trace for one failure that
 * the program reports in one line of its own, go to the log file only (see logback-spring.xml).
 */
public class OwnLinesOnly extends Filter<ILoggingEvent> {

    @Override
    public FilterReply decide(ILoggingEvent event) {
        return event.getLoggerName().startsWith("cn.js.reduction.") ? FilterReply.NEUTRAL : FilterReply.DENY;
    }
}
