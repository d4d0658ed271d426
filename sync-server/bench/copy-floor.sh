#!/usr/bin/env bash
# What PostgreSQL alone costs for the rows the sync server writes per reconciled sale (order, order
# seat, payment, ticket, sync_sale), without HTTP, JSON, Redis or Java: 100 transactions of 1,000
# one-seat sales, COPY per table, 4 sessions at once, on a scratch database made from the project's
# migrations. Prints one line per schema variant: wall seconds and PostgreSQL CPU seconds (the
# backends', read from the postmaster's children times in /proc; run it on the database's machine).
#
#   sync-server/bench/copy-floor.sh            (needs psql, python3 and a local PostgreSQL, trust auth)
set -euo pipefail
cd "$(dirname "$0")/../.."
PSQL=(psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -q -v ON_ERROR_STOP=1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work" <<'PY'
import sys, uuid
out_dir = sys.argv[1]
now = '2026-11-25T10:00:00Z'
tables = {
    'o': 'sale_order (id, performance_id, channel, terminal_id, buyer, status, total_minor, currency, created_at, updated_at, version)',
    's': 'order_seat (order_id, seat_id, category, price_minor)',
    'p': 'payment (id, order_id, method, amount_minor, currency, status, idempotency_key, provider_reference, tendered_minor, change_minor, created_at, updated_at)',
    't': 'ticket (id, order_id, performance_id, seat_id, price_minor, status, issued_at, live_seat_key)',
    'y': 'sync_sale (sale_id, terminal_id, sequence_no, batch_id, performance_id, content_hash, outcome, order_id, seats, conflict_id, reason, applied_at)',
}
for b in range(100):
    rows = {k: [] for k in tables}
    for i in range(1000):
        n = b * 1000 + i
        perf, seat = 'p%d' % (n % 2), 'S%d' % (n // 2)
        oid, sid = str(uuid.uuid4()), str(uuid.uuid4())
        rows['o'].append(f"{oid}\t{perf}\tBOX_OFFICE\tterm{b % 20}\t\\N\tCONFIRMED\t5000\tEUR\t{now}\t{now}\t0")
        rows['s'].append(f"{oid}\t{seat}\tA\t5000")
        rows['p'].append(f"{uuid.uuid4()}\t{oid}\tCASH\t5000\tEUR\tCAPTURED\tpay-{sid}\t\\N\t5000\t0\t{now}\t{now}")
        rows['t'].append(f"{uuid.uuid4()}\t{oid}\t{perf}\t{seat}\t5000\tLIVE\t{now}\t{seat}")
        rows['y'].append(f"{sid}\tterm{b % 20}\t{i + 1}\tbatch{b}\t{perf}\t{'a' * 64}\tACCEPTED\t{oid}\t{seat}\t\\N\t\\N\t{now}")
    with open(f'{out_dir}/b{b:03d}.sql', 'w') as f:
        f.write('BEGIN;\n')
        for k, target in tables.items():
            f.write(f'COPY {target} FROM stdin;\n' + '\n'.join(rows[k]) + '\n\\.\n')
        f.write('COMMIT;\n')
PY

make_db() {
    "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS copy_floor" -c "CREATE DATABASE copy_floor"
    for f in $(ls core/src/main/resources/db/migration/*.sql | sort -V) sync-server/src/main/resources/db/migration-server/*.sql; do
        "${PSQL[@]}" -d copy_floor -f "$f" > /dev/null
    done
    "${PSQL[@]}" -d copy_floor -c "INSERT INTO venue VALUES ('v', 'V', 'STADIUM', 1, '{}', now())" \
        -c "INSERT INTO performance VALUES ('p0', 'v', 't', now(), now() - interval '1 day', now() + interval '1 day', 8, 'AT_RISK_ALLOWED', 1, 1, 1, 0, 1),
                                           ('p1', 'v', 't', now(), now() - interval '1 day', now() + interval '1 day', 8, 'AT_RISK_ALLOWED', 1, 1, 1, 0, 1)"
}

run() {
    "${PSQL[@]}" -d copy_floor -c "TRUNCATE sync_sale, ticket, payment, order_seat, sale_order CASCADE" -c "CHECKPOINT" 2> /dev/null
    local postmaster c0 c1 s e
    postmaster=$(pgrep -o postgres)
    c0=$(awk '{print $16 + $17}' "/proc/$postmaster/stat")
    s=$(date +%s.%N)
    ls "$work"/b*.sql | xargs -P 4 -n 1 "${PSQL[@]}" -d copy_floor -f > /dev/null
    e=$(date +%s.%N)
    c1=$(awk '{print $16 + $17}' "/proc/$postmaster/stat")
    printf 'RESULT copy_floor schema=%s sales=100000 seconds=%.1f postgres_cpu_seconds=%.1f\n' "$1" \
        "$(echo "$e - $s" | bc)" "$(echo "($c1 - $c0) / $(getconf CLK_TCK)" | bc -l)"
}

make_db
run as-migrated
"${PSQL[@]}" -d copy_floor -c "ALTER TABLE ticket DROP CONSTRAINT fk_ticket_performance" \
    -c "ALTER TABLE sale_order DROP CONSTRAINT fk_sale_order_performance"
run without-performance-foreign-keys
"${PSQL[@]}" -d copy_floor -c "ALTER TABLE order_seat DROP CONSTRAINT fk_order_seat_order" \
    -c "ALTER TABLE payment DROP CONSTRAINT fk_payment_order" -c "ALTER TABLE ticket DROP CONSTRAINT fk_ticket_order" \
    -c "ALTER TABLE refund_money DROP CONSTRAINT fk_refund_money_payment" -c "ALTER TABLE sync_conflict DROP CONSTRAINT fk_sync_conflict_order"
run without-foreign-keys
"${PSQL[@]}" -d copy_floor -c "DROP INDEX ix_sale_order_status" -c "DROP INDEX ix_payment_status" \
    -c "DROP INDEX ix_sync_sale_terminal" -c "DROP INDEX ix_ticket_performance_seat"
run without-foreign-keys-or-secondary-indexes
"${PSQL[@]}" -d postgres -c "DROP DATABASE copy_floor"
