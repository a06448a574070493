package io.github.gb28181.camel.springboot;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.gb28181.camel.springboot.nocamel.PlainSpringBootApplication;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * camel-spring-boot is optional, so a Spring Boot application may have camel-gb28181 without it. The jar's
 * auto-configuration must then step aside: its Camel conditions cannot even be loaded there, and without
 * spring-autoconfigure-metadata.properties the application failed to start. Needs a JVM with a classpath of its own.
 */
class SpringBootWithoutCamelSpringBootTest {

    @Test
    void applicationStartsAndGetsNoGb28181Beans() throws Exception {
        String testClassPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> withoutCamelSpring = Arrays.stream(testClassPath.split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).getFileName().toString().startsWith("camel-spring"))
                .filter(entry -> !Path.of(entry).getFileName().toString().startsWith("camel-test-spring"))
                // Camel's starters (camel-jackson-starter, for the JSON tests) cannot live without camel-spring-boot
                .filter(entry -> !Path.of(entry).getFileName().toString().matches("camel-.*-starter-.*"))
                .collect(Collectors.toList());
        assertThat(withoutCamelSpring).hasSizeLessThan(testClassPath.split(File.pathSeparator).length);

        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, withoutCamelSpring), PlainSpringBootApplication.class.getName())
                .redirectErrorStream(true).start();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(exited).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("gb28181 beans: []");
    }
}
