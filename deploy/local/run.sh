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

STAMP="deploy/local/target/.acopi-build-stamp"

# load and validate need only the launcher; everything else needs the services too
COMMAND="${1:-run}"

needs_build() {
  local service
  if [[ "$COMMAND" != "load" && "$COMMAND" != "validate" ]]; then
    for service in eligibility-service scoring-service reporting-service; do
      compgen -G "$service/target/*-exec.jar" >/dev/null || { echo "$service has no executable jar"; return 0; }
    done
  fi
  [[ -d deploy/local/target/classes && -d deploy/local/target/lib ]] || { echo "the launcher is not built"; return 0; }
  [[ -f "$STAMP" ]] || { echo "no record of a previous build"; return 0; }
  local changed
  changed="$(find pom.xml schemas eligibility-service scoring-service reporting-service deploy/local/pom.xml \
      deploy/local/src/main deploy/topics \
      -type f -newer "$STAMP" -not -path '*/target/*' -not -path '*/src/test/*' -not -name '.*' -print -quit 2>/dev/null)"
  [[ -z "$changed" ]] || { echo "$changed changed since the last build"; return 0; }
  return 1
}

if [[ "${ACOPI_SKIP_BUILD:-0}" != "1" ]] && reason="$(needs_build)"; then
  echo "[acopi] building ($reason): mvn -q -B -DskipTests install ${ACOPI_MVN_ARGS:-}" >&2
  # shellcheck disable=SC2086
  mvn -q -B -DskipTests ${ACOPI_MVN_ARGS:-} install 1>&2
  touch "$STAMP"
fi

# shellcheck disable=SC2086
exec java ${ACOPI_JAVA_OPTS:--Xmx512m} -Dacopi.repo="$ROOT" \
  -cp "$ROOT/deploy/local/target/classes:$ROOT/deploy/local/target/lib/*" \
  org.acopi.local.LocalStack "$@"
