package io.github.gb28181.camel.media;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MediaSessionRegistryTest {

    private static final MediaSessionInfo CAMERA = new MediaSessionInfo("34020000001320000001",
            "34020000001310000001", "call-1@10.0.0.1");

    @Test
    void announcesLooksUpAndRemoves() {
        InMemoryMediaSessionRegistry registry = new InMemoryMediaSessionRegistry();
        registry.announce(Ssrc.parse("0100000001"), CAMERA);
        assertThat(registry.lookup(100000001L)).isEqualTo(CAMERA);
        assertThat(registry.remove(100000001L)).isEqualTo(CAMERA);
        assertThat(registry.lookup(100000001L)).isNull();
    }

    @Test
    void movesASessionToTheSsrcTheDeviceAnsweredWith() {
        InMemoryMediaSessionRegistry registry = new InMemoryMediaSessionRegistry();
        registry.announce(100000001L, CAMERA);
        assertThat(registry.rekey(100000001L, 200000002L)).isTrue();
        assertThat(registry.lookup(100000001L)).isNull();
        assertThat(registry.lookup(200000002L)).isEqualTo(CAMERA);
        assertThat(registry.rekey(7L, 8L)).isFalse();
        assertThat(registry.size()).isOne();
    }

    @Test
    void ssrcsAreTenDecimalDigitsInSdp() {
        assertThat(Ssrc.parse("0100000001")).isEqualTo(100000001L);
        assertThat(Ssrc.parse("4294967295")).isEqualTo(0xFFFFFFFFL);
        assertThat(Ssrc.parse("0x0000BEEF")).isEqualTo(0xBEEFL);
        assertThat(Ssrc.format(100000001L)).isEqualTo("0100000001");
        assertThatThrownBy(() -> Ssrc.parse("4294967296")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ssrc.parse("abc")).isInstanceOf(IllegalArgumentException.class);
    }
}
