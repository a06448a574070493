#!/usr/bin/env bash
# The cluster of docs/cluster.md on this machine: Kamailio on 127.0.0.10, three example platforms on 127.0.0.11-13,
# an Artemis broker, and 3,000 simulated devices; prints registration spread, PTZ from every node, the failover after
# kill -9 of a node, and throughput with 3, 2 and 1 nodes and of the proxy alone. Needs kamailio and sipp
# (Debian: apt-get install kamailio sip-tester). Takes several minutes.
#
#   camel-gb28181-example/cluster/run.sh [-Dcluster.devices=3000] [-Dcluster.keepalive=10] [-Dcluster.benchSeconds=20]
set -euo pipefail
cd "$(dirname "$0")/../.."
for tool in kamailio sipp; do
    command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install kamailio sip-tester" >&2; exit 1; }
done
# only this module's ClusterBenchmark runs; the modules it needs are built, their tests skipped by -Dtest
exec mvn -B -o -pl camel-gb28181-example -am -Pcluster test -Dtest=ClusterBenchmark \
    -Dsurefire.failIfNoSpecifiedTests=false "$@"
