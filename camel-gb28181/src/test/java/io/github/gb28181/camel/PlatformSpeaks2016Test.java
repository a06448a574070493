package io.github.gb28181.camel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.gb28181.camel.device.DeviceUnsupportedException;
import io.github.gb28181.camel.device.GbVersion;
import io.github.gb28181.camel.test.SimulatedDevice;
import io.github.gb28181.camel.test.SipText;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * gbVersion=2.0: the platform announces 2.0 and speaks 2016 to everyone, a 2022 device included, which Annex I asks
 * of the side with the higher version (here the device).
 */
class PlatformSpeaks2016Test extends Gb28181TestSupport {

    static final String DEVICE = "34020000001320000001";

    @RegisterExtension
    SimulatedDevice device = new SimulatedDevice(DEVICE, PASSWORD).gbVersion("3.0");

    @Override
    protected void configure(Gb28181Configuration configuration) {
        configuration.setGbVersion("2.0");
    }

    @Test
    void a2022DeviceGets2016DocumentsAndNo2022Command() throws Exception {
        device.connect(sipPort, "UDP");
        SipText ok = device.register(3600);
        assertThat(ok.header("X-GB-Ver")).isEqualTo("2.0");
        assertThat(gb28181().getDeviceRegistry().find(DEVICE).orElseThrow().getGbVersion()).isEqualTo(GbVersion.V3_0);

        CompletableFuture<Exchange> reply = template.asyncSend("gb28181:keyFrame?channelId=" + DEVICE, e -> { });
        SipText request = device.peer().awaitRequest("MESSAGE", Duration.ofSeconds(10));
        device.answer(request, 200, "OK");
        assertThat(reply.get(10, TimeUnit.SECONDS).getException()).isNull();
        assertThat(new String(request.body(), StandardCharsets.US_ASCII))
                .startsWith("<?xml version=\"1.0\" encoding=\"GB2312\"?>").contains("<IFameCmd>Send</IFameCmd>");

        Exception refused = template.asyncSend("gb28181:cruiseTrackList?channelId=" + DEVICE, e -> { })
                .get(10, TimeUnit.SECONDS).getException();
        assertThat(refused).isInstanceOf(DeviceUnsupportedException.class).hasMessage("Only GB/T 28181-2022 has"
                                                                                      + " CruiseTrackListQuery; device "
                                                                                      + DEVICE + " announced X-GB-Ver"
                                                                                      + " 3.0 and the platform is set"
                                                                                      + " to speak 2.0, so it is not"
                                                                                      + " sent");
        assertThat(device.peer().poll(Duration.ofMillis(300))).as("nothing was sent").isNull();
    }
}
