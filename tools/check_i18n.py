"""Check that each addon's translations are complete.

For every addon named: ``i18n/<addon>.pot`` and ``i18n/zh_CN.po`` exist, every
term of the template has a Chinese translation (not fuzzy), and the Chinese
file holds no term the template has dropped. Whether the template itself is
current is checked against Odoo's own export by the Odoo suite
(tests/integration/test_translations.py).

    python tools/check_i18n.py ADDON...                       check
    python tools/check_i18n.py --merge ODOO_ADDONS ADDON...   merge the .pot in
"""

import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
# Terms Chinese users read as they are (oca-checks-po drops a translation that
# equals its term, so they stay empty in the file).
AS_IS = {"ID"}


def check(addon):
    problems = []
    pot_path = ROOT / addon / "i18n" / f"{addon}.pot"
    po_path = ROOT / addon / "i18n" / "zh_CN.po"
    for path in (pot_path, po_path):
        if not path.is_file():
            return [f"{path.relative_to(ROOT)} is missing"]
    pot = {(e.msgctxt, e.msgid) for e in polib.pofile(str(pot_path))}
    po = {(e.msgctxt, e.msgid): e for e in polib.pofile(str(po_path))}
    for key in sorted(pot - po.keys(), key=str):
        problems.append(f"{addon}: not in zh_CN.po: {key[1]!r}")
    for key in sorted(po.keys() - pot, key=str):
        problems.append(f"{addon}: zh_CN.po has a term the .pot dropped: {key[1]!r}")
    for key, entry in po.items():
        untranslated = not entry.msgstr.strip() and entry.msgid not in AS_IS
        if key in pot and (untranslated or "fuzzy" in entry.flags):
            problems.append(f"{addon}: untranslated in zh_CN.po: {key[1]!r}")
    return problems


def odoo_memory(odoo_addons):
    """Chinese terms of the Odoo addons ours build on (fields inherited from
    mail.thread and the like carry the same words as in core)."""
    memory = {}
    for name in ("base", "mail", "portal", "hr", "web", "rating", "resource"):
        path = Path(odoo_addons) / name / "i18n" / "zh_CN.po"
        if path.is_file():
            for entry in polib.pofile(str(path)):
                if entry.msgstr and "fuzzy" not in entry.flags:
                    memory.setdefault(entry.msgid, entry.msgstr)
    return memory


def merge(addon, memory):
    """Bring zh_CN.po in line with the .pot: dropped terms out, new ones in,
    translated from ``memory`` where core Odoo has the very same term."""
    po_path = ROOT / addon / "i18n" / "zh_CN.po"
    pot = polib.pofile(str(ROOT / addon / "i18n" / f"{addon}.pot"))
    po = polib.pofile(str(po_path)) if po_path.is_file() else polib.POFile()
    po.merge(pot)
    for entry in [e for e in po if e.obsolete]:
        po.remove(entry)
    for entry in po:
        if not entry.msgstr and entry.msgid in memory:
            entry.msgstr = memory[entry.msgid]
    po.metadata.update(
        {
            "Project-Id-Version": "Odoo Server 17.0",
            "Language": "zh_CN",
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "",
            "Plural-Forms": "",
        }
    )
    po.save(str(po_path))


def main(addons):
    if addons and addons[0] == "--merge":
        memory = odoo_memory(addons[1])
        for addon in addons[2:]:
            merge(addon, memory)
        return 0
    problems = [p for addon in addons for p in check(addon)]
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} translation problem(s).")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
