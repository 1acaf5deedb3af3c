"""`pip install .` puts both addons beside Odoo as odoo.addons.* packages,
where Odoo finds them without any addons path."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import odoo
from odoo.modules.module import get_manifest, get_module_path
odoo.tools.config.parse_config([])
for name in ("party_points", "party_ledger"):
    print(name, get_module_path(name), get_manifest(name)["version"])
"""


def test_pip_install_beside_odoo(tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--quiet",
            "--target",
            str(target),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    assert not (target / "odoo" / "__init__.py").exists(), "must not shadow odoo"
    for addon in ("party_points", "party_ledger"):
        base = target / "odoo" / "addons" / addon
        assert (base / "__manifest__.py").is_file()
        assert (base / "i18n" / "zh_CN.po").is_file()
        assert (base / "static" / "description" / "icon.png").is_file()
    # (odoo/release.py: since 19.0 odoo is a namespace package, without __file__)
    odoo_src = Path(sys.modules["odoo.release"].__file__).resolve().parents[1]
    probe = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": f"{odoo_src}:{target}", "PATH": "/usr/bin:/bin"},
        check=True,
        timeout=300,
    )
    found = dict(line.split(" ", 1) for line in probe.stdout.strip().splitlines())
    for addon in ("party_points", "party_ledger"):
        assert found[addon].startswith(str(target / "odoo" / "addons" / addon)), found
