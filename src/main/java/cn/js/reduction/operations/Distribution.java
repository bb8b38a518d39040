package cn.js.reduction.operations;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How intake is spread over worker processes (docs/operations.md, "Several machines"): the RabbitMQ broker that
 * carries the partition requests, the queue they go on, and for the manager how long it waits for the workers.
 * The broker's address and credentials come from the environment only ({@value #BROKER_URL}, like the
 * database's password), never from the command line, where every account on the machine could read them.
 *
 * <p>The queue ({@value #BROKER_QUEUE}, default {@value #DEFAULT_QUEUE}) is one per deployment: a worker runs the
 * requests of its own database only, so two deployments sharing a broker must use two queues.
 *
 * @param intakeTimeout how long the manager waits for all intake partitions before it fails the step (manager)
 * @param consumers     how many partitions a worker runs at once (worker)
 */
record Distribution(String brokerUrl, String queue, Duration intakeTimeout, int consumers) {

    static final String BROKER_URL = "REDUCTION_BROKER_URL";
    static final String BROKER_QUEUE = "REDUCTION_BROKER_QUEUE";
    static final String DEFAULT_QUEUE = "reduction-accounting.intake";
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(60);

    /** The settings of {@code run --distributed} and {@code restart --distributed}; null without the flag. */
    static Distribution manager(Options options, Map<String, String> env, Database database) {
        if (!options.has("distributed")) {
            if (options.has("intake-timeout")) {
                throw new UsageException("--intake-timeout is for distributed runs: add --distributed");
            }
            return null;
        }
        requireSharedDatabase(database, "a distributed run");
        return new Distribution(brokerUrl(env), queue(env), timeout(options.get("intake-timeout", null)), 0);
    }

    /** The settings of the worker command. */
    static Distribution worker(Options options, Map<String, String> env, Database database) {
        requireSharedDatabase(database, "a worker");
        Integer threads = options.integer("threads");
        if (threads != null && (threads < 1 || threads > 64)) {
            throw new UsageException("--threads must be between 1 and 64, not " + threads);
        }
        return new Distribution(brokerUrl(env), queue(env), null,
                threads != null ? threads : Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    private static void requireSharedDatabase(Database database, String who) {
        if (database.embedded()) {
            throw new UsageException(who + " needs a run database that every machine shares (PostgreSQL:"
                    + " REDUCTION_DB_URL or --db-url); the embedded H2 database in the output folder cannot be shared,"
                    + " so distribution is refused with it");
        }
    }

    private static String brokerUrl(Map<String, String> env) {
        String url = env.get(BROKER_URL);
        if (url == null || url.isBlank()) {
            throw new UsageException("set " + BROKER_URL + " to the RabbitMQ broker that carries the partition requests,"
                    + " e.g. amqp://user:password@host:5672 (from the environment, never on the command line)");
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("amqp") || scheme.equals("amqps")) || uri.getHost() == null) {
                throw new UsageException(BROKER_URL + " must look like amqp://user:password@host:5672[/vhost], not "
                        + display(url));
            }
        } catch (URISyntaxException e) {
            throw new UsageException(BROKER_URL + " is not a URL: " + display(url));
        }
        return url.strip();
    }

    private static String queue(Map<String, String> env) {
        String queue = env.getOrDefault(BROKER_QUEUE, DEFAULT_QUEUE).strip();
        if (queue.isEmpty() || queue.length() > 255 || queue.startsWith("amq.")
                || queue.chars().anyMatch(Character::isISOControl)) {
            throw new UsageException(BROKER_QUEUE + " must be a queue name of 1 to 255 characters, not starting with amq.");
        }
        return queue;
    }

    /** 90s, 30m, 2h, or whole seconds. */
    static Duration timeout(String text) {
        if (text == null) {
            return DEFAULT_TIMEOUT;
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        Duration d;
        try {
            if (t.matches("\\d+")) {
                d = Duration.ofSeconds(Long.parseLong(t));
            } else if (t.matches("\\d+[smh]")) {
                d = Duration.parse("PT" + t.toUpperCase(Locale.ROOT));
            } else {
                throw new DateTimeParseException("not a duration", t, 0);
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new UsageException("--intake-timeout must be a duration such as 90s, 30m or 2h, not '" + text + "'");
        }
        if (d.isZero() || d.compareTo(Duration.ofDays(7)) > 0) {
            throw new UsageException("--intake-timeout must be more than 0 and at most 7 days, not '" + text + "'");
        }
        return d;
    }

    /** The broker as messages may show it: without its password. */
    String displayBroker() {
        return display(brokerUrl);
    }

    static String display(String url) {
        return url.replaceAll("(://[^:/@]*):[^@]*@", "$1:***@");
    }

    /** The Spring properties that switch the distributed wiring on (cn.js.reduction.operations.distributed). */
    Map<String, Object> properties(boolean worker) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(worker ? "reduction.distributed.worker" : "reduction.distributed.manager", "true");
        p.put("reduction.broker.url", brokerUrl);
        p.put("reduction.broker.queue", queue);
        if (intakeTimeout != null) {
            p.put("reduction.distributed.intake-timeout", intakeTimeout.toMillis());
        }
        if (consumers > 0) {
            p.put("reduction.distributed.consumers", consumers);
        }
        return p;
    }

    @Override
    public String toString() {
        return "Distribution[" + displayBroker() + ", queue " + queue + "]"; // never the password
    }
}
