package io.github.gb28181.example.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may use the REST API and the web page ({@code gb28181.web.*}).
 *
 * @param login    whether they ask for a login at all (default true); false leaves them open to anyone who can
 *                 reach the HTTP port
 * @param user     the user name (default admin)
 * @param password the password; empty: one is generated at first start, printed once in the log and kept (hashed)
 *                 in the data folder
 */
@ConfigurationProperties("gb28181.web")
public record WebLoginProperties(boolean login, String user, String password) {
}
