package cn.js.reduction.operations.distributed;

import cn.js.reduction.operations.AccountingJobConfiguration;
import cn.js.reduction.operations.WorkerStop;
import cn.js.reduction.reference.ReferenceLibrary;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.dsl.IntegrationFlow;

/**
 * A worker (the worker command): takes intake requests from the queue, one at a time per thread, and runs each
 * with Spring Batch's {@link StepExecutionRequestHandler} on the job's own intake step (the bean
 * AccountingJobConfiguration makes, not a copy of it). It writes the partition's state to the job repository,
 * where the manager looks; it sends no reply.
 *
 * <p>A request is acknowledged once its partition has ended, so one left by a worker that died goes back to
 * the queue; {@link RequestGuard} runs only a partition nobody has taken yet, so such a request (or one sent
 * twice, or one of a run already given up) is dropped, and the partition is continued by restart. A request
 * that cannot be handled is dropped, never put back, so that it cannot come round for ever.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "reduction.distributed.worker", havingValue = "true")
public class WorkerConfiguration {

    /**
     * How long closing the worker's listener waits for the partitions it is running; on SIGTERM they have been asked
     * to stop at their next chunk boundary (WorkerStop), so this is a bound, not a wait.
     */
    static final long STOP_WAIT_MILLIS = 60_000;

    @Bean
    IntegrationFlow intakeRequestsFromBroker(CachingConnectionFactory brokerConnectionFactory, Queue intakeQueue,
                                             JobRepository repository,
                                             @Qualifier("intakeFileStep") Step intakeFileStep,
                                             ReferenceLibrary referenceLibrary,
                                             @Value("${reduction.distributed.consumers:1}") int consumers) {
        if (intakeFileStep instanceof AbstractStep step) {
            // SIGTERM gives the partitions running back at their next chunk boundary (WorkerStop)
            step.registerStepExecutionListener(WorkerStop.partitions());
        }
        StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
        handler.setJobRepository(repository);
        handler.setStepLocator(name -> AccountingJobConfiguration.INTAKE_FILE.equals(name) ? intakeFileStep : null);
        RequestGuard guard = new RequestGuard(repository, referenceLibrary);
        return IntegrationFlow.from(Amqp.inboundAdapter(brokerConnectionFactory, intakeQueue)
                        .configureContainer(c -> c.concurrentConsumers(consumers).prefetchCount(1)
                                .defaultRequeueRejected(false).shutdownTimeout(STOP_WAIT_MILLIS)))
                .filter(String.class, guard::isRequest)
                .transform(String.class, PartitionRequests::parse)
                .filter(StepExecutionRequest.class, guard::untaken)
                .handle(StepExecutionRequest.class, (request, headers) -> {
                    guard.ended(handler.handle(request));
                    return null;
                })
                .get();
    }
}
