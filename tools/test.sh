#!/usr/bin/env bash
# `make test` (tools/test.sh) and `make test-series` (tools/test.sh
# --each-series): static checks and plain-Python tests, then the Odoo suite:
#   - `make test`: on the one series found (tools/common.sh: ODOO_SERIES,
#     else ODOO_SRC's, else the newest found, else the newest fetched);
#   - `make test-series`: on every series found without fetching, oldest
#     first (the same as `make test` where ODOO_SERIES or ODOO_SRC names one
#     series, or where at most one is found).
# For each series both addons are installed with demo data into a throw-away
# database of its own, and the Odoo suite runs on it through pytest-odoo,
# HttpCase and browser tours included: PARTY_TEST_PATHS (space-separated
# pytest targets, default: both addons and tests/integration).
# It ends with one line per series (`Odoo 18.0: N passed, N failed (M s)`),
# how long each stage took and one closing line,
# `N passed, N failed[, N skipped]`, summing up the pytest runs (a failed
# check that is not a pytest run, pylint or an install say, counts as one
# failed); the exit status is non-zero on any failure.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"

case "${1:-}" in
    "") EACH_SERIES=0 ;;
    --each-series) EACH_SERIES=1 ;;
    *) die "usage: tools/test.sh [--each-series]" ;;
esac
read -r -a TEST_PATHS <<<"${PARTY_TEST_PATHS:-party_points party_ledger tests/integration}"

RUN_DIR=$(mktemp -d)
DB="" # the throw-away database of the series under test
# shellcheck disable=SC2317  # (run by the trap)
cleanup() {
    if [ -n "$DB" ]; then
        pgdb drop "$DB" || true
    fi
    rm -rf "$RUN_DIR"
}
trap cleanup EXIT

# Stage timings, printed at the end.
stages=()
started=$SECONDS
stage_done() {
    stages+=("$1=$((SECONDS - started))")
    started=$SECONDS
}

failed=()        # checks that are no pytest run (one failed each)
pytest_failed=() # pytest runs with failing tests (counted in their reports)
series_lines=()  # one summary line per series
run() {
    local name=$1
    shift
    if ! "$@"; then
        failed+=("$name")
    fi
}

# junit_totals FAILED XML...: `N passed, N failed[, N skipped]` counted from
# pytest's JUnit reports, plus FAILED failed checks that are no pytest run.
junit_totals() {
    "$PY" - "$@" <<'EOF'
import sys
import xml.etree.ElementTree as ET

passed = skipped = 0
failed = int(sys.argv[1])  # failed checks that are no pytest run
for path in sys.argv[2:]:
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        continue  # that run crashed or never ran: its failure is counted in FAILED
    for suite in root.iter("testsuite"):
        tests, skip = int(suite.get("tests", 0)), int(suite.get("skipped", 0))
        bad = int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        passed += tests - skip - bad
        failed += bad
        skipped += skip
print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
EOF
}

# The series lines, the stage table, then the closing line summing up every
# run; exits 1 if anything failed.
finish() {
    local entry total=0 all=("${failed[@]}" "${pytest_failed[@]}")
    if [ ${#all[@]} -gt 0 ]; then
        say "FAILED: ${all[*]}"
    fi
    say ""
    if [ ${#series_lines[@]} -gt 0 ]; then
        printf '%s\n' "${series_lines[@]}" ""
    fi
    say "Stage timings:"
    for entry in "${stages[@]}"; do
        printf '  %-22s %5ss\n' "${entry%=*}" "${entry##*=}"
        total=$((total + ${entry##*=}))
    done
    printf '  %-22s %5ss\n' total "$total"
    junit_totals "${#failed[@]}" "$RUN_DIR"/*.xml
    [ ${#all[@]} -eq 0 ] || exit 1
    exit 0
}

# pytest_run NAME JUNIT COMMAND...: a pytest run (COMMAND, `python -m pytest
# ...`) whose results count in the closing line; a run that fails without any
# failing test (a crash, a collection error) counts as one failed check.
pytest_run() {
    local name=$1 xml=$RUN_DIR/$2.xml status
    shift 2
    set +e
    "$@" --junitxml="$xml"
    status=$?
    set -e
    pytest_counted "$name" "$xml" "$status"
}

# pytest_counted NAME JUNIT STATUS: count a finished pytest run.
pytest_counted() {
    local name=$1 xml=$2 status=$3
    if [ "$status" -ne 0 ]; then
        if [ -f "$xml" ] && grep -qE '(failures|errors)="[1-9]' "$xml"; then
            pytest_failed+=("$name")
        else
            failed+=("$name")
        fi
    fi
}

# The Odoo suite runs in PARTY_TEST_JOBS processes at once (default: 2 where
# the machine has two cores or more), each on its own copy of the installed
# database: the default paths are shared out as party_points | party_ledger
# and tests/integration; PARTY_TEST_PATHS runs in one process.
if [ -z "${PARTY_TEST_JOBS:-}" ]; then
    PARTY_TEST_JOBS=1
    if [ -z "${PARTY_TEST_PATHS:-}" ] && [ "$(nproc 2>/dev/null || echo 1)" -ge 2 ]; then
        PARTY_TEST_JOBS=2
    fi
fi
test_shares() {
    if [ "$PARTY_TEST_JOBS" -ge 2 ] && [ -z "${PARTY_TEST_PATHS:-}" ]; then
        SHARES=("party_points" "party_ledger tests/integration")
    else
        SHARES=("${TEST_PATHS[*]}")
    fi
}

# odoo_suite_run SERIES DATA_DIR: the Odoo suite on $DB (and its copies),
# its shares at once; their output is shown share after share.
odoo_suite_run() {
    local series=$1 data_dir=$2 i db status pids=() dbs=() paths
    test_shares
    for i in "${!SHARES[@]}"; do
        db=$DB
        if [ "$i" -gt 0 ]; then
            db="${DB}_$i"
            pgdb create "$db" "$DB" || die "Could not copy the test database $DB."
            if [ -d "$data_dir/filestore/$DB" ]; then
                cp -a "$data_dir/filestore/$DB" "$data_dir/filestore/$db"
            fi
        fi
        dbs+=("$db")
    done
    for i in "${!SHARES[@]}"; do
        read -r -a paths <<<"${SHARES[$i]}"
        # --odoo-http serves Odoo for HttpCase and the tours on a free port
        # that pytest-odoo picks itself, so a server already on 8069 (or the
        # other share's) is no obstacle; each share has its own temporary
        # folder (pytest prunes the folders of other sessions it finds).
        "${ODOO_PYTHON[@]}" -m pytest -p no:cacheprovider \
            --odoo-database="${dbs[$i]}" --odoo-addons-path="$ODOO_ADDONS_PATH" \
            --odoo-extra="data-dir=$data_dir" --odoo-log-level=warn --odoo-http \
            --basetemp="$RUN_DIR/tmp-$series-$i" \
            --junitxml="$RUN_DIR/odoo-$series-$i.xml" "${paths[@]}" \
            >"$RUN_DIR/suite-$series-$i.log" 2>&1 &
        pids+=($!)
    done
    for i in "${!SHARES[@]}"; do
        set +e
        wait "${pids[$i]}"
        status=$?
        set -e
        say "--- ${SHARES[$i]} ---"
        cat "$RUN_DIR/suite-$series-$i.log"
        pytest_counted "odoo-suite ($series: ${SHARES[$i]})" "$RUN_DIR/odoo-$series-$i.xml" "$status"
        if [ "$i" -gt 0 ]; then
            pgdb drop "${dbs[$i]}" || true
        fi
    done
}

# Browser tours need Chromium; install it where we may.
setup_browser() {
    if ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null \
        && ! command -v google-chrome >/dev/null; then
        apt_install chromium \
            || say "No Chromium on PATH and none could be installed: the browser tours will be skipped (install chromium)."
    fi
}

# odoo_suite SERIES: Odoo SERIES and its Python set up, both addons installed
# with demo data into a throw-away database of its own, the Odoo suite run on
# it, the database dropped; the series' summary line is kept for the end.
odoo_suite() {
    local series=$1 since=$SECONDS checks_before=${#failed[@]}
    odoo_suite_steps "$series"
    series_lines+=("Odoo $series: $(junit_totals $((${#failed[@]} - checks_before)) "$RUN_DIR/odoo-$series"-*.xml) ($((SECONDS - since)) s)")
}

odoo_suite_steps() {
    local series=$1 data_dir=$RUN_DIR/data-$1 log=$RUN_DIR/install-$1.log
    step "Odoo $series: finding it and its Python"
    if ! locate_series "$series" || ! prepare_odoo; then
        say "$ODOO_MISSING"
        failed+=("Odoo $series set-up")
        stage_done "Odoo $series set-up"
        return
    fi
    say "Odoo $series: $ODOO_TREE ($ODOO_FROM), run by ${ODOO_PYTHON[*]}"
    setup_pg
    stage_done "Odoo $series set-up"

    DB="party_test_${series//./_}_$(date +%Y%m%d_%H%M%S)_$$"
    mkdir -p "$data_dir"
    pgdb create "$DB" || die "Could not create the test database $DB."
    step "Odoo $series: installing $ADDONS with demo data into the throw-away database $DB"
    if ! "${ODOO_BIN[@]}" --addons-path="$ODOO_ADDONS_PATH" --data-dir="$data_dir" -d "$DB" \
        -i "$ADDONS" "${ODOO_WITH_DEMO[@]}" --stop-after-init --no-http --log-level=warn >"$log" 2>&1 \
        || grep -qE '(ERROR|CRITICAL) ' "$log"; then
        tail -n 60 "$log"
        failed+=("install ($series)")
        stage_done "Odoo $series install"
    else
        stage_done "Odoo $series install"
        test_shares
        step "Odoo $series: the Odoo suite (pytest-odoo, database $DB, ${#SHARES[@]} at once): ${TEST_PATHS[*]}"
        odoo_suite_run "$series" "$data_dir"
        stage_done "Odoo $series suite"
    fi
    pgdb drop "$DB" || true
    DB=""
}

setup_venv
stage_done "set-up (.venv)"

step "Static checks: pylint-odoo (once per series: $ODOO_SUPPORTED_SERIES), OCA module and PO checks, ruff, translations"
# pylint once per series (see .pylintrc): its checks depend on the series.
# The three runs at once, their output shown one after the other.
pylint_pids=()
for series in $ODOO_SUPPORTED_SERIES; do
    "$PY" -m pylint --rcfile="$ROOT/.pylintrc" --valid-odoo-versions="$series" \
        --disable=prefer-env-translation party_points party_ledger \
        >"$RUN_DIR/pylint-$series.log" 2>&1 &
    pylint_pids+=($!)
done
i=0
for series in $ODOO_SUPPORTED_SERIES; do
    set +e
    wait "${pylint_pids[$i]}"
    status=$?
    set -e
    cat "$RUN_DIR/pylint-$series.log"
    [ "$status" = 0 ] || failed+=("pylint ($series)")
    i=$((i + 1))
done
run oca-checks-odoo-module "$VENV/bin/oca-checks-odoo-module" party_points party_ledger
run oca-checks-po "$VENV/bin/oca-checks-po" party_points/i18n/* party_ledger/i18n/*
run ruff "$VENV/bin/ruff" check --no-cache .
run ruff-format "$VENV/bin/ruff" format --no-cache --check .
run translations "$PY" tools/check_i18n.py party_points party_ledger
run readme "$PY" tools/gen_readme.py --check party_points party_ledger
stage_done "static checks"

step "Plain-Python tests"
pytest_run plain-tests unit "$PY" -m pytest -p no:odoo -q tests/unit
stage_done "plain-Python tests"

# The series to run the Odoo suite on.
to_test=()
if [ "$EACH_SERIES" = 1 ] && [ -z "$ODOO_SERIES" ] && [ -z "${ODOO_SRC:-}" ]; then
    step "Finding every Odoo series ($ODOO_SUPPORTED_SERIES)"
    find_series
    to_test=("${FOUND_SERIES[@]}")
fi
if [ ${#to_test[@]} = 0 ]; then
    if [ -n "$ODOO_SERIES" ]; then
        step "Finding Odoo $ODOO_SERIES (ODOO_SERIES)"
    elif [ -n "${ODOO_SRC:-}" ]; then
        step "Finding Odoo at ODOO_SRC=$ODOO_SRC"
    else
        step "Finding Odoo: the newest of $ODOO_SUPPORTED_SERIES found, else $NEWEST_SERIES fetched"
    fi
    if ! locate_odoo; then
        say "$ODOO_MISSING"
        say "$ODOO_SKIPPED_LINE"
        stage_done "Odoo set-up"
        finish
    fi
    to_test=("$SERIES")
fi
say "The Odoo suite runs on: ${to_test[*]}"
already=("${failed[@]}" "${pytest_failed[@]}")
if [ ${#already[@]} -gt 0 ]; then
    say "Already failed: ${already[*]}"
fi
setup_browser
for series in "${to_test[@]}"; do
    odoo_suite "$series"
done
finish
