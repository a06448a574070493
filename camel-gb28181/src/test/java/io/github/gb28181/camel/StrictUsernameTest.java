package io.github.gb28181.camel;

import io.github.gb28181.camel.test.SimulatedDevice;
import io.github.gb28181.camel.test.SipText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class StrictUsernameTest extends Gb28181TestSupport {

    @RegisterExtension
    SimulatedDevice device = new SimulatedDevice("34020000001320000001", PASSWORD);

    @Override
    protected void configure(Gb28181Configuration configuration) {
        configuration.setStrictUsername(true);
    }

    @Test
    void digestUserMustBeTheDevice() throws Exception {
        device.username("admin").connect(sipPort, "UDP");
        SipText refused = device.register(3600);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.startLine()).contains("device id");

        assertThat(device.username("34020000001320000001").register(3600).status()).isEqualTo(200);
    }
}
