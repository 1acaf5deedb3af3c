#!/usr/bin/env bash
# `make bench`: a database with a plant group's Party work (generated once,
# reused after; RESET=1 starts afresh), then the measures of issue 7, printed
# as a table and written to bench-results.json. Sizes: BENCH_BRANCHES,
# BENCH_MEMBERS, BENCH_ENTRIES, BENCH_SUGGESTIONS, BENCH_SEED; BENCH_RUNS
# runs per measure (median, after a warm-up).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"
setup_venv
find_odoo || die "$ODOO_MISSING"
setup_pg

BRANCHES=${BENCH_BRANCHES:-200}
MEMBERS=${BENCH_MEMBERS:-10000}
ENTRIES=${BENCH_ENTRIES:-1000000}
SUGGESTIONS=${BENCH_SUGGESTIONS:-100000}
SEED=${BENCH_SEED:-7}
DB=${BENCH_DB:-party_bench_${MEMBERS}m_${ENTRIES}e}
DATA_DIR=$ROOT/var/odoo

if [ "${RESET:-0}" = 1 ]; then
    step "Dropping the benchmark database $DB"
    "$PY" tools/pgdb.py drop "$DB" || exit 2
fi
if ! "$PY" tools/pgdb.py exists "$DB"; then
    step "Creating $DB and installing $ADDONS (without demo data)"
    "$PY" tools/pgdb.py create "$DB"
    mkdir -p "$DATA_DIR"
    if ! "${ODOO_BIN[@]}" --addons-path="$ODOO_ADDONS_PATH" --data-dir="$DATA_DIR" -d "$DB" \
        -i "$ADDONS" --without-demo=all --stop-after-init --no-http --log-level=warn; then
        "$PY" tools/pgdb.py drop "$DB"
        die "Installing the addons into $DB failed (see above)."
    fi
fi

step "Benchmark on $DB ($MEMBERS members, $ENTRIES entries, $SUGGESTIONS suggestions)"
"$PY" tools/bench/run.py -d "$DB" --addons-path="$ODOO_ADDONS_PATH" --data-dir="$DATA_DIR" \
    --branches="$BRANCHES" --members="$MEMBERS" --entries="$ENTRIES" \
    --suggestions="$SUGGESTIONS" --seed="$SEED" --runs="${BENCH_RUNS:-5}"
