"""Build each addon's README.rst from its readme/ fragments (OCA style).

python tools/gen_readme.py party_points party_ledger           write them
python tools/gen_readme.py --check party_points party_ledger   fail if stale
"""

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = [
    ("DESCRIPTION.md", None),
    ("USAGE.md", "Usage"),
    ("CONFIGURE.md", "Configuration"),
    ("CONTRIBUTORS.md", "Contributors"),
]


def render(addon):
    manifest = ast.literal_eval((ROOT / addon / "__manifest__.py").read_text("utf-8"))
    title = manifest["name"]
    bar = "=" * len(title)
    parts = [
        f"{bar}\n{title}\n{bar}\n",
        (
            ".. |license| image:: https://img.shields.io/badge/licence-LGPL--3-blue.png\n"
            "    :target: http://www.gnu.org/licenses/lgpl-3.0-standalone.html\n"
            "    :alt: License: LGPL-3\n\n|license|\n"
        ),
    ]
    for fragment, heading in SECTIONS:
        path = ROOT / addon / "readme" / fragment
        if not path.is_file():
            continue
        text = path.read_text("utf-8").strip()
        if heading:
            text = f"{heading}\n{'=' * len(heading)}\n\n{text}"
        parts.append(text + "\n")
    parts.append(
        "This file is built from the fragments under ``readme/`` by "
        "``tools/gen_readme.py``.\n"
    )
    return "\n".join(parts)


def main(argv):
    check = "--check" in argv
    stale = []
    for addon in (a for a in argv if a != "--check"):
        target = ROOT / addon / "README.rst"
        text = render(addon)
        if check:
            if not target.is_file() or target.read_text("utf-8") != text:
                stale.append(addon)
        else:
            target.write_text(text, "utf-8")
    for addon in stale:
        print(f"{addon}/README.rst is stale: run python tools/gen_readme.py {addon}")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
