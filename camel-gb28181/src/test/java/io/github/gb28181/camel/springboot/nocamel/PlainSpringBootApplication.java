package io.github.gb28181.camel.springboot.nocamel;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spring Boot application that has camel-gb28181 but not camel-spring-boot on its classpath, run in a JVM of its
 * own by {@code SpringBootWithoutCamelSpringBootTest}. Prints the gb28181 beans it ended up with.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class PlainSpringBootApplication {

    public static void main(String[] args) throws Exception {
        if (PlainSpringBootApplication.class.getClassLoader()
                .getResource("org/apache/camel/spring/boot/CamelAutoConfiguration.class") != null) {
            throw new IllegalStateException("camel-spring-boot is on the classpath: the test proves nothing");
        }
        try (ConfigurableApplicationContext context = SpringApplication.run(PlainSpringBootApplication.class,
                "--spring.main.web-application-type=none", "--spring.main.banner-mode=off")) {
            String beans = Arrays.stream(context.getBeanDefinitionNames())
                    .filter(name -> name.toLowerCase().contains("gb28181")).collect(Collectors.joining(","));
            System.out.println("gb28181 beans: [" + beans + "]");
        }
    }
}
