#!/bin/sh
# The demo feeder of docker-compose.yml (service feeder, profile demo), run from the migration-monitor image:
# simulated member events, published to the Compose broker and registry as they fall due.
#
# No monitor command publishes a live simulation to an external cluster: `demo` always starts its own embedded
# broker and registry. So this script simulates the current calendar year with `simulate` (the same seed gives
# the same records) and publishes with `publish` every record whose recordedAt has come: at start everything
# from 1 January up to now, then, every FEEDER_INTERVAL_SECONDS, what fell due since. Later records wait: the
# broker refuses a record timestamped more than an hour ahead of its clock (log.message.timestamp.after.max.ms),
# and a record is sent with its recordedAt as timestamp. On 1 January it simulates the new year.
# The simulation includes invalid records (about 2 %): `publish` refuses them and exits with 3; that is expected.
#
# Environment: MONITOR_BOOTSTRAP_SERVERS and MONITOR_SCHEMA_REGISTRY_URL (read by publish), FEEDER_SCALE
# (default 0.01: about 4,600 migrants a year), FEEDER_SEED (1), FEEDER_INTERVAL_SECONDS (60),
# FEEDER_DIR (/tmp/feeder), MONITOR_JAR (/app/migration-monitor.jar).
set -eu

jar="${MONITOR_JAR:-/app/migration-monitor.jar}"
scale="${FEEDER_SCALE:-0.01}"
seed="${FEEDER_SEED:-1}"
interval="${FEEDER_INTERVAL_SECONDS:-60}"
work="${FEEDER_DIR:-/tmp/feeder}"

trap 'exit 0' TERM INT

year=""
sent="" # every record with a recordedAt up to this instant (inclusive) is published; empty: none yet
while :; do
  now="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  # The plan's calendar is Europe/Amsterdam, as the simulator's.
  this_year="$(TZ=Europe/Amsterdam date +%Y)"
  if [ "$this_year" != "$year" ]; then
    rm -rf "$work"
    mkdir -p "$work/year"
    java -jar "$jar" simulate --out "$work/year" --year "$this_year" --scale "$scale" --seed "$seed"
    year="$this_year"
    sent=""
  fi
  rm -rf "$work/batch"
  mkdir -p "$work/batch"
  for file in "$work"/year/*.jsonl; do
    # recordedAt is the value's, or the line's for a tombstone: the first on the line. ISO instants in UTC
    # compare as strings. A line without one (an invalid record) goes with the first batch.
    awk -v from="$sent" -v to="$now" '
      match($0, /"recordedAt":"[^"]*"/) { t = substr($0, RSTART + 14, RLENGTH - 15); if (t > from && t <= to) print; next }
      from == "" { print }' "$file" > "$work/batch/$(basename "$file")"
  done
  if [ -n "$(cat "$work"/batch/*.jsonl | head -c 1)" ]; then
    summary="$(java -jar "$jar" publish --dir "$work/batch" || true)"
    case "$summary" in
      *published*)
        echo "feeder: records recorded up to $now: $summary"
        sent="$now"
        ;;
      *)
        echo "feeder: publish failed; trying the records recorded up to $now again in ${interval}s" >&2
        ;;
    esac
  fi
  sleep "$interval" &
  wait $!
done
