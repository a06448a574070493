package io.github.gb28181.camel.device;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The device store keeps the GB/T 28181 revision each device speaks, and reads files written before it did. */
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
}
