#!/usr/bin/env bash
# `make demo`: a database with demo data and both apps (created once, reused
# after; RESET=1 starts afresh), served on http://127.0.0.1:8069, on the
# newest Odoo series found (ODOO_SERIES=17.0 make demo picks one).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"
setup_venv
find_odoo || die "$ODOO_MISSING"
setup_pg

DB=${DEMO_DB:-party_demo}
PORT=${DEMO_PORT:-8069}
DATA_DIR=$ROOT/var/odoo
STAMP=$DATA_DIR/$DB.installed
mkdir -p "$DATA_DIR"
odoo() { "${ODOO_BIN[@]}" --addons-path="$ODOO_ADDONS_PATH" --data-dir="$DATA_DIR" -d "$DB" "$@"; }
odoo_shell() { "${ODOO_BIN[@]}" shell --addons-path="$ODOO_ADDONS_PATH" --data-dir="$DATA_DIR" -d "$DB" "$@"; }

if [ "${RESET:-0}" = 1 ]; then
    step "Dropping the demo database $DB"
    pgdb drop "$DB" || exit 2
    rm -rf "$DATA_DIR/filestore/$DB" "$STAMP"
fi
check_db_series "$DB" "$DATA_DIR" "RESET=1 make demo"

if ! pgdb exists "$DB"; then
    step "Creating $DB"
    pgdb create "$DB"
    rm -f "$STAMP"
fi
# Install (or bring up to date) both apps with demo data and Chinese, unless
# nothing changed since the last run.
if [ ! -f "$STAMP" ] || [ -n "$(find party_points party_ledger -newer "$STAMP" -type f -print -quit)" ]; then
    step "Installing both apps with demo data and Chinese (zh_CN) into $DB (Odoo $SERIES)"
    odoo -i "$ADDONS" "${ODOO_WITH_DEMO[@]}" --load-language=zh_CN --stop-after-init --no-http --log-level=warn \
        || die "Installing the apps into $DB failed (see above); RESET=1 make demo starts afresh."
    odoo_shell --no-http --log-level=warn <tools/demo_setup.py >/dev/null
    touch "$STAMP"
else
    step "Reusing $DB, built on Odoo $SERIES (RESET=1 make demo starts afresh)"
fi

step "Serving Odoo $SERIES on http://127.0.0.1:$PORT (database $DB); Ctrl-C stops it"
say "Demo logins (login / password: role):"
while IFS=, read -r login password role; do
    [ "$login" = login ] && continue
    printf '  %-12s / %-12s %s\n' "$login" "$password" "$role"
done <data/demo_logins.csv
exec "${ODOO_BIN[@]}" --addons-path="$ODOO_ADDONS_PATH" --data-dir="$DATA_DIR" -d "$DB" \
    --db-filter="^$DB\$" --http-interface=127.0.0.1 --http-port="$PORT" --log-level=info
