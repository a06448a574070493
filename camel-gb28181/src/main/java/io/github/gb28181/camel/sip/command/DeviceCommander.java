package io.github.gb28181.camel.sip.command;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.gb28181.camel.device.Device;
import io.github.gb28181.camel.device.DeviceRegistry;
import io.github.gb28181.camel.device.DeviceRejectedException;
import io.github.gb28181.camel.device.DeviceTimeoutException;
import io.github.gb28181.camel.device.DeviceUnavailableException;
import io.github.gb28181.camel.device.DeviceUnsupportedException;
import io.github.gb28181.camel.device.GbVersion;
import io.github.gb28181.camel.manscdp.ManscdpCodec;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.device.PlatformBusyException;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.manscdp.model.ConfigDownloadQuery;
import io.github.gb28181.camel.manscdp.model.ConfigType;
import io.github.gb28181.camel.manscdp.model.DeviceControl;
import io.github.gb28181.camel.manscdp.model.Revision2022;
import io.github.gb28181.camel.sip.RequestPacer;
import io.github.gb28181.camel.sip.RequestSender;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Sends MANSCDP queries and control commands to devices and completes with their answers, holding no thread while
 * a device thinks. A device that is unknown or offline fails at once, with nothing sent.
 *
 * <p>Each document is written for the GB/T 28181 revision spoken with its device, the lower of the platform's and
 * the one the device announced in X-GB-Ver (2016 when it announced none): GB18030 is 2022's signalling charset (6.10)
 * and the key frame command is spelled IFrameCmd there (IFameCmd in 2016). A document that only 2022 has goes to a
 * device that announced an older revision, or from a platform set to speak one, not at all (Annex I).
 */
public final class DeviceCommander {

    private static final String MANSCDP = "Application/MANSCDP+xml";
    private static final Charset GB18030 = Charset.forName("GB18030");

    private final DeviceRegistry registry;
    private final RequestSender sender;
    private final ManscdpCodec codec;
    private final ResponseWaiters waiters;
    private final SnSequence sn;
    private final GbVersion platformVersion;

    /** @param platformVersion the revision the platform speaks (what it announces in X-GB-Ver) */
    public DeviceCommander(DeviceRegistry registry, RequestSender sender, ManscdpCodec codec, ResponseWaiters waiters,
                           SnSequence sn, GbVersion platformVersion) {
        this.platformVersion = platformVersion;
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
        try {
            requireReadable(device, document);
        } catch (DeviceUnsupportedException e) {
            return CompletableFuture.failedFuture(e);
        }
        document.setSn(sn.next());
        document.setDeviceId(targetId);
        if (document instanceof DeviceControl control && control.getIframeCmd() != null) {
            control.setIframeCmd2022Spelling(versionWith(device).isRevision2022());
        }
        ResponseWaiters.Gatherer gatherer = gatherer(document);
        CompletableFuture<QueryResult> answer = awaitResponse
                ? waiters.expect(device.getDeviceId(), document.getCmdType(), document.getSn(), gatherer, timeout)
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
            if (cause instanceof TimeoutException && gatherer != null && gatherer.soFar() != null) {
                return new QueryResult(gatherer.soFar(), true); // some of the sets came: they, marked partial
            }
            if (cause instanceof TimeoutException) {
                throw new CompletionException(new DeviceTimeoutException(device.getDeviceId(),
                        "No answer from device " + device.getDeviceId() + " to " + describe(document) + " within "
                                                                               + timeout.toMillis() + " ms"));
            }
            throw cause instanceof CompletionException ce ? ce : new CompletionException(cause);
        });
    }

    /** A ConfigDownload of several sets may be answered set by set: those answers are gathered into one. */
    private static ResponseWaiters.Gatherer gatherer(ManscdpMessage document) {
        if (document instanceof ConfigDownloadQuery query) {
            List<ConfigType> asked = ConfigType.parseList(query.getConfigType());
            return asked.size() > 1 ? new ConfigAnswers(asked) : null;
        }
        return null;
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
        if (device == null && deviceId == null) {
            // a channel of a device whose catalog nobody asked for yet looks just like an unknown device
            throw new DeviceUnavailableException(id, id + " is neither a registered device nor a channel in the"
                                                     + " catalog of one: query the device's catalog first"
                                                     + " (gb28181:catalog), or name the device (deviceId or header"
                                                     + " CamelGb28181DeviceId)");
        }
        if (device == null) {
            throw new DeviceUnavailableException(id, "Device " + id + " is not known to the platform");
        }
        if (!device.isOnline()) {
            throw new DeviceUnavailableException(device.getDeviceId(), "Device " + device.getDeviceId() + " is offline");
        }
        return device;
    }

    /**
     * The charset to write to a device in: the one its documents declare, else the revision's: GB18030 in 2022,
     * the codec's default (GB2312) before.
     */
    public Charset charsetOf(Device device) {
        if (device.getCharset() != null) {
            return Charset.forName(device.getCharset());
        }
        return versionWith(device).isRevision2022() ? GB18030 : codec.getDefaultCharset();
    }

    /** The revision spoken with the device: the lower of the platform's and its own (2016 when it announced none). */
    public GbVersion versionWith(Device device) {
        GbVersion announced = device.getGbVersion() != null ? device.getGbVersion() : GbVersion.V2_0;
        return announced.compareTo(platformVersion) < 0 ? announced : platformVersion;
    }

    /**
     * Fails when the document has what only GB/T 28181-2022 has and the device (or the platform) announced an older
     * revision: Annex I asks the newer side not to send what the other cannot read.
     */
    public void requireReadable(Device device, ManscdpMessage document) throws DeviceUnsupportedException {
        List<String> unreadable = Revision2022.newIn(document);
        if (!unreadable.isEmpty() && !mayReceive2022(device)) {
            throw new DeviceUnsupportedException(device.getDeviceId(), 501, unsupported(device, unreadable));
        }
    }

    /**
     * Whether a 2022 document may go to the device. One that announced no version may still know the 2022 commands
     * (many do without the header): it gets them, and answers as it can. Refused are only a device that announced
     * an older revision, and every device when the platform speaks an older one itself.
     */
    private boolean mayReceive2022(Device device) {
        return platformVersion.isRevision2022()
               && (device.getGbVersion() == null || device.getGbVersion().isRevision2022());
    }

    private String unsupported(Device device, List<String> unreadable) {
        String ours = platformVersion.isRevision2022() ? "" : " and the platform is set to speak " + platformVersion;
        return "Only GB/T 28181-2022 has " + String.join(", ", unreadable) + "; device " + device.getDeviceId()
               + " announced X-GB-Ver " + (device.getGbVersion() != null ? device.getGbVersion() : "none") + ours
               + ", so it is not sent";
    }

    private static String describe(ManscdpMessage document) {
        return document.getKind() + " " + document.getCmdType() + " SN " + document.getSn();
    }
}
