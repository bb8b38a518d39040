package cn.js.reduction.operations;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;

/**
 * worker: a long-running process that takes intake partitions (one per file) of distributed runs from the broker
 * and runs them against the shared database, with the job's own intake step; see {@link Distribution} and
 * cn.js.reduction.operations.distributed. It names itself (host and process id) in every partition it runs, which
 * status shows. It runs until it is stopped (SIGTERM, Ctrl-C: {@link WorkerStop}, exit 0); a lost broker is
 * reconnected to by itself.
 */
final class WorkerCommand {

    static final String HELP = """
            worker [--threads N] [--output DIR] [--reference DIR] [--db-url URL --db-user USER]

            Takes the intake partitions (one per file) of distributed runs (run --distributed) from the RabbitMQ
            broker that REDUCTION_BROKER_URL names (amqp://user:password@host:5672; the queue is
            REDUCTION_BROKER_QUEUE, default reduction-accounting.intake) and runs them against the run database,
            which must be the manager's (PostgreSQL: REDUCTION_DB_URL or --db-url). Runs until stopped.
              --threads N   partitions run at once (default: the number of processors)
              --output DIR  where its log file goes (DIR/.state/reduction-accounting.log; default: output)
              --reference DIR  the reference data the manager's runs use, when not the program's (as run)
            The input files are read at the path the manager's run names: every machine must see the input
            folder at that path. A file whose SHA-256 is not the one discovery recorded fails its partition.
            """;

    private WorkerCommand() {
    }

    static Commands.Prepared prepare(Options options, Map<String, String> env) {
        Path output = Commands.output(options);
        Database database = Database.resolve(options, env, output);
        Distribution distribution = Distribution.worker(options, env, database);
        // the reference data the manager's runs were given (--reference), for the rules and the check of each run
        Path referenceRoot = Commands.references(options).root();
        return new Commands.Prepared(database, referenceRoot, (context, out, err) -> {
            try (Connection connection = context.getBean(ConnectionFactory.class).createConnection()) {
                connection.isOpen(); // the broker answers and takes the credentials
            } catch (AmqpException e) {
                err.println("错误 error: cannot reach the broker " + distribution.displayBroker() + ": "
                        + Failures.describe(e));
                return ReductionAccountingApplication.USAGE;
            }
            out.println("worker " + Liveness.thisHost() + ":" + ProcessHandle.current().pid() + " ready: intake"
                    + " partitions from queue " + distribution.queue() + " on " + distribution.displayBroker() + ", "
                    + distribution.consumers() + " at a time, database " + database.display());
            out.flush();
            // until stopped: SIGTERM or Ctrl-C (WorkerStop: the partitions running end STOPPED at a chunk boundary,
            // then closing the context stops the listener, which waits for them), or the context closed otherwise
            while (context.isActive() && !WorkerStop.requested()) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return ReductionAccountingApplication.OK;
        }, distribution.properties(true));
    }
}
