package cn.js.reduction.operations.distributed;

import cn.js.reduction.intake.FilePartitioner;
import cn.js.reduction.operations.AccountingJobConfiguration;
import java.time.Duration;
import java.util.Properties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.integration.dsl.IntegrationFlow;

/**
 * The manager of a distributed run (run --distributed): its intake step splits the work into one partition
 * per file exactly as on one machine (the same partitioner, the same partition names, so a run can be continued
 * either way), sends a request per partition to the broker, and polls the job repository until every partition
 * has ended, or fails the step when the configured timeout passes first ({@link IntakeDeadline}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "reduction.distributed.manager", havingValue = "true")
public class ManagerConfiguration {

    /**
     * How often the job repository is read for the partitions' states: a thirtieth of the timeout, between 1 and
     * 10 s. Each poll reads every partition of the run with its context (Spring Batch's handler does), which for
     * thousands of files is work for the database; a run allowed an hour need not look more often than every 10 s.
     */
    static Duration pollInterval(Duration timeout) {
        Duration d = timeout.dividedBy(30);
        return d.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                : d.compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : d;
    }

    @Bean
    DirectChannel intakeRequests() {
        return new DirectChannel();
    }

    /** Requests as lines of text ({@link PartitionRequests}), persistent, to the intake queue. */
    @Bean
    IntegrationFlow intakeRequestsToBroker(DirectChannel intakeRequests, CachingConnectionFactory brokerConnectionFactory,
                                           Queue intakeQueue) {
        return IntegrationFlow.from(intakeRequests)
                .transform(StepExecutionRequest.class, PartitionRequests::text)
                .handle(Amqp.outboundAdapter(new RabbitTemplate(brokerConnectionFactory)).routingKey(intakeQueue.getName()))
                .get();
    }

    /** Replaces the job's intake step of one machine (AccountingJobConfiguration) under the same name. */
    @Bean
    Step intakeStep(JobRepository repository, FilePartitioner filePartitioner, DirectChannel intakeRequests,
                    RabbitAdmin brokerAdmin, Queue intakeQueue,
                    @Value("${reduction.distributed.intake-timeout}") long timeoutMillis) throws Exception {
        MessagingTemplate template = new MessagingTemplate();
        template.setDefaultChannel(intakeRequests);
        // the handler RemotePartitioningManagerStepBuilder makes for a manager that polls the job repository;
        // made here so that IntakeDeadline can say which partitions and workers a timeout left behind
        MessageChannelPartitionHandler handler = new MessageChannelPartitionHandler();
        handler.setStepName(AccountingJobConfiguration.INTAKE_FILE);
        handler.setGridSize(1);
        handler.setMessagingOperations(template);
        handler.setJobRepository(repository);
        handler.setPollInterval(pollInterval(Duration.ofMillis(timeoutMillis)).toMillis());
        handler.setTimeout(timeoutMillis);
        handler.afterPropertiesSet();
        return new StepBuilder(AccountingJobConfiguration.INTAKE, repository)
                .partitioner(AccountingJobConfiguration.INTAKE_FILE, filePartitioner)
                .partitionHandler(new IntakeDeadline(handler, repository, Duration.ofMillis(timeoutMillis),
                        () -> workersListening(brokerAdmin, intakeQueue), intakeQueue.getName()))
                .build();
    }

    /** How many consumers the queue has now: the workers' threads; -1 when the broker does not say. */
    private static int workersListening(RabbitAdmin admin, Queue queue) {
        Properties p = admin.getQueueProperties(queue.getName());
        Object n = p == null ? null : p.get(RabbitAdmin.QUEUE_CONSUMER_COUNT);
        return n instanceof Number number ? number.intValue() : -1;
    }
}
