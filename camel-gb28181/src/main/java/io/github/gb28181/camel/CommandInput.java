package io.github.gb28181.camel;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletableFuture;

import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.platform.PlatformCommands;
import io.github.gb28181.camel.sdp.MediaTransportMode;
import io.github.gb28181.camel.sdp.SessionKind;
import io.github.gb28181.camel.sip.command.QueryResult;
import io.github.gb28181.camel.sip.command.SubscriptionManager;
import io.github.gb28181.camel.sip.media.MediaRequest;
import org.apache.camel.Message;

/**
 * One exchange's command: the endpoint's options with the message's headers over them, and the platform to run it
 * on. What a command reads, it reads here, so each option has one meaning for every command.
 */
final class CommandInput {

    private final Gb28181Command command;
    private final Gb28181Endpoint endpoint;
    private final Message message;
    private final PlatformCommands commands;

    CommandInput(Gb28181Command command, Gb28181Endpoint endpoint, Message message, PlatformCommands commands) {
        this.command = command;
        this.endpoint = endpoint;
        this.message = message;
        this.commands = commands;
    }

    Gb28181Endpoint endpoint() {
        return endpoint;
    }

    Message message() {
        return message;
    }

    /** The platform's session facade, which every command runs through. */
    PlatformCommands commands() {
        return commands;
    }

    /** The component's defaults with the endpoint's options over them. */
    Gb28181Configuration config() {
        return endpoint.getConfiguration();
    }

    Duration timeout() {
        return Duration.ofMillis(config().getTimeout());
    }

    /** Sends the document to the device or channel the command targets; the message learns the document's SN. */
    CompletableFuture<QueryResult> send(ManscdpMessage document) {
        PlatformCommands.Recipient to = command.target() == Gb28181Command.Target.CHANNEL
                ? PlatformCommands.Recipient.channel(deviceId(), channelId())
                : PlatformCommands.Recipient.device(deviceId(), channelId());
        CompletableFuture<QueryResult> answer = commands.send(to, document, config().isWaitForResult(), timeout());
        message.setHeader(Gb28181Constants.SN, document.getSn());
        return answer;
    }

    String deviceId() {
        return message.getHeader(Gb28181Constants.DEVICE_ID, endpoint.getDeviceId(), String.class);
    }

    String channelId() {
        return message.getHeader(Gb28181Constants.CHANNEL_ID, endpoint.getChannelId(), String.class);
    }

    /** The action, normalized (lower case, no separators); required. */
    String action() {
        String action = message.getHeader(Gb28181Constants.ACTION, endpoint.getAction(), String.class);
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("The command needs an action (option action or header "
                                               + Gb28181Constants.ACTION + ")");
        }
        return Gb28181Command.normalizeAction(action);
    }

    int speed() {
        int speed = message.getHeader(Gb28181Constants.SPEED, endpoint.getSpeed(), Integer.class);
        if (speed < 0 || speed > 255) {
            throw new IllegalArgumentException("speed must be 0-255, was " + speed);
        }
        return speed;
    }

    /** The index, required: {@code what} says what it numbers. */
    int index(String what) {
        return required(message.getHeader(Gb28181Constants.INDEX, endpoint.getIndex(), Integer.class), what);
    }

    /** The second number, required: {@code what} says what it is. */
    int value(String what) {
        return required(message.getHeader(Gb28181Constants.VALUE, endpoint.getValue(), Integer.class), what);
    }

    /** The GB/T 28181-2022 stream number, or null when neither header nor option names one. */
    Integer streamNumber() {
        Integer stream = message.getHeader(Gb28181Constants.STREAM_NUMBER, endpoint.getStreamNumber(), Integer.class);
        if (stream != null && stream < 0) {
            throw new IllegalArgumentException("streamNumber must not be negative, was " + stream);
        }
        return stream;
    }

    /** The preset or cruise track name (GB/T 28181-2022 PTZCmdParams), or null. */
    String name() {
        String name = message.getHeader(Gb28181Constants.NAME, endpoint.getName(), String.class);
        return name == null || name.isBlank() ? null : name;
    }

    String startTime() {
        return required(message.getHeader(Gb28181Constants.START_TIME, endpoint.getStartTime(), String.class),
                "startTime");
    }

    String endTime() {
        return required(message.getHeader(Gb28181Constants.END_TIME, endpoint.getEndTime(), String.class), "endTime");
    }

    String sessionId() {
        return requiredHeader(Gb28181Constants.SESSION_ID, String.class);
    }

    /** The port media comes in at (play) or leaves from (broadcast), or null when neither header nor option says. */
    Integer mediaPort() {
        return message.getHeader(Gb28181Constants.MEDIA_PORT, config().getMediaPort(), Integer.class);
    }

    MediaRequest mediaRequest(SessionKind kind) {
        String channelId = required(channelId(), "channelId");
        int port = required(mediaPort(), "mediaPort");
        long start = 0;
        long end = 0;
        if (kind.isHistory()) {
            start = epochSeconds(startTime());
            end = epochSeconds(endTime());
            if (end <= start) {
                throw new IllegalArgumentException("endTime must be after startTime");
            }
        }
        Integer stream = kind == SessionKind.LIVE ? streamNumber() : null;
        return new MediaRequest(deviceId(), channelId, kind, config().getMediaHost(), port,
                MediaTransportMode.of(config().getMediaTransport()), start, end,
                kind == SessionKind.DOWNLOAD ? endpoint.getDownloadSpeed() : 0, stream == null ? -1 : stream);
    }

    String subscriptionDevice() {
        String deviceId = deviceId();
        if (deviceId == null || endpoint.getSubscription() == null) {
            throw new IllegalArgumentException("gb28181:" + command + " needs deviceId and subscription"
                                               + " (catalog, alarm, mobilePosition or ptzPosition)");
        }
        return deviceId;
    }

    SubscriptionManager.Kind subscriptionKind() {
        return SubscriptionManager.Kind.of(endpoint.getSubscription());
    }

    <T> T body(Class<T> type) {
        T body = message.getBody(type);
        if (body == null) {
            throw new IllegalArgumentException("gb28181:" + command + " needs a body of type " + type.getName());
        }
        return body;
    }

    <T> T requiredHeader(String name, Class<T> type) {
        return required(message.getHeader(name, type), name);
    }

    <T> T required(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException("gb28181:" + command + " needs " + what);
        }
        return value;
    }

    /** yyyy-MM-dd'T'HH:mm:ss in the platform's time zone, as RecordInfo answers give them, or epoch seconds. */
    static long epochSeconds(String time) {
        String value = time.trim();
        if (value.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(value);
        }
        try {
            return LocalDateTime.parse(value).atZone(ZoneId.systemDefault()).toEpochSecond();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Times are yyyy-MM-dd'T'HH:mm:ss or epoch seconds, not '" + time + "'", e);
        }
    }
}
