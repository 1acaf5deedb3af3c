# shellcheck shell=bash
# (the variables set here are read by the scripts that source this file)
# shellcheck disable=SC2034
# Shared by tools/test.sh, tools/demo.sh, tools/bench.sh, tools/i18n.sh and
# tools/find_odoo.sh (sourced, not run).
#
# It finds, in this order and without flags:
#   - a Python 3.10 to 3.12 ($PYTHON, default python3) and a virtualenv in
#     .venv built from it (seeing what that interpreter sees, so an Odoo
#     installed in it stays importable), holding requirements-dev.txt;
#   - Odoo $ODOO_SERIES (17.0): $ODOO_SRC if set, else the `odoo` package
#     importable by that interpreter, else a checkout an earlier run fetched
#     into $ODOO_CACHE_DIR, else (unless ODOO_FETCH=0) a fresh shallow clone
#     of Odoo's $ODOO_SERIES branch, or its nightly source archive, put there.
#     Before Odoo's requirements are pip-installed, the system libraries they
#     build against are checked (and installed with apt-get as root on
#     Debian/Ubuntu);
#   - PostgreSQL through the standard PG* variables (default 127.0.0.1:5432 as
#     the current user).

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PYTHON=${PYTHON:-python3}
VENV=${VENV:-$ROOT/.venv}
ADDONS="party_points,party_ledger"

# The Odoo series these tools look for. Everything that depends on it (the
# branch fetched, the nightly archive, the cache folder, the release check) is
# derived from this one variable; the addons run on 17.0 only for now.
ODOO_SERIES=${ODOO_SERIES:-17.0}
ODOO_SUPPORTED_SERIES="17.0"
ODOO_CACHE_DIR=${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/party-work/odoo-$ODOO_SERIES
ODOO_GIT_URL=${ODOO_GIT_URL:-https://github.com/odoo/odoo}
ODOO_ARCHIVE_URL=${ODOO_ARCHIVE_URL:-https://nightly.odoo.com/$ODOO_SERIES/nightly/src/odoo_$ODOO_SERIES.latest.tar.gz}

say() { printf '%s\n' "$*"; }
die() { printf '%s\n' "$*" >&2; exit 2; }
step() { printf '\n==> %s\n' "$*"; }
# A long message as one paragraph of lines under 80 characters where the
# words allow (a word, a path say, is never broken).
paragraph() {
    local words word line=""
    read -r -a words <<<"$*"
    for word in "${words[@]}"; do
        if [ -n "$line" ] && [ $((${#line} + 1 + ${#word})) -gt 79 ]; then
            printf '%s\n' "$line"
            line=$word
        else
            line=${line:+$line }$word
        fi
    done
    printf '%s\n' "$line"
}
# Run a command for at most $1 seconds (where coreutils' timeout exists).
with_timeout() {
    local secs=$1
    shift
    if command -v timeout >/dev/null; then
        timeout "$secs" "$@"
    else
        "$@"
    fi
}

# --- Python and the virtualenv ---------------------------------------------
# Sets BASE_PYTHON (the interpreter $PYTHON names) and PY (the one to run;
# the venv's once setup_venv made it).
find_python() {
    local version
    BASE_PYTHON=$(command -v "$PYTHON" 2>/dev/null) \
        || die "No Python found as '$PYTHON': install Python 3.10 to 3.12 or set PYTHON=/path/to/python3."
    BASE_PYTHON=$("$BASE_PYTHON" -c 'import sys; print(sys.executable)')
    version=$("$BASE_PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
    case "$version" in
        3.10 | 3.11 | 3.12) ;;
        *) die "Python $version at $BASE_PYTHON is not supported: Odoo 17 needs Python 3.10 to 3.12 (set PYTHON=...)." ;;
    esac
    PYTHON_VERSION=$version
    PY=$BASE_PYTHON
}

setup_venv() {
    find_python
    local base=$BASE_PYTHON
    # A venv built from another interpreter is rebuilt: what it sees must be
    # what $PYTHON sees.
    if [ -x "$VENV/bin/python" ] && [ "$(cat "$VENV/.base-python" 2>/dev/null)" != "$base" ]; then
        rm -rf "$VENV"
    fi
    if [ ! -x "$VENV/bin/python" ]; then
        step "Creating $VENV from $base (Python $PYTHON_VERSION)"
        if "$base" -c 'import sys; sys.exit(sys.prefix == sys.base_prefix)'; then
            # $PYTHON is itself a virtualenv: --system-site-packages would show
            # its base interpreter's packages, not its own. Show exactly the
            # folders it sees instead (site.addsitedir, so that their .pth
            # files, editable installs among them, count too).
            "$base" -m venv "$VENV" \
                || die "Could not create a virtualenv with $base: install its venv module (Debian: apt install python3-venv)."
            "$base" -c 'import site; [print("import site; site.addsitedir(%r)" % d) for d in site.getsitepackages()]' \
                >"$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/_base_python.pth"
        else
            "$base" -m venv --system-site-packages "$VENV" \
                || die "Could not create a virtualenv with $base: install its venv module (Debian: apt install python3-venv)."
        fi
        printf '%s\n' "$base" >"$VENV/.base-python"
    fi
    PY=$VENV/bin/python
    pip_install_once "$ROOT/requirements-dev.txt"
}

# Install a requirements file into the venv unless this very file was
# installed already (the stamp holds its checksum). A second argument names a
# function to run first, only when pip is about to run.
pip_install_once() {
    local req=$1 before=${2:-} stamp sum
    sum=$(cksum <"$req" | cut -d' ' -f1)
    stamp="$VENV/.stamp-$(printf '%s' "$req" | cksum | cut -d' ' -f1)"
    [ "$(cat "$stamp" 2>/dev/null)" = "$sum" ] && return 0
    [ -n "$before" ] && "$before"
    step "Installing $req into $VENV"
    # (pip's notes about index folders this machine's pip.conf names but
    # lacks are noise, filtered out)
    "$PY" -m pip install --disable-pip-version-check -q -r "$req" 2>&1 \
        | { grep -v "is ignored: it is neither a file nor a directory" || true; }
    [ "${PIPESTATUS[0]}" = 0 ] || die "pip could not install $req (see above)."
    printf '%s\n' "$sum" >"$stamp"
}

# --- System packages -----------------------------------------------------------
# apt_install PKG...: install Debian packages when we may (root, apt-get on
# PATH, APT_INSTALL not 0); returns 1 without trying otherwise. `apt-get
# update` runs once per run.
APT_UPDATED=0
apt_install() {
    [ "${APT_INSTALL:-1}" != 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || return 1
    step "Installing $* with apt-get"
    if [ "$APT_UPDATED" = 0 ]; then
        apt-get update -qq >/dev/null || return 1
        APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# Sets MISSING_DEBS to the Debian packages holding what Odoo's requirements
# build against and this machine lacks: python-ldap needs the OpenLDAP and
# SASL headers, psycopg2 (no wheel for every Python) needs pg_config, and
# both a C compiler and the Python headers. Where it looks can be changed:
# BUILD_INCLUDE_PATH (colon-separated header folders), CC and PG_CONFIG.
odoo_build_deps_missing() {
    local multiarch="" include pyinc
    multiarch=$(gcc -print-multiarch 2>/dev/null || dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || true)
    include=${BUILD_INCLUDE_PATH:-/usr/include:/usr/local/include${multiarch:+:/usr/include/$multiarch}}
    has_header() {
        local dir dirs
        IFS=: read -r -a dirs <<<"$include"
        for dir in "${dirs[@]}"; do
            [ -f "$dir/$1" ] && return 0
        done
        return 1
    }
    MISSING_DEBS=()
    { has_header lber.h && has_header ldap.h; } || MISSING_DEBS+=(libldap2-dev)
    has_header sasl/sasl.h || MISSING_DEBS+=(libsasl2-dev)
    command -v "${PG_CONFIG:-pg_config}" >/dev/null || MISSING_DEBS+=(libpq-dev)
    command -v "${CC:-cc}" >/dev/null || MISSING_DEBS+=(build-essential)
    # Debian's own Python has its headers in python3.X-dev (another Python,
    # pyenv's or one built from source, ships them itself).
    pyinc=$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["include"])')
    if [ ! -f "$pyinc/Python.h" ]; then
        MISSING_DEBS+=("python$PYTHON_VERSION-dev")
    fi
    return 0
}

# Check the system libraries Odoo's requirements build against before pip
# compiles anything; as root on Debian/Ubuntu install what is missing,
# otherwise say the exact command and stop (exit 2).
check_odoo_build_deps() {
    odoo_build_deps_missing
    [ ${#MISSING_DEBS[@]} = 0 ] && return 0
    say "Odoo's requirements build against system libraries this machine lacks: ${MISSING_DEBS[*]}."
    if apt_install "${MISSING_DEBS[@]}"; then
        odoo_build_deps_missing
        [ ${#MISSING_DEBS[@]} = 0 ] && return 0
        say "apt-get ran, and still missing: ${MISSING_DEBS[*]}."
    fi
    paragraph "Stopped before pip compiles Odoo's requirements (python-ldap, psycopg2), which would fail without them. Install them, then run this again:"
    say "    sudo apt-get install -y ${MISSING_DEBS[*]}"
    paragraph "(Elsewhere than on Debian/Ubuntu: the development files of OpenLDAP, Cyrus SASL and libpq with pg_config, a C compiler, and the Python headers.)"
    exit 2
}

# --- Odoo ----------------------------------------------------------------------
# What `make test` says when it runs no Odoo suite (and tests look for).
ODOO_SKIPPED_LINE="Odoo suite: SKIPPED (no Odoo found)"

# The series ("17.0") an Odoo tree $1 declares in odoo/release.py.
odoo_serie() {
    "$PY" - "$1/odoo/release.py" 2>/dev/null <<'EOF'
import sys
scope = {}
exec(open(sys.argv[1], encoding="utf-8").read(), scope)
print(scope["serie"])
EOF
}

# The line of a log file that says what went wrong.
first_error() { grep -m 1 -E '^(fatal|error|[A-Za-z.]*Error)' "$1" || tail -n 1 "$1"; }

# Fetch Odoo $ODOO_SERIES Community into $ODOO_CACHE_DIR: a shallow clone of
# its branch, else the nightly source archive. Gives up quickly where the
# network does not answer (ODOO_FETCH_TIMEOUT seconds without data, default
# 30). ODOO_FETCH_DRY_RUN=1 only says what it would fetch. Sets FETCH_TRIED.
fetch_odoo() {
    local dest=$ODOO_CACHE_DIR wait=${ODOO_FETCH_TIMEOUT:-30} tmp log serie git_how archive_how
    git_how="git clone --depth 1 --branch $ODOO_SERIES $ODOO_GIT_URL"
    archive_how="the source archive $ODOO_ARCHIVE_URL"
    step "Fetching Odoo $ODOO_SERIES Community into $dest"
    if [ "${ODOO_FETCH_DRY_RUN:-0}" = 1 ]; then
        say "Would fetch: $git_how $dest"
        say "  or else:   $archive_how"
        FETCH_TRIED="fetching it (dry run, ODOO_FETCH_DRY_RUN=1: nothing fetched)"
        return 1
    fi
    say "Trying: $git_how $dest"
    say "  or else: $archive_how"
    mkdir -p "$(dirname "$dest")"
    tmp=$(mktemp -d "$dest.partial.XXXXXX")
    log=$tmp.log
    FETCH_TRIED="fetching it with $git_how"
    if ! command -v git >/dev/null; then
        FETCH_TRIED+=" (no git on PATH)"
    elif ! GIT_TERMINAL_PROMPT=0 with_timeout "$wait" \
        git ls-remote --exit-code --heads "$ODOO_GIT_URL" "$ODOO_SERIES" >/dev/null 2>"$log"; then
        FETCH_TRIED+=" (unreachable: $(first_error "$log"))"
    elif ! GIT_TERMINAL_PROMPT=0 GIT_HTTP_LOW_SPEED_LIMIT=1000 GIT_HTTP_LOW_SPEED_TIME=$wait \
        with_timeout "${ODOO_FETCH_MAX_TIME:-3600}" \
        git clone --quiet --depth 1 --single-branch --branch "$ODOO_SERIES" "$ODOO_GIT_URL" "$tmp" 2>"$log"; then
        FETCH_TRIED+=" (failed: $(first_error "$log"))"
    fi
    if [ ! -f "$tmp/odoo/release.py" ]; then
        rm -rf "$tmp" && mkdir "$tmp"
        FETCH_TRIED+=", then $archive_how"
        if ! with_timeout "${ODOO_FETCH_MAX_TIME:-3600}" "$PY" - "$ODOO_ARCHIVE_URL" "$tmp.tar.gz" "$wait" 2>"$log" <<'EOF'; then
import shutil, sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=float(sys.argv[3])) as answer:
    with open(sys.argv[2], "wb") as out:
        shutil.copyfileobj(answer, out)
EOF
            FETCH_TRIED+=" (failed: $(first_error "$log"))"
        elif ! tar -xzf "$tmp.tar.gz" -C "$tmp" --strip-components=1 2>"$log"; then
            FETCH_TRIED+=" (not a tar.gz archive: $(first_error "$log"))"
        fi
        rm -f "$tmp.tar.gz"
    fi
    rm -f "$log"
    if [ -f "$tmp/odoo/release.py" ]; then
        serie=$(odoo_serie "$tmp" || true)
        if [ "$serie" = "$ODOO_SERIES" ]; then
            # Another run may have finished first: keep its copy then.
            mv -T "$tmp" "$dest" 2>/dev/null || rm -rf "$tmp"
            say "Fetched Odoo $ODOO_SERIES into $dest."
            return 0
        fi
        FETCH_TRIED+=" (what came is Odoo '${serie:-?}', not $ODOO_SERIES)"
    fi
    rm -rf "$tmp"
    return 1
}

# Sets ODOO_SRC (the folder holding the `odoo` package) and ODOO_FROM (how it
# was found), fetching Odoo into the cache if need be, but installing
# nothing else; or returns 1 with ODOO_MISSING saying what it tried and how
# to point these tools at an Odoo.
locate_odoo() {
    ODOO_MISSING=""
    ODOO_FROM=""
    case " $ODOO_SUPPORTED_SERIES " in
        *" $ODOO_SERIES "*) ;;
        *) die "ODOO_SERIES=$ODOO_SERIES: these addons run on Odoo $ODOO_SUPPORTED_SERIES only for now." ;;
    esac
    local how="set ODOO_SRC=/path/to/odoo-$ODOO_SERIES (a source tree holding odoo/release.py), or install Odoo $ODOO_SERIES into $PYTHON (pip install -e /path/to/odoo)"
    if [ -n "${ODOO_SRC:-}" ]; then
        if [ ! -f "$ODOO_SRC/odoo/release.py" ]; then
            ODOO_MISSING="ODOO_SRC=$ODOO_SRC holds no odoo/release.py: $how."
            return 1
        fi
        ODOO_SRC=$(cd "$ODOO_SRC" && pwd)
        ODOO_FROM="ODOO_SRC"
        return 0
    fi
    if ODOO_SRC=$("$PY" -c 'import os, odoo; print(os.path.dirname(os.path.dirname(os.path.abspath(odoo.__file__))))' 2>/dev/null); then
        ODOO_FROM="importable by $PYTHON"
        return 0
    fi
    ODOO_SRC=""
    if [ -f "$ODOO_CACHE_DIR/odoo/release.py" ]; then
        ODOO_SRC=$ODOO_CACHE_DIR
        ODOO_FROM="cached checkout"
        return 0
    fi
    local tried="ODOO_SRC (not set); 'import odoo' with $PYTHON (not importable); the cache $ODOO_CACHE_DIR (empty)"
    if [ "${ODOO_FETCH:-1}" = 0 ]; then
        tried+="; fetching it (turned off by ODOO_FETCH=0)"
    elif fetch_odoo; then
        ODOO_SRC=$ODOO_CACHE_DIR
        ODOO_FROM="fetched"
        return 0
    else
        tried+="; $FETCH_TRIED"
    fi
    ODOO_MISSING=$(paragraph "No Odoo $ODOO_SERIES found. Tried: $tried. To use an Odoo $ODOO_SERIES you have, $how; to let these tools fetch it, allow access to $ODOO_GIT_URL or the archive (or put a checkout of its $ODOO_SERIES branch in $ODOO_CACHE_DIR).")
    return 1
}

# Sets ODOO_SRC, ODOO_BIN (a command line that runs Odoo) and
# ODOO_ADDONS_PATH, installing Odoo's requirements into the venv where
# needed, or returns 1 with ODOO_MISSING saying why and how to fix it.
find_odoo() {
    locate_odoo || return 1
    if [ "$ODOO_FROM" != "importable by $PYTHON" ]; then
        export PYTHONPATH="$ODOO_SRC${PYTHONPATH:+:$PYTHONPATH}"
    fi
    local serie
    serie=$(odoo_serie "$ODOO_SRC" || true)
    if [ "$serie" != "$ODOO_SERIES" ]; then
        ODOO_MISSING="Odoo at $ODOO_SRC ($ODOO_FROM) is ${serie:-unreadable}, these addons need $ODOO_SERIES: set ODOO_SRC=/path/to/odoo-$ODOO_SERIES."
        return 1
    fi
    if ! "$PY" -c 'import odoo' 2>/dev/null && [ -f "$ODOO_SRC/requirements.txt" ]; then
        pip_install_once "$ODOO_SRC/requirements.txt" check_odoo_build_deps
    fi
    if ! "$PY" -c 'import odoo' 2>/dev/null; then
        ODOO_MISSING="Odoo $ODOO_SERIES at $ODOO_SRC does not import with $PY (its requirements are missing): pip install -r $ODOO_SRC/requirements.txt."
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
