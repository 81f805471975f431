package com.pagingetl.remote;

import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.integration.jms.DynamicJmsTemplate;
import org.springframework.integration.jms.channel.PollableJmsChannel;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.jms.support.converter.MessageConverter;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.PollableChannel;

import com.pagingetl.http.Secrets;

/**
 * {@code etl.remote.transport=jms}: each job's requests on a queue ({@code etl.remote.jms.queue-prefix} + job)
 * of an ActiveMQ Artemis broker, through Spring Integration's {@link PollableJmsChannel}. The sessions are
 * transacted and synchronized with the job repository's transaction: a worker's take is acknowledged to the
 * broker only after the lease it wrote has committed, so a worker that dies before then leaves the request to
 * another (one that dies between the two commits leaves a lease whose partition is still STARTING, which the
 * next taker writes again). The broker's classes load only when this transport is chosen.
 */
final class JmsTransport implements RequestTransport {

    private final CachingConnectionFactory connections;
    private final String queuePrefix;

    JmsTransport(PartitioningProperties.Jms settings) {
        // A broker's error may echo what was sent: the password is masked wherever this process prints text.
        Secrets.register(settings.password());
        ActiveMQConnectionFactory artemis = new ActiveMQConnectionFactory(settings.brokerUrl(), settings.user(),
                settings.password());
        // Without this each consumer would buffer requests for itself, starving the other workers.
        artemis.setConsumerWindowSize(0);
        connections = new CachingConnectionFactory(artemis);
        connections.setCacheConsumers(false);
        queuePrefix = settings.queuePrefix();
    }

    @Override
    public PollableChannel queue(String job) {
        DynamicJmsTemplate template = new DynamicJmsTemplate();
        template.setConnectionFactory(connections);
        template.setDefaultDestinationName(queuePrefix + job);
        template.setSessionTransacted(true);
        template.setMessageConverter(new RequestConverter());
        PollableJmsChannel channel = new PollableJmsChannel(template);
        channel.setBeanName("partitions of " + job);
        return new NoWaitTake(channel);
    }

    @Override
    public void close() {
        connections.destroy();
    }

    /**
     * A request as a text message, "stepName stepExecutionId": no Java serialization between machines, so a
     * broker's message can never make a worker instantiate a class.
     */
    private static final class RequestConverter implements MessageConverter {

        @Override
        public jakarta.jms.Message toMessage(Object object, Session session) throws JMSException {
            StepExecutionRequest request = (StepExecutionRequest) (object instanceof Message<?> m ? m.getPayload() : object);
            return session.createTextMessage(request.getStepName() + " " + request.getStepExecutionId());
        }

        @Override
        public Object fromMessage(jakarta.jms.Message message) throws JMSException {
            String text = ((TextMessage) message).getText();
            int space = text.lastIndexOf(' ');
            return new StepExecutionRequest(text.substring(0, space), Long.parseLong(text.substring(space + 1)));
        }
    }

    /** A queue channel's {@code receive(0)} does not wait, a JMS template's waits forever: this one does not. */
    private record NoWaitTake(PollableJmsChannel channel) implements PollableChannel {

        @Override
        public Message<?> receive() {
            return channel.receive();
        }

        @Override
        public Message<?> receive(long timeout) {
            return channel.receive(timeout == 0 ? JmsTemplate.RECEIVE_TIMEOUT_NO_WAIT : timeout);
        }

        @Override
        public boolean send(Message<?> message, long timeout) {
            return channel.send(message, timeout);
        }

        @Override
        public boolean send(Message<?> message) {
            return channel.send(message, MessageChannel.INDEFINITE_TIMEOUT);
        }
    }
}
