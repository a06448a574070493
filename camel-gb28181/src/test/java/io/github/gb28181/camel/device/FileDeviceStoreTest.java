package io.github.gb28181.camel.device;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The device store keeps the GB/T 28181 revision each device speaks and the streams and download speeds it offers, and
 * reads files written before it did. Whatever a device calls itself (an id widened by deviceIdPattern, or one stored
 * before ids were checked) is kept in a file inside the store's folder, one per id, and comes back after a restart.
 */
class FileDeviceStoreTest {

    @TempDir
    Path folder;

    @Test
    void theVersionSurvivesARestart() throws Exception {
        DeviceRegistry first = new DeviceRegistry();
        try (FileDeviceStore store = new FileDeviceStore(folder)) {
            first.setStore(store);
            Device revision2022 = first.getOrCreate("34020000001320000001");
            revision2022.setExpiresAt(Instant.now().plusSeconds(3600));
            revision2022.setGbVersion(GbVersion.V3_0);
            first.persist(revision2022);
            first.persist(first.getOrCreate("34020000001320000002"));
        }
        assertThat(Files.readString(folder.resolve("34020000001320000001.json"))).contains("\"gbVersion\":\"3.0\"");

        DeviceRegistry second = new DeviceRegistry();
        try (FileDeviceStore store = new FileDeviceStore(folder)) {
            second.setStore(store);
            assertThat(second.restore()).isEqualTo(2);
        }
        assertThat(second.find("34020000001320000001")).get().extracting(Device::getGbVersion).isEqualTo(GbVersion.V3_0);
        assertThat(second.find("34020000001320000002")).get().extracting(Device::getGbVersion).isNull();
    }

    @Test
    void theStreamsAndSpeedsADeviceOffersSurviveARestart() throws Exception {
        DeviceRegistry first = new DeviceRegistry();
        try (FileDeviceStore store = new FileDeviceStore(folder)) {
            first.setStore(store);
            Device device = first.getOrCreate("34020000001320000001");
            device.setExpiresAt(Instant.now().plusSeconds(3600));
            device.setDownloadSpeeds(List.of(1, 2, 4));
            first.updateChannels(device.getDeviceId(), List.of(new DeviceChannel("34020000001310000001",
                    device.getDeviceId(), "cam", null, null, "ON", null, List.of(0, 1), List.of(1, 2))), true);
        }
        DeviceRegistry second = new DeviceRegistry();
        try (FileDeviceStore store = new FileDeviceStore(folder)) {
            second.setStore(store);
            second.restore();
        }
        Device restored = second.find("34020000001320000001").orElseThrow();
        assertThat(restored.getDownloadSpeeds()).containsExactly(1, 2, 4);
        assertThat(restored.getChannel("34020000001310000001").streamNumbers()).containsExactly(0, 1);
        assertThat(restored.getChannel("34020000001310000001").downloadSpeeds()).containsExactly(1, 2);
    }

    @Test
    void aChannelWrittenBeforeStreamsAndSpeedsLoadsWithNone() throws Exception {
        Files.writeString(folder.resolve("34020000001320000005.json"), "{\"deviceId\":\"34020000001320000005\","
                + "\"channels\":[{\"channelId\":\"34020000001310000005\",\"deviceId\":\"34020000001320000005\","
                + "\"name\":\"cam\",\"status\":\"ON\"}]}");
        try (FileDeviceStore store = new FileDeviceStore(folder)) {
            DeviceSnapshot loaded = store.loadAll().iterator().next();
            assertThat(loaded.downloadSpeeds()).isNull();
            assertThat(loaded.channels()).singleElement().satisfies(c -> {
                assertThat(c.streamNumbers()).isEmpty();
                assertThat(c.downloadSpeeds()).isEmpty();
            });
            assertThat(loaded.toDevice().getDownloadSpeeds()).isEmpty();
        }
    }

    @Test
    void filesWithoutOrWithAnUnreadableVersionLoad() throws Exception {
        Files.writeString(folder.resolve("34020000001320000003.json"),
                "{\"deviceId\":\"34020000001320000003\",\"remoteHost\":\"10.0.0.3\",\"remotePort\":5060,\"charset\":\"GB2312\"}");
        Files.writeString(folder.resolve("34020000001320000004.json"),
                "{\"deviceId\":\"34020000001320000004\",\"gbVersion\":\"three\"}");
        try (FileDeviceStore store = new FileDeviceStore(folder)) {
            Collection<DeviceSnapshot> loaded = store.loadAll();
            assertThat(loaded).hasSize(2).allSatisfy(d -> assertThat(d.gbVersion()).isNull());
            assertThat(loaded).extracting(DeviceSnapshot::remoteHost).contains("10.0.0.3");
        }
    }

    @Test
    void idsNeverBecomePathsNorCollideNorGetLost() throws Exception {
        Path devices = folder.resolve("devices");
        List<String> ids = List.of("34020000001320000001", "../../outside", "a/b", "a_b", "1".repeat(1000),
                "<script>alert(1)</script>", "CON", ".");
        try (FileDeviceStore store = new FileDeviceStore(devices)) {
            for (String id : ids) {
                store.save(DeviceSnapshot.of(new Device(id)));
            }
        }

        try (FileDeviceStore restarted = new FileDeviceStore(devices)) {
            assertThat(restarted.loadAll()).extracting(DeviceSnapshot::deviceId).containsExactlyInAnyOrderElementsOf(ids);
        }
        try (Stream<Path> everything = Files.walk(folder)) {
            assertThat(everything.filter(Files::isRegularFile))
                    .allSatisfy(file -> assertThat(file.getParent()).isEqualTo(devices))
                    .hasSize(ids.size());
        }
        assertThat(FileDeviceStore.fileName("34020000001320000001")).isEqualTo("34020000001320000001.json");
    }
}
