#!/usr/bin/env bash
# Where `make test`, `make test-series` and `make demo` find Odoo, without
# building a virtualenv or running anything else (tools/common.sh does the
# finding):
#
#   tools/find_odoo.sh               find Odoo as they would: the series
#                                    ODOO_SERIES names, else $ODOO_SRC's, else
#                                    the newest found, each series looked for
#                                    as ODOO_SRC, the odoo importable by
#                                    $PYTHON, the cached checkout, else
#                                    fetched into the cache (not with
#                                    ODOO_FETCH=0; ODOO_FETCH_DRY_RUN=1 only
#                                    says what it would fetch). Prints where
#                                    and how it was found, or why none was and
#                                    the line `make test` then prints; exit 1
#                                    if none.
#   tools/find_odoo.sh --list        the series found without fetching, the
#                                    ones `make test-series` runs on.
#   tools/find_odoo.sh --check-deps  check the system libraries Odoo's
#                                    requirements build against, as `make
#                                    test` does before pip compiles them
#                                    (installing them as root on
#                                    Debian/Ubuntu unless APT_INSTALL=0).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
find_python
case "${1:-}" in
    --check-deps)
        check_odoo_build_deps
        say "System libraries for Odoo's requirements: all present."
        ;;
    --list)
        find_series
        say "Odoo series found: ${FOUND_SERIES[*]:-none} (supported: $ODOO_SUPPORTED_SERIES)"
        ;;
    "")
        if locate_odoo; then
            say "Odoo $SERIES: $ODOO_TREE ($ODOO_FROM)"
        else
            say "$ODOO_MISSING"
            say "$ODOO_SKIPPED_LINE"
            exit 1
        fi
        ;;
    *) die "usage: tools/find_odoo.sh [--list | --check-deps]" ;;
esac
