#!/usr/bin/env bash
# `make test`: static checks, plain-Python tests, then (where Odoo 17 is found
# or fetched) both addons installed in a throw-away database and their whole
# Odoo suite run through pytest-odoo, HttpCase and browser tours included.
# It ends with how long each stage took and one closing line,
# `N passed, N failed[, N skipped]`, summing up the pytest runs (a failed
# check that is not a pytest run, pylint or the install say, counts as one
# failed); the exit status is non-zero on any failure.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"

RUN_DIR=$(mktemp -d)
DB=""
# shellcheck disable=SC2317  # (run by the trap)
cleanup() {
    if [ -n "$DB" ]; then
        "$PY" "$ROOT/tools/pgdb.py" drop "$DB" || true
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
run() {
    local name=$1
    shift
    if ! "$@"; then
        failed+=("$name")
    fi
}

# The stage table, then the closing line counted from the pytest runs'
# JUnit reports; exits 1 if anything failed.
finish() {
    local entry total=0 all=("${failed[@]}" "${pytest_failed[@]}")
    if [ ${#all[@]} -gt 0 ]; then
        say "FAILED: ${all[*]}"
    fi
    say ""
    say "Stage timings:"
    for entry in "${stages[@]}"; do
        printf '  %-22s %5ss\n' "${entry%=*}" "${entry##*=}"
        total=$((total + ${entry##*=}))
    done
    printf '  %-22s %5ss\n' total "$total"
    "$PY" - "${#failed[@]}" "$RUN_DIR"/*.xml <<'EOF'
import sys
import xml.etree.ElementTree as ET

passed = skipped = 0
failed = int(sys.argv[1])  # failed checks that are no pytest run
for path in sys.argv[2:]:
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        continue  # that run crashed: its failure is already counted above
    for suite in root.iter("testsuite"):
        tests, skip = int(suite.get("tests", 0)), int(suite.get("skipped", 0))
        bad = int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        passed += tests - skip - bad
        failed += bad
        skipped += skip
print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
EOF
    [ ${#all[@]} -eq 0 ] || exit 1
    exit 0
}

# pytest_run NAME JUNIT ARGS...: a pytest run whose results count in the
# closing line; a run that fails without any failing test (a crash, a
# collection error) counts as one failed check.
pytest_run() {
    local name=$1 xml=$RUN_DIR/$2.xml status
    shift 2
    set +e
    "$PY" -m pytest --junitxml="$xml" "$@"
    status=$?
    set -e
    if [ $status -ne 0 ]; then
        if [ -f "$xml" ] && grep -qE '(failures|errors)="[1-9]' "$xml"; then
            pytest_failed+=("$name")
        else
            failed+=("$name")
        fi
    fi
}

setup_venv
stage_done "set-up (.venv)"

step "Static checks: pylint-odoo, OCA module and PO checks, ruff, translations"
run pylint "$PY" -m pylint --rcfile="$ROOT/.pylintrc" party_points party_ledger
run oca-checks-odoo-module "$VENV/bin/oca-checks-odoo-module" party_points party_ledger
run oca-checks-po "$VENV/bin/oca-checks-po" party_points/i18n/* party_ledger/i18n/*
run ruff "$VENV/bin/ruff" check --no-cache .
run ruff-format "$VENV/bin/ruff" format --no-cache --check .
run translations "$PY" tools/check_i18n.py party_points party_ledger
run readme "$PY" tools/gen_readme.py --check party_points party_ledger
stage_done "static checks"

step "Plain-Python tests"
pytest_run plain-tests unit -p no:odoo -q tests/unit
stage_done "plain-Python tests"

step "Finding Odoo $ODOO_SERIES"
if ! find_odoo; then
    say "$ODOO_MISSING"
    say "$ODOO_SKIPPED_LINE"
    stage_done "Odoo set-up"
    finish
fi
say "Odoo $ODOO_SERIES: $ODOO_SRC ($ODOO_FROM)"
setup_pg

# Browser tours need Chromium; install it where we may.
if ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null \
    && ! command -v google-chrome >/dev/null; then
    apt_install chromium \
        || say "No Chromium on PATH and none could be installed: the browser tours will be skipped (install chromium)."
fi
stage_done "Odoo set-up"

DB="party_test_$(date +%Y%m%d_%H%M%S)_$$"
DATA_DIR=$RUN_DIR/data
mkdir -p "$DATA_DIR"
"$PY" "$ROOT/tools/pgdb.py" create "$DB" || die "Could not create the test database $DB."

step "Installing $ADDONS with demo data into the throw-away database $DB (Odoo at $ODOO_SRC)"
if ! "${ODOO_BIN[@]}" --addons-path="$ODOO_ADDONS_PATH" --data-dir="$DATA_DIR" -d "$DB" \
    -i "$ADDONS" --stop-after-init --no-http --log-level=warn >"$RUN_DIR/install.log" 2>&1 \
    || grep -qE '(ERROR|CRITICAL) ' "$RUN_DIR/install.log"; then
    tail -n 60 "$RUN_DIR/install.log"
    failed+=(install)
    stage_done install
    finish
fi
stage_done install

step "Odoo suite (pytest-odoo, database $DB)"
if [ ${#failed[@]} -gt 0 ] || [ ${#pytest_failed[@]} -gt 0 ]; then
    say "Already failed: ${failed[*]} ${pytest_failed[*]}"
fi
# --odoo-http serves Odoo for HttpCase and the tours on a free port that
# pytest-odoo picks itself, so a server already on 8069 is no obstacle.
pytest_run odoo-suite odoo -p no:cacheprovider \
    --odoo-database="$DB" --odoo-addons-path="$ODOO_ADDONS_PATH" \
    --odoo-extra="data-dir=$DATA_DIR" --odoo-log-level=warn --odoo-http \
    party_points party_ledger tests/integration
stage_done "Odoo suite"
finish
