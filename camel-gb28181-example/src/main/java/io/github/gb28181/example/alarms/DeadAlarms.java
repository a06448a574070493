package io.github.gb28181.example.alarms;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/alarms/dead}: the alarms the webhook could not take within {@code gb28181.webhook-retry-for}, as
 * the JSON that was to be POSTed, oldest first. They stay in the queue (JMS clients can take them from
 * {@code gb28181.webhook.dead}).
 */
@RestController
@RequestMapping("/api/alarms")
public class DeadAlarms {

    /** One dead alarm: the broker's message id, when it was first queued, and the alarm's JSON. */
    public record DeadAlarm(String messageId, long queuedAt, JsonNode alarm) {
    }

    private final JmsTemplate jms;
    private final ObjectMapper json;

    public DeadAlarms(JmsTemplate jms, ObjectMapper json) {
        this.jms = jms;
        this.json = json;
    }

    @GetMapping("/dead")
    public List<DeadAlarm> dead() {
        return jms.browse(AlarmQueues.DEAD, (session, browser) -> {
            List<DeadAlarm> dead = new ArrayList<>();
            for (Enumeration<?> messages = browser.getEnumeration(); messages.hasMoreElements();) {
                dead.add(view((Message) messages.nextElement()));
            }
            return dead;
        });
    }

    private DeadAlarm view(Message message) throws JMSException {
        String text = message instanceof TextMessage t ? t.getText() : null;
        JsonNode alarm;
        try {
            alarm = text == null ? null : json.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            alarm = json.getNodeFactory().textNode(text);
        }
        return new DeadAlarm(message.getJMSMessageID(), message.getJMSTimestamp(), alarm);
    }
}
