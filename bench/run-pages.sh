#!/usr/bin/env bash
# The pages of a big organization (issues "Web UI" and "Billing", performance: each ≤ 150 ms at p95): one organization
# with 100,000 payments, 20,000 customers and 100,000 invoices seeded straight into the embedded PostgreSQL, then the
# dashboard, the payments list (filtered by status, and a text search), a payment's detail, the customers list and
# the invoices list (all, and open ones) asked one request at a time by a signed-in browser session, and the invoices
# list of the API (GET /api/v1/invoices) with a viewer's API key. Prints one JSON line per page.
#
# Environment: PORT (8080), PAYMENTS (100000), CUSTOMERS (20000), INVOICES (100000), REQUESTS (300 per page),
# WARMUP (100 per page).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/app.sh"

classpath=$(paydeck_bench_classpath)
paydeck_start PAYDECK_DEMO_ENABLED=false
db_port=$(sed -n 4p "$BENCH_WORK/data/postgres/postmaster.pid")

"$JAVA_HOME/bin/java" -cp "$classpath" dev.paydeck.bench.PagesBench --base="$BASE_URL" \
    --jdbc="jdbc:postgresql://127.0.0.1:$db_port/paydeck" --password="$(cat "$BENCH_WORK/data/postgres.password")" \
    --payments="${PAYMENTS:-100000}" --customers="${CUSTOMERS:-20000}" --invoices="${INVOICES:-100000}" \
    --requests="${REQUESTS:-300}" --warmup="${WARMUP:-100}"
