package io.github.gb28181.example.broker;

import io.github.gb28181.example.PlatformProperties;
import io.github.gb28181.example.web.GeneratedPassword;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Credentials for the embedded broker when other machines can reach it: with {@code gb28181.broker-host} beyond
 * loopback (or {@code gb28181.broker-login=true}) clients must log in as {@code gb28181.broker-user} with
 * {@code gb28181.broker-password}; without a password one is generated at the first start and printed once, its
 * hash kept in the data folder.
 */
@Configuration(proxyBeanMethods = false)
public class BrokerSecurity {

    static final String HASH_FILE = "broker-login.hash";
    private static final Logger LOG = LoggerFactory.getLogger(BrokerSecurity.class);

    @Bean
    static BeanPostProcessor brokerLogin(ObjectProvider<PlatformProperties> platform,
                                         ObjectProvider<PasswordEncoder> encoder,
                                         @Value("${gb28181.broker-login:auto}") String login,
                                         @Value("${gb28181.broker-user:gb28181}") String user,
                                         @Value("${gb28181.broker-password:}") String password) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof EmbeddedActiveMQ broker && required(platform.getObject(), login)) {
                    PasswordEncoder passwords = encoder.getObject();
                    String hash = password.isEmpty()
                            ? GeneratedPassword.encoded(platform.getObject().dataDir(), HASH_FILE, "JMS broker", user,
                                    passwords)
                            : passwords.encode(password);
                    broker.setSecurityManager(new BrokerLogin(user, hash, passwords));
                    LOG.info("The JMS broker takes clients of other processes with user '{}' only", user);
                }
                return bean;
            }
        };
    }

    @Bean
    ArtemisConfigurationCustomizer brokerSecurityEnabled(PlatformProperties platform,
                                                         @Value("${gb28181.broker-login:auto}") String login) {
        return configuration -> {
            boolean required = required(platform, login);
            configuration.setSecurityEnabled(required);
            if (required) {
                // the cache keys a login by user and password alone: the platform's in-VM connection, which needs
                // none, would let any client in with none
                configuration.setAuthenticationCacheSize(0);
                configuration.setAuthorizationCacheSize(0);
            }
        };
    }

    static boolean required(PlatformProperties platform, String login) {
        if ("true".equalsIgnoreCase(login)) {
            return true;
        }
        if ("false".equalsIgnoreCase(login)) {
            return false;
        }
        return platform.brokerPort() > 0 && BrokerLogin.beyondLoopback(platform.brokerHost());
    }
}
