package io.github.gb28181.example.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The settings of one node of a cluster ({@code --gb28181.cluster.enabled=true ...}); docs/cluster.md shows a whole
 * deployment. Off by default: a single platform needs none of it.
 *
 * @param enabled          whether this platform is one node of several behind a SIP proxy
 * @param node             this node's name, unique in the cluster
 * @param name             the cluster's name: members of another cluster never join this one
 * @param host             where this node's Hazelcast member listens
 * @param port             its port
 * @param members          every member's host:port, this one's included
 * @param heartbeatTimeout silence after which a member is taken for dead
 * @param proxies          the SIP proxies in front (addresses or CIDR blocks), whose Via and Path are trusted
 * @param lockDir          a folder every node shares, where Camel's file cluster service elects the node that runs
 *                         the singleton routes (on Kubernetes, use camel-kubernetes' Lease instead)
 */
@ConfigurationProperties("gb28181.cluster")
public record ClusterProperties(
        boolean enabled, String node, String name, String host, int port, List<String> members,
        Duration heartbeatTimeout, String proxies, Path lockDir) {
}
