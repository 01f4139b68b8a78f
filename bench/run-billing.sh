#!/usr/bin/env bash
# A year of monthly renewals as Paydeck sees them (issue 18, billing performance): one organization on a sandbox
# account of its own (Paydeck's webhook endpoint registered there), its product and monthly price created through
# Paydeck's API, SUBSCRIPTIONS (1,000) customers on one test clock with a card and a monthly subscription each, made
# in that sandbox account and mirrored by Paydeck from the webhooks; then the clock advanced MONTHS (12) months, two
# per advance. Times the sandbox until the clock is ready (sandbox_seconds), then Paydeck until it holds every
# invoice (13 per subscription) as paid, every subscription active in its latest period, and every webhook the
# sandbox sent processed (paydeck_after_sandbox_seconds, goal ≤ 60). Prints one JSON line, with the events received
# and processed, the invoices and subscriptions by status, and the CPU seconds of Paydeck and PostgreSQL from the
# first advance to the end. Paydeck's state is read with read-only SQL counts on its embedded PostgreSQL.
#   sandbox_delivered_after_ready_seconds: when the sandbox had no webhook left to deliver to Paydeck (it delivers
#     after the clock is ready too); events_received: the events of the advances; events_by_status: every event of
#     the organization (the set-up's too); stripe_calls and events_retried: Paydeck's read-backs from Stripe and
#     the events that needed more than one attempt, since the first advance (broken down on stderr, with the time
#     from received to processed per event type).
#
# Environment: PORT (8080), SUBSCRIPTIONS (1000), MONTHS (12), TIMEOUT_SECONDS (900: for the set-up to be mirrored,
# and again for Paydeck after the clock is ready; the script exits 2 if Paydeck has not converged by then),
# KEEP_LOG (a file to copy Paydeck's log to at the end).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/app.sh"

classpath=$(paydeck_bench_classpath)
paydeck_start PAYDECK_SANDBOX_RATE_LIMIT=0 PAYDECK_DEMO_ENABLED=false
db_port=$(sed -n 4p "$BENCH_WORK/data/postgres/postmaster.pid")
"$JAVA_HOME/bin/java" -Dhttp.maxConnections=64 -cp "$classpath" dev.paydeck.bench.BillingBench --base="$BASE_URL" \
    --jdbc="jdbc:postgresql://127.0.0.1:$db_port/paydeck" --password="$(cat "$BENCH_WORK/data/postgres.password")" \
    --subscriptions="${SUBSCRIPTIONS:-1000}" --months="${MONTHS:-12}" --timeout="${TIMEOUT_SECONDS:-900}" \
    --app-pid="$APP_PID" --postgres-pid="$POSTGRES_PID" || status=$?
if [[ -n "${KEEP_LOG:-}" ]]; then
    cp "$BENCH_WORK/paydeck.log" "$KEEP_LOG"
fi
exit "${status:-0}"
