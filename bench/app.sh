# Sourced by the bench/run-*.sh scripts: builds Paydeck, starts it on a throw-away data directory (embedded
# PostgreSQL) with the given extra environment, waits until it is healthy, and stops it (and its PostgreSQL) when
# the calling script exits. Sets APP_PID, POSTGRES_PID (the embedded PostgreSQL's postmaster) and BASE_URL.
#
# Environment: PORT (default 8080; must be free).

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source .ci/java-home.sh

PORT=${PORT:-8080}
JAR=target/paydeck-0.1.0-SNAPSHOT.jar
BASE_URL=http://127.0.0.1:$PORT

command -v curl >/dev/null || { echo "This script needs curl (apt-get install -y curl)" >&2; exit 1; }
if (echo > "/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    echo "Port $PORT is already in use; run with PORT=<a free port> $0" >&2
    exit 1
fi

echo "Building Paydeck with $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1)" >&2
./mvnw -q -DskipTests package

BENCH_WORK=$(mktemp -d -t paydeck-bench.XXXXXX)
APP_PID=""
POSTGRES_PID=-1

paydeck_stop() {
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID"
        for _ in $(seq 1 300); do
            kill -0 "$APP_PID" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$APP_PID" 2>/dev/null; then
            echo "Paydeck (pid $APP_PID) did not stop in 30s; killing it" >&2
            kill -9 "$APP_PID" 2>/dev/null || true
        fi
    fi
    # A PostgreSQL that outlived a killed application: stop the one started on our data directory.
    local pid_file="$BENCH_WORK/data/postgres/postmaster.pid"
    if [[ -f "$pid_file" ]]; then
        local postgres_pid
        postgres_pid=$(head -n 1 "$pid_file")
        if [[ -n "$postgres_pid" ]] && [[ "$(cat "/proc/$postgres_pid/comm" 2>/dev/null)" == postgres* ]]; then
            kill "$postgres_pid" 2>/dev/null || true
            sleep 2
        fi
    fi
    rm -rf "$BENCH_WORK"
}
trap paydeck_stop EXIT

# paydeck_start [VAR=value ...]: starts the application with these extra environment variables.
paydeck_start() {
    echo "Starting Paydeck on port $PORT (data in $BENCH_WORK/data, log in $BENCH_WORK/paydeck.log)" >&2
    # The sandbox's own API port (12111) off: several benchmarks may run side by side on their own PORTs.
    env PAYDECK_SANDBOX_PORT=0 "$@" PORT="$PORT" PAYDECK_DATA_DIR="$BENCH_WORK/data" "$JAVA_HOME/bin/java" -jar "$JAR" \
        > "$BENCH_WORK/paydeck.log" 2>&1 &
    APP_PID=$!
    for attempt in $(seq 1 240); do
        if curl -fsS -o /dev/null "$BASE_URL/health" 2>/dev/null; then
            echo "Paydeck is up: $(curl -fsS "$BASE_URL/health")" >&2
            POSTGRES_PID=$(head -n 1 "$BENCH_WORK/data/postgres/postmaster.pid" 2>/dev/null || echo -1)
            return 0
        fi
        if ! kill -0 "$APP_PID" 2>/dev/null || (( attempt == 240 )); then
            echo "Paydeck did not become healthy; the end of its log:" >&2
            tail -n 40 "$BENCH_WORK/paydeck.log" >&2
            exit 1
        fi
        sleep 0.5
    done
}

# The test classpath, for the benchmark programs in src/test/java/dev/paydeck/bench (stripe-java on it).
paydeck_bench_classpath() {
    ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >&2
    echo "target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
}
