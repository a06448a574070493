package io.github.gb28181.example.cluster;

import java.util.concurrent.TimeUnit;

import io.github.gb28181.camel.cluster.hazelcast.HazelcastCluster;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A node of a cluster: the embedded Hazelcast member that shares the device registry (Camel autowires it into the
 * gb28181 component's {@code cluster} option), and the cluster service under which the singleton routes run
 * ({@code master:} endpoints). Nothing of this exists on a single platform.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "gb28181.cluster.enabled", havingValue = "true")
public class ClusterConfiguration {

    @Bean(destroyMethod = "close")
    public HazelcastCluster hazelcastCluster(ClusterProperties cluster) {
        return HazelcastCluster.start(HazelcastCluster.config(cluster.node(), cluster.name(), cluster.host(),
                cluster.port(), cluster.members(), (int) Math.max(1, cluster.heartbeatTimeout().toSeconds())));
    }

    /** Camel Spring Boot adds every CamelClusterService bean to the context; the master component finds it there. */
    @Bean
    public FileLockClusterService fileLockClusterService(ClusterProperties cluster) {
        FileLockClusterService service = new FileLockClusterService();
        service.setId(cluster.node());
        service.setRoot(cluster.lockDir().toAbsolutePath().toString());
        // a node that died (its lock released by the OS) is replaced within a second
        service.setAcquireLockDelay(500, TimeUnit.MILLISECONDS);
        service.setAcquireLockInterval(1, TimeUnit.SECONDS);
        return service;
    }
}
