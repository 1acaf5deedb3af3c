# shellcheck shell=bash
# (the variables set here are read by the scripts that source this file)
# shellcheck disable=SC2034
# Shared by tools/test.sh, tools/demo.sh, tools/bench.sh, tools/i18n.sh,
# tools/screenshots.sh and tools/find_odoo.sh (sourced, not run).
#
# It finds, in this order and without flags:
#   - a Python 3.10 to 3.12 ($PYTHON, default python3) and a virtualenv in
#     .venv built from it (seeing what that interpreter sees, so an Odoo
#     installed in it stays importable), holding requirements-dev.txt;
#   - an Odoo series the addons run on ($ODOO_SUPPORTED_SERIES): the one
#     ODOO_SERIES names, else the one of $ODOO_SRC, else the newest found
#     without fetching, else the newest supported, fetched. Each series is
#     looked for as $ODOO_SRC if set, else the `odoo` package importable by
#     that interpreter, else a tree an earlier run fetched into the cache
#     ($PARTY_CACHE/odoo-<series>), else (unless ODOO_FETCH=0) a fresh shallow
#     clone of Odoo's <series> branch, or its nightly source archive, put
#     there;
#   - a Python that runs that Odoo: .venv for the Odoo $PYTHON imports; for a
#     tree, a virtualenv of its series in the cache ($PARTY_CACHE/venv-<series>)
#     holding the tree's requirements.txt and requirements-dev.txt. Before
#     Odoo's requirements are pip-installed, the system libraries they build
#     against are checked (and installed with apt-get as root on
#     Debian/Ubuntu);
#   - PostgreSQL through the standard PG* variables (default 127.0.0.1:5432 as
#     the current user).

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PYTHON=${PYTHON:-python3}
VENV=${VENV:-$ROOT/.venv}
ADDONS="party_points,party_ledger"

# The Odoo series the addons run on, oldest first: these tools decide (the
# addons' code declares none). Everything that depends on a series (the
# branch fetched, the nightly archive, the cache folders, the release check)
# is derived from its name. ODOO_SERIES picks one; unset, the newest found.
ODOO_SUPPORTED_SERIES="17.0 18.0 19.0"
NEWEST_SERIES=${ODOO_SUPPORTED_SERIES##* }
ODOO_SERIES=${ODOO_SERIES:-}
# Odoo trees these tools fetched, and the virtualenvs that run them: outside
# the repository, so that every clone (and CI) reuses them.
PARTY_CACHE=${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/party-work
ODOO_GIT_URL=${ODOO_GIT_URL:-https://github.com/odoo/odoo}

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

# new_venv [OPTION...] DIR: a virtualenv made by $BASE_PYTHON.
new_venv() {
    "$BASE_PYTHON" -m venv "$@" \
        || die "Could not create a virtualenv with $BASE_PYTHON: install its venv module (Debian: apt install python3-venv)."
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
            new_venv "$VENV"
            "$base" -c 'import site; [print("import site; site.addsitedir(%r)" % d) for d in site.getsitepackages()]' \
                >"$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/_base_python.pth"
        else
            new_venv --system-site-packages "$VENV"
        fi
        printf '%s\n' "$base" >"$VENV/.base-python"
    fi
    PY=$VENV/bin/python
    pip_install_once "$VENV" "$ROOT/requirements-dev.txt"
}

# pip_install_once VENV REQUIREMENTS [BEFORE]: install a requirements file
# into a virtualenv unless this very file was installed there already (the
# stamp holds its checksum). BEFORE names a function to run first, only when
# pip is about to run.
pip_install_once() {
    local venv=$1 req=$2 before=${3:-} stamp sum constraints=$PARTY_CACHE/pip-constraints.txt
    sum=$(cksum <"$req" | cut -d' ' -f1)
    stamp="$venv/.stamp-$(printf '%s' "$req" | cksum | cut -d' ' -f1)"
    [ "$(cat "$stamp" 2>/dev/null)" = "$sum" ] && return 0
    [ -n "$before" ] && "$before"
    step "Installing $req into $venv"
    # cbor2 5.4.2, which Odoo 18.0 and 19.0 pin for Python < 3.12, builds
    # from source only with setuptools < 81. Given as PIP_CONSTRAINT (not
    # -c), the constraint reaches pip's isolated build environments too.
    mkdir -p "$PARTY_CACHE"
    printf '%s\n' "# written by tools/common.sh (see pip_install_once)" "setuptools<81" >"$constraints"
    # (pip's notes about index folders this machine's pip.conf names but
    # lacks are noise, filtered out)
    PIP_CONSTRAINT="$constraints${PIP_CONSTRAINT:+ $PIP_CONSTRAINT}" \
        "$venv/bin/python" -m pip install --disable-pip-version-check -q -r "$req" 2>&1 \
        | { grep -v "is ignored: it is neither a file nor a directory" || true; }
    [ "${PIPESTATUS[0]}" = 0 ] || die "pip could not install $req into $venv (see above)."
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
    pyinc=$("$BASE_PYTHON" -c 'import sysconfig; print(sysconfig.get_paths()["include"])')
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
    [ -f "$1/odoo/release.py" ] || return 1
    "$PY" - "$1/odoo/release.py" 2>/dev/null <<'EOF'
import sys
scope = {}
exec(open(sys.argv[1], encoding="utf-8").read(), scope)
print(scope["serie"])
EOF
}

# Whether $1 is a series the addons run on.
is_supported() { case " $ODOO_SUPPORTED_SERIES " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
SUPPORTED_NAMES=${ODOO_SUPPORTED_SERIES// /, }
SUPPORTED_NAMES="${SUPPORTED_NAMES%, *} or ${SUPPORTED_NAMES##*, }" # "17.0, 18.0 or 19.0"

# Stop (exit 2) unless ODOO_SERIES names a series the addons run on.
check_series() {
    is_supported "$1" \
        || die "$(paragraph "ODOO_SERIES=$1: these addons run on Odoo $SUPPORTED_NAMES only. Set ODOO_SERIES to one of them, or leave it unset for the newest found.")"
}

# (a wrong ODOO_SERIES stops every command at once, before any work)
[ -z "$ODOO_SERIES" ] || check_series "$ODOO_SERIES"

# The Odoo $PYTHON imports, looked up once: IMPORTED_SRC (the folder holding
# its odoo package) and IMPORTED_SERIES, both empty if it imports none.
IMPORTED_SRC=""
IMPORTED_SERIES=""
IMPORTED_LOOKED=0
imported_odoo() {
    [ "$IMPORTED_LOOKED" = 1 ] && return 0
    IMPORTED_LOOKED=1
    local answer
    answer=$("$PY" -c 'import os, odoo, odoo.release
print(os.path.dirname(os.path.dirname(os.path.abspath(odoo.__file__))))
print(odoo.release.serie)' 2>/dev/null) || return 0
    { read -r IMPORTED_SRC && read -r IMPORTED_SERIES; } <<<"$answer"
}

# Sets FOUND_SERIES to the supported series found without fetching, oldest
# first: the one $PYTHON imports and those an earlier fetch left in the
# cache (ODOO_SRC and ODOO_SERIES play no part here).
find_series() {
    local series
    FOUND_SERIES=()
    imported_odoo
    for series in $ODOO_SUPPORTED_SERIES; do
        if [ "$IMPORTED_SERIES" = "$series" ] \
            || [ "$(odoo_serie "$PARTY_CACHE/odoo-$series" || true)" = "$series" ]; then
            FOUND_SERIES+=("$series")
        fi
    done
}

# The line of a log file that says what went wrong.
first_error() { grep -m 1 -E '^(fatal|error|[A-Za-z.]*Error)' "$1" || tail -n 1 "$1"; }

# fetch_odoo SERIES DEST: fetch Odoo SERIES Community into DEST, a shallow
# clone of its branch, else its nightly source archive ($ODOO_ARCHIVE_URL if
# set). Gives up quickly where the network does not answer
# (ODOO_FETCH_TIMEOUT seconds without data, default 30). ODOO_FETCH_DRY_RUN=1
# only says what it would fetch. Sets FETCH_TRIED.
fetch_odoo() {
    local series=$1 dest=$2 wait=${ODOO_FETCH_TIMEOUT:-30} tmp log serie git_how archive_url archive_how
    archive_url=${ODOO_ARCHIVE_URL:-https://nightly.odoo.com/$series/nightly/src/odoo_$series.latest.tar.gz}
    git_how="git clone --depth 1 --branch $series $ODOO_GIT_URL"
    archive_how="the source archive $archive_url"
    step "Fetching Odoo $series Community into $dest"
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
        git ls-remote --exit-code --heads "$ODOO_GIT_URL" "$series" >/dev/null 2>"$log"; then
        FETCH_TRIED+=" (unreachable: $(first_error "$log"))"
    elif ! GIT_TERMINAL_PROMPT=0 GIT_HTTP_LOW_SPEED_LIMIT=1000 GIT_HTTP_LOW_SPEED_TIME=$wait \
        with_timeout "${ODOO_FETCH_MAX_TIME:-3600}" \
        git clone --quiet --depth 1 --single-branch --branch "$series" "$ODOO_GIT_URL" "$tmp" 2>"$log"; then
        FETCH_TRIED+=" (failed: $(first_error "$log"))"
    fi
    if [ ! -f "$tmp/odoo/release.py" ]; then
        rm -rf "$tmp" && mkdir "$tmp"
        FETCH_TRIED+=", then $archive_how"
        if ! with_timeout "${ODOO_FETCH_MAX_TIME:-3600}" "$PY" - "$archive_url" "$tmp.tar.gz" "$wait" 2>"$log" <<'EOF'; then
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
        if [ "$serie" = "$series" ]; then
            # Another run may have finished first: keep its copy then.
            mv -T "$tmp" "$dest" 2>/dev/null || rm -rf "$tmp"
            say "Fetched Odoo $series into $dest."
            return 0
        fi
        FETCH_TRIED+=" (what came is Odoo '${serie:-?}', not $series)"
    fi
    rm -rf "$tmp"
    return 1
}

# locate_series SERIES: sets SERIES, ODOO_TREE (the folder holding the `odoo`
# package of Odoo SERIES) and ODOO_FROM (how it was found), fetching it into
# the cache if need be but installing nothing else; or returns 1 with
# ODOO_MISSING saying what it tried and how to point these tools at one.
locate_series() {
    local serie cache how imported tried
    SERIES=$1
    cache=$PARTY_CACHE/odoo-$SERIES
    ODOO_TREE=""
    ODOO_FROM=""
    ODOO_MISSING=""
    how="set ODOO_SRC=/path/to/odoo-$SERIES (a source tree holding odoo/release.py), or install Odoo $SERIES into $PYTHON (pip install -e /path/to/odoo)"
    if [ -n "${ODOO_SRC:-}" ]; then
        if ! serie=$(odoo_serie "$ODOO_SRC"); then
            ODOO_MISSING="ODOO_SRC=$ODOO_SRC holds no readable odoo/release.py: $how."
        elif [ "$serie" != "$SERIES" ]; then
            ODOO_MISSING="ODOO_SRC=$ODOO_SRC is Odoo $serie, not $SERIES: $how."
        else
            ODOO_TREE=$(cd "$ODOO_SRC" && pwd)
            ODOO_FROM="ODOO_SRC"
            return 0
        fi
        return 1
    fi
    imported_odoo
    if [ "$IMPORTED_SERIES" = "$SERIES" ]; then
        ODOO_TREE=$IMPORTED_SRC
        ODOO_FROM="importable by $PYTHON"
        return 0
    fi
    imported="not importable"
    [ -z "$IMPORTED_SERIES" ] || imported="Odoo $IMPORTED_SERIES, not $SERIES"
    tried="ODOO_SRC (not set); 'import odoo' with $PYTHON ($imported)"
    if [ -f "$cache/odoo/release.py" ]; then
        serie=$(odoo_serie "$cache" || true)
        if [ "$serie" = "$SERIES" ]; then
            ODOO_TREE=$cache
            ODOO_FROM="cached checkout"
            return 0
        fi
        ODOO_MISSING=$(paragraph "The cache $cache holds Odoo '${serie:-?}', not $SERIES: remove it (rm -rf $cache) and run this again to fetch $SERIES there.")
        return 1
    fi
    tried+="; the cache $cache (empty)"
    if [ "${ODOO_FETCH:-1}" = 0 ]; then
        tried+="; fetching it (turned off by ODOO_FETCH=0)"
    elif fetch_odoo "$SERIES" "$cache"; then
        ODOO_TREE=$cache
        ODOO_FROM="fetched"
        return 0
    else
        tried+="; $FETCH_TRIED"
    fi
    ODOO_MISSING=$(paragraph "No Odoo $SERIES found. Tried: $tried. To use an Odoo $SERIES you have, $how; to let these tools fetch it, allow access to $ODOO_GIT_URL or the archive (or put a checkout of its $SERIES branch in $cache).")
    return 1
}

# locate_odoo: locate_series for the one series a command runs on:
# ODOO_SERIES if set; else the series of $ODOO_SRC if set; else the newest
# found without fetching; else the newest supported ($NEWEST_SERIES), fetched.
locate_odoo() {
    local series=$ODOO_SERIES
    if [ -z "$series" ] && [ -n "${ODOO_SRC:-}" ]; then
        if ! series=$(odoo_serie "$ODOO_SRC"); then
            ODOO_MISSING="ODOO_SRC=$ODOO_SRC holds no readable odoo/release.py: set it to an Odoo source tree ($SUPPORTED_NAMES), or unset it."
            return 1
        elif ! is_supported "$series"; then
            ODOO_MISSING="ODOO_SRC=$ODOO_SRC is Odoo $series: these addons run on Odoo $SUPPORTED_NAMES only."
            return 1
        fi
    elif [ -z "$series" ]; then
        find_series
        series=$NEWEST_SERIES
        [ ${#FOUND_SERIES[@]} = 0 ] || series=${FOUND_SERIES[-1]}
    fi
    check_series "$series"
    locate_series "$series"
}

# prepare_odoo, after locate_series: sets ODOO_PYTHON (a command that runs
# Python with Odoo $SERIES importable), ODOO_BIN (one that runs that Odoo),
# ODOO_ADDONS_PATH, and ODOO_WITH_DEMO / ODOO_WITHOUT_DEMO (its install
# flags). The Odoo $PYTHON imports (found so or as ODOO_SRC) runs in .venv (setup_venv made it). Any other tree runs in a virtualenv of
# its series in the cache, made here from $PYTHON if absent, that gets the
# tree's requirements.txt (after the check for the system libraries they
# build against) and requirements-dev.txt, each once. Returns 1 with
# ODOO_MISSING if that Odoo still does not import.
prepare_odoo() {
    local venv
    imported_odoo
    if [ -n "$IMPORTED_SRC" ] && [ "$ODOO_TREE" -ef "$IMPORTED_SRC" ]; then
        ODOO_PYTHON=("$VENV/bin/python")
    else
        venv=$PARTY_CACHE/venv-$SERIES
        if [ ! -x "$venv/bin/python" ]; then
            step "Creating $venv from $BASE_PYTHON (Python $PYTHON_VERSION) for Odoo $SERIES"
            new_venv "$venv"
        fi
        if [ -f "$ODOO_TREE/requirements.txt" ]; then
            pip_install_once "$venv" "$ODOO_TREE/requirements.txt" check_odoo_build_deps
        fi
        pip_install_once "$venv" "$ROOT/requirements-dev.txt"
        ODOO_PYTHON=(env "PYTHONPATH=$ODOO_TREE${PYTHONPATH:+:$PYTHONPATH}" "$venv/bin/python")
    fi
    if ! "${ODOO_PYTHON[@]}" -c 'import odoo' 2>/dev/null; then
        ODOO_MISSING="Odoo $SERIES at $ODOO_TREE does not import with ${ODOO_PYTHON[*]}: see what ${ODOO_PYTHON[*]} -c 'import odoo' says."
        return 1
    fi
    if [ -f "$ODOO_TREE/odoo-bin" ]; then
        ODOO_BIN=("${ODOO_PYTHON[@]}" "$ODOO_TREE/odoo-bin")
    elif [ -f "$ODOO_TREE/setup/odoo-bin" ]; then
        ODOO_BIN=("${ODOO_PYTHON[@]}" "$ODOO_TREE/setup/odoo-bin")
    else
        ODOO_BIN=("${ODOO_PYTHON[@]}" -m odoo)
    fi
    # Demo data comes with an install by default before 19.0; since, only
    # when asked for.
    ODOO_WITH_DEMO=()
    ODOO_WITHOUT_DEMO=(--without-demo=all)
    if [ "${SERIES%%.*}" -ge 19 ]; then
        ODOO_WITH_DEMO=(--with-demo)
        ODOO_WITHOUT_DEMO=()
    fi
    ODOO_ADDONS_PATH="$ODOO_TREE/odoo/addons"
    [ -d "$ODOO_TREE/addons" ] && ODOO_ADDONS_PATH="$ODOO_TREE/addons,$ODOO_ADDONS_PATH"
    ODOO_ADDONS_PATH="$ODOO_ADDONS_PATH,$ROOT"
    return 0
}

# The Odoo the demo, the benchmark, the screenshots and the translations run
# on (locate_odoo, then prepare_odoo), or returns 1 with ODOO_MISSING.
find_odoo() {
    locate_odoo && prepare_odoo
}

# --- PostgreSQL ------------------------------------------------------------------
# tools/pgdb.py run by the Python of the Odoo found (which has psycopg2).
pgdb() { "${ODOO_PYTHON[@]}" "$ROOT/tools/pgdb.py" "$@"; }

# check_db_series DB DATA_DIR REBUILD: the databases the demo, the
# screenshots and the benchmark keep between runs note the series that built
# them in DATA_DIR/DB.series; Odoo cannot open one built on another series, so
# that stops here, saying how to go on (REBUILD: the commands that rebuild
# DB). A database from before these tools knew several series was built on
# 17.0.
check_db_series() {
    local db=$1 record=$2/$1.series built
    if pgdb exists "$db"; then
        built=$(cat "$record" 2>/dev/null || echo 17.0)
        [ "$built" = "$SERIES" ] \
            || die "$(paragraph "The database $db was built on Odoo $built, and this run is on Odoo $SERIES, which cannot open it: run on $built (ODOO_SERIES=$built), or rebuild it on $SERIES ($3).")"
    fi
    mkdir -p "$2"
    printf '%s\n' "$SERIES" >"$record"
}

setup_pg() {
    export PGHOST=${PGHOST:-127.0.0.1}
    export PGPORT=${PGPORT:-5432}
    export PGUSER=${PGUSER:-$(id -un)}
    pgdb ping || exit 2
}
