#!/usr/bin/env bash
# `make bench`: a database with a plant group's Party work (generated once,
# reused after; RESET=1 starts afresh), then the measures of issue 7, printed
# as a table and written to bench-results.json. Sizes: BENCH_BRANCHES,
# BENCH_MEMBERS, BENCH_ENTRIES, BENCH_SUGGESTIONS, BENCH_SEED; BENCH_RUNS
# runs per measure (median, after a warm-up). A second, 100 times smaller
# database is built alongside for the member page. Both are updated (-u)
# when the addons' code changed since they were built or last updated. It
# runs on the newest Odoo series found (ODOO_SERIES picks another).
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

# The addons' code as a checksum: a database installed or updated with other
# code is updated (-u) before it is measured.
code_sum() {
    (cd "$ROOT" && find party_points party_ledger -type f ! -name '*.pyc' -print0 \
        | sort -z | xargs -0 cksum) | cksum | cut -d' ' -f1
}

# Create DB with the addons installed, or update them if the code changed.
install_db() {
    local db=$1 stamp="$DATA_DIR/$1.code-sum"
    if [ "${RESET:-0}" = 1 ]; then
        step "Dropping the benchmark database $db"
        pgdb drop "$db" || exit 2
    fi
    check_db_series "$db" "$DATA_DIR" "RESET=1 make bench"
    if ! pgdb exists "$db"; then
        step "Creating $db and installing $ADDONS (without demo data, Odoo $SERIES)"
        pgdb create "$db"
        if ! "${ODOO_BIN[@]}" --addons-path="$ODOO_ADDONS_PATH" --data-dir="$DATA_DIR" -d "$db" \
            -i "$ADDONS" "${ODOO_WITHOUT_DEMO[@]}" --stop-after-init --no-http --log-level=warn; then
            pgdb drop "$db"
            die "Installing the addons into $db failed (see above)."
        fi
    elif [ "$(cat "$stamp" 2>/dev/null)" != "$SUM" ]; then
        step "Updating $ADDONS in $db (the code changed since it was built)"
        "${ODOO_BIN[@]}" --addons-path="$ODOO_ADDONS_PATH" --data-dir="$DATA_DIR" -d "$db" \
            -u "$ADDONS" --stop-after-init --no-http --log-level=warn \
            || die "Updating the addons in $db failed (see above)."
    fi
    printf '%s\n' "$SUM" >"$stamp"
}

SUM=$(code_sum)
install_db "$DB"
# The member page is compared with the same page in a database 100 times
# smaller (same generator, same seed, 100 entries per member as well).
SMALL_DB=${BENCH_SMALL_DB:-party_bench_$((MEMBERS / 100))m_$((ENTRIES / 100))e}
install_db "$SMALL_DB"

step "Benchmark on $DB (Odoo $SERIES, $MEMBERS members, $ENTRIES entries, $SUGGESTIONS suggestions)"
"${ODOO_PYTHON[@]}" tools/bench/run.py -d "$DB" --addons-path="$ODOO_ADDONS_PATH" --data-dir="$DATA_DIR" \
    --branches="$BRANCHES" --members="$MEMBERS" --entries="$ENTRIES" \
    --suggestions="$SUGGESTIONS" --seed="$SEED" --runs="${BENCH_RUNS:-5}" \
    --small-database="$SMALL_DB"
