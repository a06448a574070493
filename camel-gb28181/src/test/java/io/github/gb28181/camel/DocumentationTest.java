package io.github.gb28181.camel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.gb28181.camel.event.EventType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the component .adoc true: every option and header of the generated JSON schema, and every event type, is
 * documented where users look.
 */
class DocumentationTest {

    @Test
    void adocDocumentsEveryOptionHeaderAndEventType() throws Exception {
        String adoc = Files.readString(Path.of("src/main/docs/gb28181-component.adoc"));
        JsonNode schema = new ObjectMapper().readTree(
                Path.of("src/generated/resources/META-INF/io/github/gb28181/camel/gb28181.json").toFile());

        for (String section : new String[] { "componentProperties", "properties" }) {
            for (Iterator<String> names = schema.get(section).fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!name.equals("configuration")) {
                    assertThat(adoc).as("option %s (%s)", name, section).contains("*" + name + "*");
                    assertThat(adoc).as("description of %s", name)
                            .contains(schema.get(section).get(name).get("description").asText());
                }
            }
        }
        for (Iterator<String> names = schema.get("headers").fieldNames(); names.hasNext();) {
            String name = names.next();
            assertThat(adoc).as("header %s", name).contains("`" + name + "`");
        }
        for (EventType type : EventType.values()) {
            assertThat(adoc).as("event type %s", type).contains("| " + type.name() + " |");
        }
        for (Gb28181Command command : Gb28181Command.values()) {
            if (command != Gb28181Command.EVENTS) {
                assertThat(adoc).as("command %s has a row in a command table", command)
                        .containsPattern("(?m)^\\| ([A-Za-z]+, )*" + command.value() + "(, [A-Za-z]+)* \\|");
            }
        }
    }
}
