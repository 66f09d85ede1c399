#!/usr/bin/env bash
# Runs acopi locally on the embedded default: builds what is missing or out of date, then starts the launcher
# (org.acopi.local.LocalStack): a KRaft Kafka broker, MongoDB (mongo-java-server, H2 file), the three services,
# the sample dataset, and prints the public report. See deploy/README.md.
#
#   deploy/local/run.sh                 run and keep serving until Ctrl-C
#   deploy/local/run.sh --once          print the reports as JSON on stdout, then stop
#   deploy/local/run.sh --help          every command and flag
#
# Environment: ACOPI_SKIP_BUILD=1 (never build), ACOPI_MVN_ARGS (extra Maven arguments, e.g. -o),
# ACOPI_JAVA_OPTS (launcher JVM options), ACOPI_SERVICE_JAVA_OPTS (services' JVM options).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

if ! command -v java >/dev/null 2>&1; then
  echo "acopi: java (17 or later) is not on the PATH" >&2
  exit 1
fi

# load and validate need only the launcher; everything else needs the services too
COMMAND="${1:-run}"
# shellcheck source=deploy/local/build-if-needed.sh
source "$ROOT/deploy/local/build-if-needed.sh"

# shellcheck disable=SC2086
exec java ${ACOPI_JAVA_OPTS:--Xmx512m} -Dacopi.repo="$ROOT" \
  -cp "$ROOT/deploy/local/target/classes:$ROOT/deploy/local/target/lib/*" \
  org.acopi.local.LocalStack "$@"
