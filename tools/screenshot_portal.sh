#!/usr/bin/env bash
# docs/screenshots/portal_my.png: /my on a phone (390x844) as the demo's portal
# member (jiangtao). Usage: tools/screenshot_portal.sh [DB] [PORT]
# (default: party_demo, the database of `make demo`, and 8069). Uses the Odoo
# running on PORT, or starts one for DB on that port and stops it after.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"
setup_venv
find_odoo || die "$ODOO_MISSING"
setup_pg
DB=${1:-${DEMO_DB:-party_demo}}
PORT=${2:-${DEMO_PORT:-8069}}
"$PY" tools/pgdb.py exists "$DB" || die "No database $DB: make demo creates party_demo."
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
    say "No Chinese font found: the screenshot will show boxes (Debian: apt-get install fonts-wqy-microhei)."
fi
exec "$PY" tools/screenshot_portal.py --db "$DB" --port "$PORT" \
    --serve "${ODOO_BIN[*]} --addons-path=$ODOO_ADDONS_PATH --data-dir=$ROOT/var/odoo"
