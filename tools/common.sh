# shellcheck shell=bash
# Shared by tools/test.sh, tools/demo.sh and tools/bench.sh (sourced, not run).
#
# It finds, in this order and without flags:
#   - a Python 3.10 to 3.12 ($PYTHON, default python3) and a virtualenv in
#     .venv built from it (with its site-packages visible, so an Odoo installed
#     in that interpreter stays importable), holding requirements-dev.txt;
#   - Odoo 17.0: $ODOO_SRC if set, else the `odoo` package importable by that
#     interpreter;
#   - PostgreSQL through the standard PG* variables (default 127.0.0.1:5432 as
#     the current user).

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PYTHON=${PYTHON:-python3}
VENV=${VENV:-$ROOT/.venv}
ADDONS="party_points,party_ledger"

say() { printf '%s\n' "$*"; }
die() { printf '%s\n' "$*" >&2; exit 2; }
step() { printf '\n==> %s\n' "$*"; }

# --- Python and the virtualenv ---------------------------------------------
setup_venv() {
    local base version
    base=$(command -v "$PYTHON" 2>/dev/null) \
        || die "No Python found as '$PYTHON': install Python 3.10 to 3.12 or set PYTHON=/path/to/python3."
    base=$("$base" -c 'import sys; print(sys.executable)')
    version=$("$base" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
    case "$version" in
        3.10 | 3.11 | 3.12) ;;
        *) die "Python $version at $base is not supported: Odoo 17 needs Python 3.10 to 3.12 (set PYTHON=...)." ;;
    esac
    # A venv built from another interpreter is rebuilt: what it sees must be
    # what $PYTHON sees.
    if [ -x "$VENV/bin/python" ] && [ "$(cat "$VENV/.base-python" 2>/dev/null)" != "$base" ]; then
        rm -rf "$VENV"
    fi
    if [ ! -x "$VENV/bin/python" ]; then
        step "Creating $VENV from $base (Python $version)"
        "$base" -m venv --system-site-packages "$VENV" \
            || die "Could not create a virtualenv with $base: install its venv module (Debian: apt install python3-venv)."
        printf '%s\n' "$base" >"$VENV/.base-python"
    fi
    PY=$VENV/bin/python
    pip_install_once "$ROOT/requirements-dev.txt"
}

# Install a requirements file into the venv unless this very file was
# installed already (the stamp holds its checksum).
pip_install_once() {
    local req=$1 stamp sum
    sum=$(cksum <"$req" | cut -d' ' -f1)
    stamp="$VENV/.stamp-$(printf '%s' "$req" | cksum | cut -d' ' -f1)"
    [ "$(cat "$stamp" 2>/dev/null)" = "$sum" ] && return 0
    step "Installing $req into $VENV"
    # (pip's notes about index folders this machine's pip.conf names but
    # lacks are noise, filtered out)
    "$PY" -m pip install --disable-pip-version-check -q -r "$req" 2>&1 \
        | { grep -v "is ignored: it is neither a file nor a directory" || true; }
    [ "${PIPESTATUS[0]}" = 0 ] || die "pip could not install $req (see above)."
    printf '%s\n' "$sum" >"$stamp"
}

# --- Odoo ----------------------------------------------------------------------
# Sets ODOO_SRC (the folder holding the `odoo` package), ODOO_BIN (a command
# line that runs Odoo) and ODOO_ADDONS_PATH, or returns 1 with ODOO_MISSING
# saying why and how to fix it.
find_odoo() {
    ODOO_MISSING=""
    local how="set ODOO_SRC=/path/to/odoo-17.0 or install Odoo 17.0 into $PYTHON (pip install -e /path/to/odoo)"
    if [ -n "${ODOO_SRC:-}" ]; then
        if [ ! -f "$ODOO_SRC/odoo/release.py" ]; then
            ODOO_MISSING="ODOO_SRC=$ODOO_SRC holds no odoo/release.py: $how."
            return 1
        fi
        ODOO_SRC=$(cd "$ODOO_SRC" && pwd)
        export PYTHONPATH="$ODOO_SRC${PYTHONPATH:+:$PYTHONPATH}"
        if ! "$PY" -c 'import odoo' 2>/dev/null && [ -f "$ODOO_SRC/requirements.txt" ]; then
            pip_install_once "$ODOO_SRC/requirements.txt"
        fi
    elif ODOO_SRC=$("$PY" -c 'import os, odoo; print(os.path.dirname(os.path.dirname(os.path.abspath(odoo.__file__))))' 2>/dev/null); then
        :
    else
        ODOO_SRC=""
        ODOO_MISSING="No Odoo found (no ODOO_SRC, no importable odoo in $PYTHON): $how."
        return 1
    fi
    local serie
    serie=$("$PY" - "$ODOO_SRC/odoo/release.py" <<'EOF'
import sys
scope = {}
exec(open(sys.argv[1], encoding="utf-8").read(), scope)
print(scope["serie"])
EOF
)
    if [ "$serie" != "17.0" ]; then
        ODOO_MISSING="Odoo at $ODOO_SRC is $serie, these addons need 17.0: $how."
        return 1
    fi
    if ! "$PY" -c 'import odoo' 2>/dev/null; then
        ODOO_MISSING="Odoo 17.0 at $ODOO_SRC does not import with $PY (its requirements are missing): pip install -r $ODOO_SRC/requirements.txt."
        return 1
    fi
    if [ -f "$ODOO_SRC/odoo-bin" ]; then
        ODOO_BIN=("$PY" "$ODOO_SRC/odoo-bin")
    else
        ODOO_BIN=("$PY" -m odoo)
    fi
    ODOO_ADDONS_PATH="$ODOO_SRC/odoo/addons"
    [ -d "$ODOO_SRC/addons" ] && ODOO_ADDONS_PATH="$ODOO_SRC/addons,$ODOO_ADDONS_PATH"
    ODOO_ADDONS_PATH="$ODOO_ADDONS_PATH,$ROOT"
    return 0
}

# --- PostgreSQL ------------------------------------------------------------------
setup_pg() {
    export PGHOST=${PGHOST:-127.0.0.1}
    export PGPORT=${PGPORT:-5432}
    export PGUSER=${PGUSER:-$(id -un)}
    "$PY" "$ROOT/tools/pgdb.py" ping || exit 2
}
