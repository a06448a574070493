package io.github.gb28181.camel.platform;

import io.github.gb28181.camel.device.DeviceStore;
import io.github.gb28181.camel.device.NodeMembership;
import io.github.gb28181.camel.sip.command.RemoteWaiters;
import io.github.gb28181.camel.sip.media.MediaSessionDirectory;

/**
 * What one node of a cluster shares with the others, through an engine of the operator's choice: the device
 * registry (a {@link DeviceStore} that tells of the others' changes), who the nodes are, the answers that reach a
 * node other than the one waiting for them, and which node holds each media session. docs/cluster.md describes the whole shape; the camel-gb28181-cluster
 * module implements it on Hazelcast.
 */
public interface PlatformCluster {

    NodeMembership membership();

    DeviceStore deviceStore();

    RemoteWaiters remoteWaiters();

    /** Every node's media sessions, and the way to the node holding one. */
    MediaSessionDirectory mediaSessions();
}
