#!/usr/bin/env bash
# Creates the acopi topics listed in topics.txt (beside this script) that do not exist yet; existing topics are
# left as they are. Used by docker compose (one-shot container on the apache/kafka image) and the Kubernetes Job.
#
#   create-topics.sh [BOOTSTRAP] [TOPICS_FILE]
#
# Environment: KAFKA_BOOTSTRAP_SERVERS (default localhost:9092), TOPIC_REPLICATION_FACTOR (default 1; use 3 on a
# production cluster), KAFKA_TOPICS_CMD (default: kafka-topics.sh on the PATH, else /opt/kafka/bin/kafka-topics.sh).
set -euo pipefail

BOOTSTRAP="${1:-${KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}}"
FILE="${2:-$(dirname "$0")/topics.txt}"
RF="${TOPIC_REPLICATION_FACTOR:-1}"
CMD="${KAFKA_TOPICS_CMD:-$(command -v kafka-topics.sh || echo /opt/kafka/bin/kafka-topics.sh)}"

existing="$("$CMD" --bootstrap-server "$BOOTSTRAP" --list)"
while read -r name partitions configs _; do
  [[ -z "${name:-}" || "$name" == \#* ]] && continue
  if grep -qxF "$name" <<<"$existing"; then
    echo "exists: $name"
    continue
  fi
  args=(--bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$name"
        --partitions "$partitions" --replication-factor "$RF")
  if [[ -n "${configs:-}" ]]; then
    IFS=',' read -ra pairs <<<"$configs"
    for pair in "${pairs[@]}"; do
      args+=(--config "$pair")
    done
  fi
  "$CMD" "${args[@]}"
done <"$FILE"
