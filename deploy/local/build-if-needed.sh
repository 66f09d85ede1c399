# Sourced by run.sh and bench.sh (not run on its own): builds with 'mvn -q -B -DskipTests install' when a service has
# no executable jar, the launcher is not built, or a pom or main source file changed since the last build.
# Needs ROOT (the repository) and COMMAND (load and validate need only the launcher). Honours ACOPI_SKIP_BUILD=1 and
# ACOPI_MVN_ARGS.

STAMP="deploy/local/target/.acopi-build-stamp"

needs_build() {
  local service
  if [[ "$COMMAND" != "load" && "$COMMAND" != "validate" ]]; then
    for service in eligibility-service scoring-service reporting-service; do
      compgen -G "$service/target/*-exec.jar" >/dev/null || { echo "$service has no executable jar"; return 0; }
    done
  fi
  [[ -d deploy/local/target/classes && -d deploy/local/target/lib && -d deploy/local/target/bench-lib ]] \
    || { echo "the launcher is not built"; return 0; }
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
