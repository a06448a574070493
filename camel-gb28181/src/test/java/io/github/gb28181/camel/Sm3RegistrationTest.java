package io.github.gb28181.camel;

import io.github.gb28181.camel.test.SimulatedDevice;
import io.github.gb28181.camel.test.SipText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * digestAlgorithm=SM3 (GB/T 28181-2022 8.3): the challenge names SM3, a device answering with SM3 registers, one with
 * the wrong password does not, and a device that only knows MD5 still registers with MD5. Over UDP loopback; the
 * device computes its SM3 answer with Bouncy Castle itself.
 */
class Sm3RegistrationTest extends Gb28181TestSupport {

    private static final String REGISTRAR = "sip:34020000002000000001@3402000000";

    @RegisterExtension
    SimulatedDevice sm3Device = new SimulatedDevice("34020000001320000001", PASSWORD).digestAlgorithm("SM3");
    @RegisterExtension
    SimulatedDevice md5Device = new SimulatedDevice("34020000001320000002", PASSWORD);

    @Override
    protected void configure(Gb28181Configuration configuration) {
        configuration.setDigestAlgorithm("SM3");
    }

    @Test
    void aDeviceAnsweringWithSm3Registers() throws Exception {
        sm3Device.connect(sipPort, "UDP");
        SipText challenge = sm3Device.sendRegister(3600, null);
        assertThat(challenge.status()).isEqualTo(401);
        assertThat(challenge.param("WWW-Authenticate", "algorithm")).isEqualTo("SM3");
        String authorization = sm3Device.authorization(challenge, "REGISTER", REGISTRAR);
        assertThat(authorization).contains("algorithm=SM3").containsPattern("response=\"[0-9a-f]{64}\"");
        assertThat(sm3Device.sendRegister(3600, authorization).status()).isEqualTo(200);
        assertThat(gb28181().getDeviceRegistry().find("34020000001320000001").orElseThrow().isOnline()).isTrue();
    }

    @Test
    void anSm3AnswerWithTheWrongPasswordIsRefused() throws Exception {
        sm3Device.password("not-the-password").connect(sipPort, "UDP");
        SipText challenge = sm3Device.sendRegister(3600, null);
        assertThat(sm3Device.sendRegister(3600, sm3Device.authorization(challenge, "REGISTER", REGISTRAR)).status())
                .isEqualTo(403);
        assertThat(gb28181().getDeviceRegistry().find("34020000001320000001")).isEmpty();
    }

    @Test
    void aDeviceThatOnlyKnowsMd5StillRegisters() throws Exception {
        md5Device.connect(sipPort, "UDP");
        SipText challenge = md5Device.sendRegister(3600, null);
        assertThat(challenge.param("WWW-Authenticate", "algorithm")).isEqualTo("SM3");
        String authorization = md5Device.authorization(challenge, "REGISTER", REGISTRAR);
        assertThat(authorization).contains("algorithm=MD5");
        assertThat(md5Device.sendRegister(3600, authorization).status()).isEqualTo(200);
    }
}
