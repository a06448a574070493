package io.github.gb28181.camel.springboot;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.convert.DurationStyle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camel's starter generator does not run here, so nothing else keeps {@link Gb28181ComponentConfiguration} (and any
 * later pair) in step with its component: every option of the generated schema must be a Spring Boot property with
 * the same description and default, and there must be no property the component does not know. Reading the
 * spring-configuration-metadata.json the build wrote also proves the annotation processor ran.
 */
class Gb28181ComponentConfigurationTest {

    private static final Set<String> OWNED_BY_CAMEL_SPRING_BOOT = Set.of("enabled", "customizer.enabled");

    // a component joins here when its ComponentConfiguration + AutoConfiguration pair is written
    @ParameterizedTest
    @ValueSource(strings = { "gb28181", "gb28181-rtp" })
    void everyComponentOptionIsAPropertyWithTheSameDescriptionAndDefault(String scheme) throws Exception {
        String prefix = "camel.component." + scheme + ".";
        ObjectMapper mapper = new ObjectMapper();
        JsonNode options = mapper.readTree(
                Path.of("src/generated/resources/META-INF/io/github/gb28181/camel/" + scheme + ".json").toFile())
                .get("componentProperties");
        Map<String, JsonNode> properties = new HashMap<>();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("spring-configuration-metadata.json: did the annotation processor run?").isNotNull();
            for (JsonNode property : mapper.readTree(in).get("properties")) {
                String name = property.get("name").asText();
                if (name.startsWith(prefix)) {
                    properties.put(name.substring(prefix.length()), property);
                }
            }
        }

        Set<String> expected = new HashSet<>(OWNED_BY_CAMEL_SPRING_BOOT);
        for (Iterator<String> names = options.fieldNames(); names.hasNext();) {
            String option = names.next();
            JsonNode schema = options.get(option);
            String key = kebab(option);
            expected.add(key);
            JsonNode property = properties.get(key);
            assertThat(property).as("no property %s%s for option %s", prefix, key, option).isNotNull();
            // Camel's tooling drops every '*' from a description, so the schema and the docs told users "a trailing
            // matches a prefix": the option's description must do without, and this Javadoc mirrors it
            assertThat(property.path("description").asText()).as("description of %s", key).doesNotContain("*");
            assertThat(comparable(property.path("description").asText())).as("description of %s", key)
                    .startsWith(comparable(schema.get("description").asText()));
            assertThat(defaultOf(property, schema)).as("default of %s", key)
                    .isEqualTo(schema.path("defaultValue").asText(null));
        }
        assertThat(properties.keySet()).as("properties the component does not have").isEqualTo(expected);
        assertThat(properties.get("enabled").path("description").asText()).isNotEmpty();
    }

    /** The property's default in the schema's terms: durations as milliseconds, everything else as text. */
    private static String defaultOf(JsonNode property, JsonNode schema) {
        JsonNode value = property.get("defaultValue");
        if (value == null) {
            return null;
        }
        if ("duration".equals(schema.get("type").asText())) {
            return String.valueOf(DurationStyle.detectAndParse(value.asText()).toMillis());
        }
        return value.asText();
    }

    private static String comparable(String description) {
        return description.replaceAll("\\s+", " ").trim();
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
