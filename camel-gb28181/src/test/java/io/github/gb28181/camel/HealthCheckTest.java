package io.github.gb28181.camel;

import java.util.Map;

import io.github.gb28181.camel.platform.PlatformServer;
import io.github.gb28181.camel.test.SimulatedDevice;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class HealthCheckTest extends Gb28181TestSupport {

    @RegisterExtension
    SimulatedDevice device = new SimulatedDevice("34020000001320000001", PASSWORD);

    private HealthCheck.Result gb28181Health() {
        return HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> r.getCheck().getId().equals("gb28181")).findFirst().orElseThrow();
    }

    @Test
    void upWithTheFleetInItsDetailsAndDownWhenTheSipServerStops() throws Exception {
        device.connect(sipPort, "UDP");
        assertThat(device.register(3600).status()).isEqualTo(200);

        HealthCheck.Result up = gb28181Health();
        assertThat(up.getState()).isEqualTo(HealthCheck.State.UP);
        Map<String, Object> details = up.getDetails();
        assertThat(details).containsEntry("devices.registered", 1L).containsEntry("devices.online", 1);

        PlatformServer server = gb28181().acquireServer(gb28181().getConfiguration());
        gb28181().releaseServer(gb28181().getConfiguration());
        server.sipServer().stop();

        HealthCheck.Result down = gb28181Health();
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("not listening"));
    }
}
