package io.github.gb28181.example.broker;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/**
 * The event bus of a cluster on one machine: an Artemis broker in a JVM of its own, with a persistent journal, so
 * alarms queued by a node that then dies stay queued. The nodes reach it with
 * {@code --spring.artemis.mode=native --spring.artemis.broker-url=tcp://host:port}. In production run Artemis's own
 * distribution, as a live/backup pair with a login (docs/cluster.md); this is the same broker, started from the jars
 * the example already has, without a login and so on a loopback address only:
 *
 * <pre>
 * java -cp camel-gb28181-example.jar -Dloader.main=io.github.gb28181.example.broker.StandaloneBroker \
 *     org.springframework.boot.loader.launch.PropertiesLauncher 127.0.0.1 61616 data/broker
 * </pre>
 */
public final class StandaloneBroker {

    private StandaloneBroker() {
    }

    public static void main(String[] args) throws Exception {
        String host = args.length > 0 ? args[0] : "127.0.0.1";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 61616;
        Path data = Path.of(args.length > 2 ? args[2] : "data/broker").toAbsolutePath();
        if (BrokerLogin.beyondLoopback(host)) {
            // anyone who reached it could read every alarm and inject events: across machines, Artemis with a login
            System.err.println("StandaloneBroker listens on loopback addresses only, not " + host
                               + ": across machines run Artemis's own distribution with a login (docs/cluster.md)");
            System.exit(2);
        }
        Configuration config = new ConfigurationImpl()
                .setName("gb28181-bus")
                .setPersistenceEnabled(true)
                .setJournalDirectory(data.resolve("journal").toString())
                .setBindingsDirectory(data.resolve("bindings").toString())
                .setLargeMessagesDirectory(data.resolve("large").toString())
                .setPagingDirectory(data.resolve("paging").toString())
                .setSecurityEnabled(false)
                .addAcceptorConfiguration("tcp", "tcp://" + host + ":" + port + "?protocols=CORE")
                // what the broker tells clients it is at, for their reconnections: without one it names a default
                .addConnectorConfiguration("tcp", "tcp://" + host + ":" + port);
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfiguration(config);
        broker.start();
        System.out.println("Broker listening on " + host + ":" + port + ", journal in " + data);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                broker.stop();
            } catch (Exception e) {
                System.err.println("Broker stop: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }));
        stopped.await();
    }
}
