package io.github.gb28181.camel;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * META-INF/services/org/apache/camel/component.properties and dataformat.properties, as the build packs them: they
 * name exactly the components and data formats the jar has service files for, with the build's coordinates, and
 * Camel resolves each name.
 */
class ComponentListTest {

    @Test
    void componentAndDataFormatListsNameWhatTheJarHolds() throws Exception {
        Properties components = load("component.properties");
        Properties dataFormats = load("dataformat.properties");
        assertThat(names(components.getProperty("components"))).isEqualTo(serviceFiles("component"))
                .containsExactly("gb28181", "gb28181-rtp");
        assertThat(names(dataFormats.getProperty("dataFormats"))).isEqualTo(serviceFiles("dataformat"))
                .containsExactly("gb28181-manscdp");
        for (Properties p : new Properties[] { components, dataFormats }) {
            assertThat(p.getProperty("groupId")).isEqualTo("io.github.gb28181");
            assertThat(p.getProperty("artifactId")).isEqualTo("camel-gb28181");
            assertThat(p.getProperty("version")).doesNotContain("${").isNotBlank();
        }
        try (CamelContext context = new DefaultCamelContext()) {
            for (String name : names(components.getProperty("components"))) {
                assertThat(context.getComponent(name)).as(name).isNotNull();
            }
            for (String name : names(dataFormats.getProperty("dataFormats"))) {
                assertThat(context.resolveDataFormat(name)).as(name).isNotNull();
            }
        }
    }

    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = ComponentListTest.class.getResourceAsStream("/META-INF/services/org/apache/camel/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(in);
        }
        return p;
    }

    /** What the Camel build generated a service file for (one per @Component, one per @Dataformat). */
    private static Set<String> serviceFiles(String kind) throws Exception {
        try (var files = Files.list(Path.of("src/generated/resources/META-INF/services/org/apache/camel", kind))) {
            return files.map(f -> f.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Set<String> names(String list) {
        return new TreeSet<>(Arrays.asList(list.trim().split("\\s+")));
    }
}
