#!/usr/bin/env bash
# `make screenshots`: regenerate docs/screenshots/ from a demo database (the
# same data as `make demo`, in its own database SHOTS_DB, created once and
# brought up to date when the addons change), so the pictures stay true; on
# the newest Odoo series found, like the demo (ODOO_SERIES picks another).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"
setup_venv
find_odoo || die "$ODOO_MISSING"
setup_pg

# Chinese pages need a Chinese font in Chromium.
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
    apt_install fonts-wqy-microhei \
        || say "No Chinese font found: the screenshots will show boxes (Debian: apt-get install fonts-wqy-microhei)."
fi

DB=${SHOTS_DB:-party_shots}
DATA_DIR=$ROOT/var/odoo
STAMP=$DATA_DIR/$DB.installed
mkdir -p "$DATA_DIR" docs/screenshots
check_db_series "$DB" "$DATA_DIR" "dropdb $DB; make screenshots"
odoo() { "${ODOO_BIN[@]}" --addons-path="$ODOO_ADDONS_PATH" --data-dir="$DATA_DIR" -d "$DB" "$@"; }

if ! pgdb exists "$DB"; then
    step "Creating $DB"
    pgdb create "$DB"
    rm -f "$STAMP"
fi
if [ ! -f "$STAMP" ] || [ -n "$(find party_points party_ledger -newer "$STAMP" -type f -print -quit)" ]; then
    step "Installing both apps with demo data and Chinese (zh_CN) into $DB (Odoo $SERIES)"
    odoo -i "$ADDONS" -u "$ADDONS" "${ODOO_WITH_DEMO[@]}" --load-language=zh_CN --stop-after-init --no-http --log-level=warn \
        || die "Installing the apps into $DB failed (see above)."
    "${ODOO_BIN[@]}" shell --addons-path="$ODOO_ADDONS_PATH" --data-dir="$DATA_DIR" -d "$DB" \
        --no-http --log-level=warn <tools/demo_setup.py >/dev/null
    touch "$STAMP"
fi

PORT=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
GEVENT=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
step "Serving $DB on port $PORT for the screenshots"
# the server itself in the background (not a shell function's subshell),
# so that stopping $SERVER stops Odoo
"${ODOO_BIN[@]}" --addons-path="$ODOO_ADDONS_PATH" --data-dir="$DATA_DIR" -d "$DB" \
    --db-filter="^$DB\$" --http-interface=127.0.0.1 --http-port="$PORT" --gevent-port="$GEVENT" \
    --log-level=warn >"$DATA_DIR/$DB.screenshots.log" 2>&1 &
SERVER=$!
trap 'status=$?; kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null; exit $status' EXIT
for _try in $(seq 120); do
    "$PY" -c "import urllib.request as u; u.urlopen(\"http://127.0.0.1:$PORT/web/login\", timeout=2)" 2>/dev/null && break
    kill -0 "$SERVER" 2>/dev/null || die "The server stopped (see $DATA_DIR/$DB.screenshots.log)."
    sleep 1
done

shot() { "${ODOO_PYTHON[@]}" tools/screenshot.py "http://127.0.0.1:$PORT" "$DB" "$@"; }
# login password path output --size WxH --wait selector
shot secretary secretary "/web#action=party_points.party_board_action" \
    docs/screenshots/officer_board.png --size 1440x900 --wait .o_party_board_tile
shot jiangtao jiangtao "/my" docs/screenshots/portal_my.png --size 390x844 --wait .o_portal_my_home
