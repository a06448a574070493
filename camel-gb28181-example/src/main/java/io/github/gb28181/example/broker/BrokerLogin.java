package io.github.gb28181.example.broker;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;

import javax.security.auth.Subject;

import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnection;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager5;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The embedded broker's login for clients of other processes: one user, its password kept as a hash. The platform's
 * own in-VM connection needs none. Used when the broker listens beyond loopback ({@code gb28181.broker-host}), or
 * when {@code gb28181.broker-login=true}.
 */
final class BrokerLogin implements ActiveMQSecurityManager5 {

    private final String user;
    private final String passwordHash;
    private final PasswordEncoder encoder;

    BrokerLogin(String user, String passwordHash, PasswordEncoder encoder) {
        this.user = user;
        this.passwordHash = passwordHash;
        this.encoder = encoder;
    }

    /** Whether a broker listening on {@code host} is reachable from other machines. */
    static boolean beyondLoopback(String host) {
        try {
            return !InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return true;
        }
    }

    @Override
    public Subject authenticate(String user, String password, RemotingConnection connection, String securityDomain) {
        boolean inVm = connection != null && connection.getTransportConnection() instanceof InVMConnection;
        if (inVm || validateUser(user, password)) {
            Subject subject = new Subject();
            subject.getPrincipals().add(new UserPrincipal(inVm ? "platform" : user));
            return subject;
        }
        return null;
    }

    @Override
    public boolean authorize(Subject subject, Set<Role> roles, CheckType checkType, String address) {
        return subject != null;
    }

    @Override
    public boolean validateUser(String user, String password) {
        return this.user.equals(user) && password != null && encoder.matches(password, passwordHash);
    }

    @Override
    public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
        return validateUser(user, password);
    }
}
