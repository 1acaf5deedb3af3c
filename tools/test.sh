#!/usr/bin/env bash
# `make test`: static checks, plain-Python tests, then (where Odoo 17 is found)
# both addons installed in a throw-away database and their whole Odoo suite run
# through pytest-odoo, HttpCase and browser tours included.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"
setup_venv

failed=()
run() {
    local name=$1
    shift
    if ! "$@"; then
        failed+=("$name")
    fi
}

step "Static checks: pylint-odoo, OCA module and PO checks, ruff, translations"
run pylint "$PY" -m pylint --rcfile="$ROOT/.pylintrc" party_points party_ledger
run oca-checks-odoo-module "$VENV/bin/oca-checks-odoo-module" party_points party_ledger
run oca-checks-po "$VENV/bin/oca-checks-po" party_points/i18n/* party_ledger/i18n/*
run ruff "$VENV/bin/ruff" check --no-cache .
run ruff-format "$VENV/bin/ruff" format --no-cache --check .
run translations "$PY" tools/check_i18n.py party_points party_ledger
run readme "$PY" tools/gen_readme.py --check party_points party_ledger

step "Plain-Python tests"
run plain-tests "$PY" -m pytest -p no:odoo -q tests/unit

if ! find_odoo; then
    say "$ODOO_MISSING"
    say "Odoo suite: SKIPPED (no Odoo found)"
    if [ ${#failed[@]} -gt 0 ]; then
        say "FAILED: ${failed[*]}"
        exit 1
    fi
    say "Static checks and plain-Python tests passed."
    exit 0
fi
setup_pg

# Browser tours need Chromium; install it where we may.
if ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null \
    && ! command -v google-chrome >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        step "Installing Chromium for the browser tours"
        { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >/dev/null \
            || say "Chromium could not be installed: the browser tours will be skipped."
    else
        say "No Chromium on PATH: the browser tours will be skipped (install chromium)."
    fi
fi

DB="party_test_$(date +%Y%m%d_%H%M%S)_$$"
DATA_DIR=$(mktemp -d)
cleanup() {
    "$PY" "$ROOT/tools/pgdb.py" drop "$DB" || true
    rm -rf "$DATA_DIR"
}
trap cleanup EXIT
"$PY" "$ROOT/tools/pgdb.py" create "$DB" || die "Could not create the test database $DB."

step "Installing $ADDONS with demo data into the throw-away database $DB (Odoo at $ODOO_SRC)"
if ! "${ODOO_BIN[@]}" --addons-path="$ODOO_ADDONS_PATH" --data-dir="$DATA_DIR" -d "$DB" \
    -i "$ADDONS" --stop-after-init --no-http --log-level=warn >"$DATA_DIR/install.log" 2>&1 \
    || grep -qE '(ERROR|CRITICAL) ' "$DATA_DIR/install.log"; then
    tail -n 60 "$DATA_DIR/install.log"
    failed+=(install)
    say "FAILED: ${failed[*]}"
    exit 1
fi

step "Odoo suite (pytest-odoo, database $DB)"
if [ ${#failed[@]} -gt 0 ]; then
    say "Already failed: ${failed[*]}"
fi
set +e
"$PY" -m pytest -p no:cacheprovider \
    --odoo-database="$DB" --odoo-addons-path="$ODOO_ADDONS_PATH" \
    --odoo-extra="data-dir=$DATA_DIR" --odoo-log-level=warn --odoo-http \
    party_points party_ledger tests/integration
suite=$?
set -e
if [ $suite -ne 0 ] || [ ${#failed[@]} -gt 0 ]; then
    exit 1
fi
