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
source "$(dirname "${BASH_SOURCE[0]}")/app.sh"

paydeck_start
"$JAVA_HOME/bin/java" bench/LoadDriver.java --url "$BASE_URL/health" --warmup "${WARMUP:-5s}" \
    --duration "${DURATION:-20s}" --concurrency "${CONCURRENCY:-32}" "$@"
