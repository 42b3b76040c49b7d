package nl.abu.monitor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/** Captures the formatted log lines of one logger (and its children) while it is open; a log4j2 test appender. */
public final class CapturedLog extends AbstractAppender implements AutoCloseable {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final String loggerName;

    private CapturedLog(String loggerName) {
        super("captured-" + loggerName, null, null, true, Property.EMPTY_ARRAY);
        this.loggerName = loggerName;
    }

    /** Everything logged at INFO and above, by any logger that passes its events on to the root. */
    public static CapturedLog ofRoot() {
        CapturedLog log = new CapturedLog("");
        log.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().addAppender(log, Level.INFO, null);
        context.updateLoggers();
        return log;
    }

    public static CapturedLog of(Class<?> logger) {
        CapturedLog log = new CapturedLog(logger.getName());
        log.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        LoggerConfig own = new LoggerConfig(logger.getName(), Level.INFO, true);
        own.addAppender(log, Level.INFO, null);
        config.addLogger(logger.getName(), own);
        context.updateLoggers();
        return log;
    }

    @Override
    public void append(LogEvent event) {
        lines.add(event.getLevel() + " [" + event.getThreadName() + "] " + event.getMessage().getFormattedMessage());
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        if (loggerName.isEmpty()) {
            context.getConfiguration().getRootLogger().removeAppender(getName());
        } else {
            context.getConfiguration().removeLogger(loggerName);
        }
        context.updateLoggers();
        stop();
    }
}
