package io.github.gb28181.example.web;

import io.github.gb28181.example.PlatformProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The login of the REST API and the web page. A browser gets a login form and a session; API clients send HTTP Basic
 * ({@code curl -u admin:...}), or, when an OAuth2/OIDC provider is configured
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}), its bearer tokens. Health probes stay open, for
 * orchestrators. {@code gb28181.web.login=false} opens everything.
 * <p>
 * Cross-site request forgery: the session cookie is SameSite=Strict (application.yaml), so no other site's page can
 * make a browser send it; requests with credentials of their own (Basic, bearer) carry no cookie to forge.
 */
@Configuration(proxyBeanMethods = false)
public class WebSecurity {

    private static final RequestMatcher API = request -> request.getRequestURI().startsWith("/api/");

    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    public UserDetailsService webUsers(WebLoginProperties web, PlatformProperties platform, PasswordEncoder encoder) {
        if (!web.login()) {
            return new InMemoryUserDetailsManager();
        }
        String encoded = web.password() == null || web.password().isEmpty()
                ? GeneratedPassword.encoded(platform.dataDir(), web.user(), encoder)
                : encoder.encode(web.password());
        return new InMemoryUserDetailsManager(User.withUsername(web.user()).password(encoded).roles("OPERATOR").build());
    }

    @Bean
    public SecurityFilterChain webLogin(HttpSecurity http, WebLoginProperties web, ObjectProvider<JwtDecoder> jwt)
            throws Exception {
        http.csrf(csrf -> csrf.disable());
        if (!web.login()) {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
        }
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("gb28181");
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(WebSecurity::openPath).permitAll()
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                .httpBasic(httpBasic -> httpBasic.authenticationEntryPoint(basic))
                // an API client without credentials is told 401, not sent to a login form
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(basic, API));
        if (jwt.getIfAvailable() != null) {
            http.oauth2ResourceServer(tokens -> tokens.jwt(Customizer.withDefaults()));
        }
        return http.build();
    }

    private static boolean openPath(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/actuator/health") || path.equals("/login") || path.equals("/error");
    }
}
