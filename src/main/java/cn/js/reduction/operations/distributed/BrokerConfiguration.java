package cn.js.reduction.operations.distributed;

import cn.js.reduction.operations.Liveness;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.config.EnableIntegration;

/**
 * The broker, for a manager and for a worker alike: the connection (from REDUCTION_BROKER_URL, through the
 * command's properties) and the queue of intake requests, durable and its messages persistent, so that
 * requests not yet taken survive a restart of the broker. Declared by whichever process connects first: the
 * manager's requests are never sent to a queue that does not exist yet (the broker would drop them).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("${reduction.distributed.manager:false} or ${reduction.distributed.worker:false}")
@EnableIntegration
public class BrokerConfiguration {

    @Bean
    CachingConnectionFactory brokerConnectionFactory(@Value("${reduction.broker.url}") String url,
                                                     @Value("${reduction.distributed.worker:false}") boolean worker)
            throws URISyntaxException, GeneralSecurityException {
        com.rabbitmq.client.ConnectionFactory rabbit = new com.rabbitmq.client.ConnectionFactory();
        rabbit.setUri(url);
        rabbit.setConnectionTimeout(10_000);
        rabbit.setAutomaticRecoveryEnabled(false); // Spring AMQP reconnects by itself (a broker restart)
        CachingConnectionFactory factory = new CachingConnectionFactory(rabbit);
        // the broker's management view names each process as status does
        String name = "reduction-accounting " + (worker ? "worker " : "manager ") + Liveness.thisHost() + ":"
                + ProcessHandle.current().pid();
        factory.setConnectionNameStrategy(f -> name);
        return factory;
    }

    @Bean
    Queue intakeQueue(@Value("${reduction.broker.queue}") String name) {
        return new Queue(name, true, false, false);
    }

    @Bean
    RabbitAdmin brokerAdmin(CachingConnectionFactory brokerConnectionFactory) {
        return new RabbitAdmin(brokerConnectionFactory);
    }
}
