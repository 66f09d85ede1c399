#!/usr/bin/env bash
# Benchmarks acopi at MSSP program scale on a fresh local stack (org.acopi.local.Benchmark): streams a synthetic
# program into the input topics, checks every ACO's public report against the services' pure domain code, measures
# throughput, submission-to-report latency and peak memory, then Kafka's own producer and consumer throughput on the
# same broker. The last line of the output is the ratio pipeline/raw-consumer. See deploy/README.md, "Performance".
#
#   deploy/local/bench.sh                     full scale: 500 ACOs, ~60,000 TINs, ~600,000 TIN/NPIs
#   deploy/local/bench.sh --scale small       5 ACOs (a minute or two); --scale medium: 50 ACOs
#   deploy/local/bench.sh --help              every flag
#
# Environment: as run.sh (ACOPI_SKIP_BUILD, ACOPI_MVN_ARGS); ACOPI_BENCH_JAVA_OPTS (this JVM: the generator and the
# reference pipeline; the MongoDB server runs in a child JVM of its own; default -Xmx3g), ACOPI_SERVICE_JAVA_OPTS (the services; default -Xms256m -Xmx2g -XX:+UseSerialGC).
# chaos.sh runs its own main class (org.acopi.local.ChaosRun) through this script, setting ACOPI_BENCH_MAIN.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

if ! command -v java >/dev/null 2>&1; then
  echo "acopi: java (17 or later) is not on the PATH" >&2
  exit 1
fi

COMMAND=bench
# shellcheck source=deploy/local/build-if-needed.sh
source "$ROOT/deploy/local/build-if-needed.sh"

export ACOPI_SERVICE_JAVA_OPTS="${ACOPI_SERVICE_JAVA_OPTS:--Xms256m -Xmx2g -XX:+UseSerialGC}"
# shellcheck disable=SC2086
exec java ${ACOPI_BENCH_JAVA_OPTS:--Xmx3g -XX:+UseSerialGC} -Dacopi.repo="$ROOT" \
  -Dorg.apache.avro.SERIALIZABLE_PACKAGES=org.acopi,java.lang,java.util,java.math,java.time \
  -cp "$ROOT/deploy/local/target/classes:$ROOT/deploy/local/target/lib/*:$ROOT/deploy/local/target/bench-lib/*" \
  "${ACOPI_BENCH_MAIN:-org.acopi.local.Benchmark}" "$@"
