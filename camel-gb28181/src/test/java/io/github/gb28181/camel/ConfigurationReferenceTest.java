package io.github.gb28181.camel;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/configuration.md is generated from the components' JSON schemas, which the Camel build generates from the
 * code: this test fails when it is out of date, and rewrites it when run with -Dgb28181.docs.update=true.
 */
class ConfigurationReferenceTest {

    private static final Path SCHEMAS = Path.of("src/generated/resources/META-INF/io/github/gb28181/camel");
    private static final Path REFERENCE = Path.of("../docs/configuration.md");

    @Test
    void referenceMatchesTheSchemas() throws Exception {
        String generated = generate();
        if (Boolean.getBoolean("gb28181.docs.update")) {
            Files.writeString(REFERENCE, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(REFERENCE, StandardCharsets.UTF_8))
                .as("docs/configuration.md is stale: run mvn -pl camel-gb28181 test -Dtest=ConfigurationReferenceTest"
                    + " -Dgb28181.docs.update=true")
                .isEqualTo(generated);
    }

    static String generate() throws Exception {
        StringBuilder md = new StringBuilder();
        md.append("# Configuration reference\n\n");
        md.append("Generated from the components' JSON schemas (`camel-gb28181/src/generated`) by\n");
        md.append("`ConfigurationReferenceTest`; do not edit by hand. Component options are set once, for example\n");
        md.append("`camel.component.gb28181.password` in Spring Boot, or on the component in Java; endpoint options\n");
        md.append("go in the URI and override them.\n");
        for (String name : new String[] { "gb28181", "gb28181-rtp" }) {
            JsonNode schema = new ObjectMapper().readTree(SCHEMAS.resolve(name + ".json").toFile());
            JsonNode component = schema.get("component");
            md.append("\n## ").append(component.get("title").asText()).append(" (`")
                    .append(component.get("syntax").asText()).append("`)\n\n")
                    .append(component.get("description").asText()).append("\n");
            table(md, "Component options", schema.get("componentProperties"), true);
            table(md, "Endpoint options", schema.get("properties"), true);
            table(md, "Headers", schema.get("headers"), false);
        }
        return md.toString();
    }

    private static void table(StringBuilder md, String title, JsonNode options, boolean withDefaults) {
        md.append("\n### ").append(title).append("\n\n");
        md.append(withDefaults ? "| Option | Group | Default | Type | Description |\n| --- | --- | --- | --- | --- |\n"
                : "| Header | Group | Type | Description |\n| --- | --- | --- | --- |\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> option = it.next();
            JsonNode o = option.getValue();
            md.append("| `").append(option.getKey()).append("` | ").append(o.path("group").asText()).append(" | ");
            if (withDefaults) {
                md.append(o.has("defaultValue") ? "`" + o.get("defaultValue").asText() + "`" : "").append(" | ")
                        .append(o.path("type").asText());
                if (o.path("secret").asBoolean()) {
                    md.append(" (secret)");
                }
            } else {
                md.append(o.path("javaType").asText());
            }
            md.append(" | ").append(o.path("description").asText().replace("|", "\\|")).append(" |\n");
        }
    }
}
