#!/usr/bin/env bash
# `make i18n`: export each addon's translation template (.pot) from a
# throw-away database and merge it into i18n/zh_CN.po (new terms arrive
# untranslated; tools/check_i18n.py lists them). On Odoo 17.0 unless
# ODOO_SERIES says otherwise: the committed templates were exported by 17.0
# (its header, the terms it extracts), so a re-export changes only what the
# addons changed.
ODOO_SERIES=${ODOO_SERIES:-17.0}
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"
setup_venv
find_odoo || die "$ODOO_MISSING"
setup_pg
DB="party_i18n_$(date +%Y%m%d_%H%M%S)_$$"
DATA_DIR=$(mktemp -d)
cleanup() {
    pgdb drop "$DB" || true
    rm -rf "$DATA_DIR"
}
trap cleanup EXIT
pgdb create "$DB"
odoo() { "${ODOO_BIN[@]}" --addons-path="$ODOO_ADDONS_PATH" --data-dir="$DATA_DIR" -d "$DB" --no-http --log-level=warn "$@"; }
odoo -i "$ADDONS" "${ODOO_WITHOUT_DEMO[@]}" --stop-after-init
for addon in ${ADDONS//,/ }; do
    odoo --i18n-export="$DATA_DIR/$addon.pot" --modules="$addon" --stop-after-init
    # A template whose only change is its timestamp is left alone.
    nodate() { grep -v -e '^"POT-Creation-Date:' -e '^"PO-Revision-Date:' "$1"; }
    if ! cmp -s <(nodate "$DATA_DIR/$addon.pot") <(nodate "$addon/i18n/$addon.pot"); then
        cp "$DATA_DIR/$addon.pot" "$addon/i18n/$addon.pot"
    fi
    "$PY" tools/check_i18n.py --merge "$ODOO_TREE/odoo/addons" "$addon"
done
"$VENV/bin/oca-checks-po" --fix party_*/i18n/*.po* >/dev/null || true
"$PY" tools/check_i18n.py ${ADDONS//,/ } || true
