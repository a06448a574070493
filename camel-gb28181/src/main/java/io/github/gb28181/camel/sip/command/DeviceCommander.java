package io.github.gb28181.camel.sip.command;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.gb28181.camel.device.Device;
import io.github.gb28181.camel.device.DeviceRegistry;
import io.github.gb28181.camel.device.DeviceRejectedException;
import io.github.gb28181.camel.device.DeviceTimeoutException;
import io.github.gb28181.camel.device.DeviceUnavailableException;
import io.github.gb28181.camel.manscdp.ManscdpCodec;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.device.PlatformBusyException;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.sip.RequestPacer;
import io.github.gb28181.camel.sip.RequestSender;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Sends MANSCDP queries and control commands to devices and completes with their answers, holding no thread while
 * a device thinks. A device that is unknown or offline fails at once, with nothing sent.
 */
public final class DeviceCommander {

    private static final String MANSCDP = "Application/MANSCDP+xml";

    private final DeviceRegistry registry;
    private final RequestSender sender;
    private final ManscdpCodec codec;
    private final ResponseWaiters waiters;
    private final SnSequence sn;

    public DeviceCommander(DeviceRegistry registry, RequestSender sender, ManscdpCodec codec, ResponseWaiters waiters,
                           SnSequence sn) {
        this.registry = registry;
        this.sender = sender;
        this.codec = codec;
        this.waiters = waiters;
        this.sn = sn;
    }

    /**
     * Sends a Query and completes with the device's Response.
     *
     * @param deviceId the device to send to, or null to send to the owner of {@code targetId}
     * @param targetId the DeviceID the query names: the device or one of its channels
     */
    public CompletableFuture<QueryResult> query(String deviceId, String targetId, ManscdpMessage query, Duration timeout) {
        return send(deviceId, targetId, query, true, timeout);
    }

    /**
     * Sends a Control; completes once the device accepted the MESSAGE, or, when {@code waitForResult}, with the
     * Response carrying its Result.
     */
    public CompletableFuture<QueryResult> control(
            String deviceId, String targetId, ManscdpMessage control, boolean waitForResult, Duration timeout) {
        return send(deviceId, targetId, control, waitForResult, timeout);
    }

    private CompletableFuture<QueryResult> send(
            String deviceId, String targetId, ManscdpMessage document, boolean awaitResponse, Duration timeout) {
        Device device;
        try {
            device = resolve(deviceId, targetId);
        } catch (DeviceUnavailableException e) {
            return CompletableFuture.failedFuture(e);
        }
        document.setSn(sn.next());
        document.setDeviceId(targetId);
        CompletableFuture<QueryResult> answer = awaitResponse
                ? waiters.expect(device.getDeviceId(), document.getCmdType(), document.getSn())
                : new CompletableFuture<>();
        CompletableFuture<Response> accepted;
        try {
            byte[] body = codec.encode(document, charsetOf(device));
            Request message = sender.createMessage(device, MANSCDP, body);
            // queries are what a registration storm multiplies; a control is someone waiting at a button
            accepted = document.getKind() == RootKind.QUERY ? sender.paced(() -> sender.send(message), timeout)
                    : sender.send(message);
        } catch (Exception e) {
            answer.completeExceptionally(e);
            return answer;
        }
        accepted.whenComplete((response, error) -> {
            if (error instanceof RequestPacer.BusyException busy) {
                answer.completeExceptionally(new PlatformBusyException(device.getDeviceId(), "Nothing sent to device "
                        + device.getDeviceId() + ": " + busy.getMessage()));
            } else if (error != null) {
                answer.completeExceptionally(error instanceof TimeoutException
                        ? new DeviceTimeoutException(device.getDeviceId(), "Device " + device.getDeviceId()
                                                                           + " did not answer " + describe(document))
                        : error);
            } else if (response.getStatusCode() >= 300) {
                answer.completeExceptionally(new DeviceRejectedException(device.getDeviceId(), response.getStatusCode(),
                        "Device " + device.getDeviceId() + " answered " + describe(document) + " with "
                                                                   + response.getStatusCode() + " "
                                                                   + response.getReasonPhrase()));
            } else if (!awaitResponse) {
                answer.complete(new QueryResult(null, false));
            }
        });
        return answer.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).handle((result, error) -> {
            if (error == null) {
                return result;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof TimeoutException) {
                throw new CompletionException(new DeviceTimeoutException(device.getDeviceId(),
                        "No answer from device " + device.getDeviceId() + " to " + describe(document) + " within "
                                                                               + timeout.toMillis() + " ms"));
            }
            throw cause instanceof CompletionException ce ? ce : new CompletionException(cause);
        });
    }

    /**
     * The online device to send to: {@code deviceId} itself, or the owner of {@code targetId} (a channel).
     *
     * @throws DeviceUnavailableException when it is unknown or offline
     */
    public Device resolve(String deviceId, String targetId) throws DeviceUnavailableException {
        String id = deviceId != null ? deviceId : targetId;
        if (id == null) {
            throw new DeviceUnavailableException(null, "No device id given");
        }
        Device device = (deviceId != null ? registry.find(deviceId) : registry.owner(targetId)).orElse(null);
        if (device == null) {
            throw new DeviceUnavailableException(id, "Device " + id + " is not known to the platform");
        }
        if (!device.isOnline()) {
            throw new DeviceUnavailableException(device.getDeviceId(), "Device " + device.getDeviceId() + " is offline");
        }
        return device;
    }

    /** The charset to write to a device in: the one it declares, else the GB default. */
    public Charset charsetOf(Device device) {
        return device.getCharset() != null ? Charset.forName(device.getCharset()) : codec.getDefaultCharset();
    }

    private static String describe(ManscdpMessage document) {
        return document.getKind() + " " + document.getCmdType() + " SN " + document.getSn();
    }
}
