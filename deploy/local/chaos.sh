#!/usr/bin/env bash
# The chaos run (org.acopi.local.ChaosRun): a fresh local stack with two instances of each service, a synthetic MSSP
# program streamed into the input topics while service instances are SIGKILLed at random moments (30 by default,
# also during start-up and rebalances), the broker is restarted once and the MongoDB server is away for 60 s. Then it
# waits until every ACO's public report equals the reference pipeline's, prints kills and outages survived, reports
# right / total and the time to converge after the last fault, and stops. Exit 0 only when every report is right.
# See deploy/README.md, "Chaos run".
#
#   deploy/local/chaos.sh                     medium scale (50 ACOs), 30 kills, 60 s MongoDB outage
#   deploy/local/chaos.sh --scale small --kills 10 --mongo-outage 10s
#   deploy/local/chaos.sh --help              every flag
#
# It builds and starts like bench.sh (same environment variables), with other defaults: ACOPI_BENCH_JAVA_OPTS (this
# JVM, which also runs the MongoDB server) -Xmx2g -XX:+UseSerialGC; ACOPI_SERVICE_JAVA_OPTS (each of the six service
# instances) -Xms128m -Xmx768m -XX:+UseSerialGC -XX:TieredStopAtLevel=1, for quick restarts.
set -euo pipefail

export ACOPI_BENCH_MAIN=org.acopi.local.ChaosRun
export ACOPI_BENCH_JAVA_OPTS="${ACOPI_BENCH_JAVA_OPTS:--Xmx2g -XX:+UseSerialGC}"
export ACOPI_SERVICE_JAVA_OPTS="${ACOPI_SERVICE_JAVA_OPTS:--Xms128m -Xmx768m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
exec "$(dirname "${BASH_SOURCE[0]}")/bench.sh" "$@"
