package io.github.gb28181.camel.device;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a device keeps is what it was given, however compactly it is kept. */
class DeviceTest {

    @Test
    void timesComeBackExactlyAndUnsetOnesAsNull() {
        Device device = new Device("34020000001320000001");
        assertThat(device.getLastSeenAt()).isNull();
        Instant now = Instant.parse("2026-12-07T16:40:01.123456789Z");
        device.setLastSeenAt(now);
        device.setRegisteredAt(Instant.EPOCH.minusNanos(1));
        device.setLastKeepaliveAt(now);
        assertThat(device.getLastSeenAt()).isEqualTo(now);
        assertThat(device.getRegisteredAt()).isEqualTo(Instant.EPOCH.minusNanos(1));
        assertThat(device.getLastKeepaliveAt()).isEqualTo(now);
        device.setLastSeenAt(null);
        assertThat(device.getLastSeenAt()).isNull();
    }

    @Test
    void anExpiryCenturiesAwayStaysInTheFarFuture() {
        Device device = new Device("34020000001320000001");
        device.setExpiresAt(Instant.parse("2026-12-07T00:00:00Z").plusSeconds(Integer.MAX_VALUE * 4L));
        assertThat(device.getExpiresAt()).isAfter(Instant.parse("2262-01-01T00:00:00Z"));
    }

    @Test
    void devicesOfOneModelShareItsValuesAndStillReportTheirOwn() {
        Device first = new Device("34020000001320000001");
        Device second = new Device("34020000001320000002");
        for (Device device : List.of(first, second)) {
            device.setManufacturer(new String("Hikvision"));
            device.setUserAgent(new String("IP Camera"));
            device.setRemote(new String("192.0.2.7"), 5060, new String("UDP"));
            device.putChannel(new DeviceChannel(device.getDeviceId().replace("132", "131"),
                    new String(device.getDeviceId()), "Camera", new String("Hikvision"), new String("DS-2CD"),
                    new String("ON"), new String(device.getDeviceId())));
        }
        assertThat(second.getManufacturer()).isEqualTo("Hikvision").isSameAs(first.getManufacturer());
        assertThat(second.getUserAgent()).isSameAs(first.getUserAgent());
        assertThat(second.getTransport()).isEqualTo("UDP").isSameAs(first.getTransport());
        DeviceChannel channel = second.getChannel("34020000001310000002");
        assertThat(channel.deviceId()).isSameAs(second.getDeviceId());
        assertThat(channel.model()).isEqualTo("DS-2CD").isSameAs(first.getChannel("34020000001310000001").model());
        assertThat(channel.status()).isEqualTo("ON");
        assertThat(channel.parentId()).isSameAs(second.getDeviceId());
    }

    @Test
    void aDeviceWithoutPositionsHasNoneAndGetsThemWhenReported() {
        Device device = new Device("34020000001320000001");
        assertThat(device.getPositions()).isEmpty();
        device.putPosition(new Position("34020000001320000001", null, 116.3, 39.9, null, null, null, null,
                Instant.now()));
        assertThat(device.getPositions()).containsOnlyKeys("34020000001320000001");
    }

    @Test
    void valuesAreStillSharedAfterADeviceFilledThePoolWithValuesOfItsOwn() {
        for (int i = 0; i < 10_000; i++) {
            SharedValues.share("user agent " + i);
        }
        String model = new String("DS-2CD2T47");
        assertThat(SharedValues.share(model)).isSameAs(model);
        assertThat(SharedValues.share(new String("DS-2CD2T47"))).isSameAs(model);
    }
}
