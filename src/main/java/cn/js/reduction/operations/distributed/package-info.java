/**
 * Intake spread over several processes and machines with Spring Batch's remote partitioning: the manager
 * ({@code run --distributed}) splits intake into one partition per file as on one machine, sends one request
 * per partition over RabbitMQ, and follows the partitions through the shared job repository (PostgreSQL) until
 * all have ended or its timeout passes; workers ({@code worker}) take the requests and run the job's own intake
 * step on them. The job repository is the only record of what was done, so restart, status and the run's
 * identity work as on one machine. docs/operations.md, "Several machines", says how to run it.
 */
package cn.js.reduction.operations.distributed;
