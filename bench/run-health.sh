#!/usr/bin/env bash
# Builds Paydeck, starts it on a throw-away data directory (embedded PostgreSQL), measures GET /health with
# bench/LoadDriver.java and prints the driver's JSON line on stdout. The application is stopped at the end.
#
#   bench/run-health.sh                                  # 5s warm-up, 20s closed loop with 32 workers
#   DURATION=60s CONCURRENCY=64 bench/run-health.sh      # other settings
#   bench/run-health.sh --rate 2000                      # extra arguments go to the driver (here: open loop)
#
# Environment: PORT (default 8080; must be free), WARMUP (5s), DURATION (20s), CONCURRENCY (32).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source .ci/java-home.sh

PORT=${PORT:-8080}
WARMUP=${WARMUP:-5s}
DURATION=${DURATION:-20s}
CONCURRENCY=${CONCURRENCY:-32}
JAR=target/paydeck-0.1.0-SNAPSHOT.jar

command -v curl >/dev/null || { echo "This script needs curl (apt-get install -y curl)" >&2; exit 1; }
if (echo > "/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    echo "Port $PORT is already in use; run with PORT=<a free port> $0" >&2
    exit 1
fi

echo "Building Paydeck with $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1)" >&2
./mvnw -q -DskipTests package

work=$(mktemp -d -t paydeck-bench.XXXXXX)
app_pid=""

stop_app() {
    if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
        kill "$app_pid"
        for _ in $(seq 1 300); do
            kill -0 "$app_pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$app_pid" 2>/dev/null; then
            echo "Paydeck (pid $app_pid) did not stop in 30s; killing it" >&2
            kill -9 "$app_pid" 2>/dev/null || true
        fi
    fi
    # A PostgreSQL that outlived a killed application: stop the one started on our data directory.
    local pid_file="$work/data/postgres/postmaster.pid"
    if [[ -f "$pid_file" ]]; then
        local postgres_pid
        postgres_pid=$(head -n 1 "$pid_file")
        if [[ -n "$postgres_pid" ]] && [[ "$(cat "/proc/$postgres_pid/comm" 2>/dev/null)" == postgres* ]]; then
            kill "$postgres_pid" 2>/dev/null || true
            sleep 2
        fi
    fi
    rm -rf "$work"
}
trap stop_app EXIT

echo "Starting Paydeck on port $PORT (data in $work/data, log in $work/paydeck.log)" >&2
PORT=$PORT PAYDECK_DATA_DIR="$work/data" "$JAVA_HOME/bin/java" -jar "$JAR" > "$work/paydeck.log" 2>&1 &
app_pid=$!

health=http://127.0.0.1:$PORT/health
for attempt in $(seq 1 240); do
    if curl -fsS -o /dev/null "$health" 2>/dev/null; then
        break
    fi
    if ! kill -0 "$app_pid" 2>/dev/null || (( attempt == 240 )); then
        echo "Paydeck did not become healthy; the end of its log:" >&2
        tail -n 40 "$work/paydeck.log" >&2
        exit 1
    fi
    sleep 0.5
done
echo "Paydeck is up: $(curl -fsS "$health")" >&2

"$JAVA_HOME/bin/java" bench/LoadDriver.java --url "$health" --warmup "$WARMUP" --duration "$DURATION" \
    --concurrency "$CONCURRENCY" "$@"
