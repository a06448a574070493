package io.github.gb28181.camel.device;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a device calls itself (an id widened by deviceIdPattern, or one stored before ids were checked) is kept in
 * a file inside the store's folder, one per id, and comes back after a restart.
 */
class FileDeviceStoreTest {

    @TempDir
    Path root;

    @Test
    void idsNeverBecomePathsNorCollideNorGetLost() throws Exception {
        Path folder = root.resolve("devices");
        List<String> ids = List.of("34020000001320000001", "../../outside", "a/b", "a_b", "1".repeat(1000),
                "<script>alert(1)</script>", "CON", ".");
        try (FileDeviceStore store = new FileDeviceStore(folder)) {
            for (String id : ids) {
                store.save(DeviceSnapshot.of(new Device(id)));
            }
        }

        try (FileDeviceStore restarted = new FileDeviceStore(folder)) {
            assertThat(restarted.loadAll()).extracting(DeviceSnapshot::deviceId).containsExactlyInAnyOrderElementsOf(ids);
        }
        try (Stream<Path> everything = Files.walk(root)) {
            assertThat(everything.filter(Files::isRegularFile))
                    .allSatisfy(file -> assertThat(file.getParent()).isEqualTo(folder))
                    .hasSize(ids.size());
        }
        assertThat(FileDeviceStore.fileName("34020000001320000001")).isEqualTo("34020000001320000001.json");
    }
}
