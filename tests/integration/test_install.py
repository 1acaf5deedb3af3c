"""Both addons install on an empty database without demo data and uninstall
cleanly, in a database of their own (created and dropped here)."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import odoo
from odoo.tools import config

ROOT = Path(__file__).resolve().parents[2]


def _odoo_cmd(*args, command=()):
    # (odoo/release.py: since 19.0 odoo is a namespace package, without __file__)
    src = Path(odoo.release.__file__).resolve().parents[1]
    runner = (
        [sys.executable, str(src / "odoo-bin")]
        if (src / "odoo-bin").is_file()
        else [sys.executable, "-m", "odoo"]
    )
    addons_path = config["addons_path"]
    if not isinstance(addons_path, str):  # a list since 19.0
        addons_path = ",".join(addons_path)
    return runner + [
        *command,
        f"--addons-path={addons_path}",
        f"--data-dir={config['data_dir']}",
        *args,
    ]


def _run(*args):
    result = subprocess.run(
        _odoo_cmd(*args, "--stop-after-init", "--no-http", "--log-level=warn"),
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-4000:]
    assert " ERROR " not in log and " CRITICAL " not in log, log[-4000:]
    return log


def _query(dbname, sql):
    with odoo.sql_db.db_connect(dbname).cursor() as cr:
        cr.execute(sql)
        return cr.fetchall()


def test_install_without_demo_and_uninstall():
    dbname = f"party_install_{uuid.uuid4().hex[:8]}"
    pgdb = [sys.executable, str(ROOT / "tools" / "pgdb.py")]
    subprocess.run([*pgdb, "create", dbname], check=True, env=os.environ)
    try:
        _run("-d", dbname, "-i", "party_points,party_ledger", "--without-demo=all")
        states = dict(
            _query(
                dbname,
                "SELECT name, state FROM ir_module_module "
                "WHERE name IN ('party_points', 'party_ledger')",
            )
        )
        assert states == {"party_points": "installed", "party_ledger": "installed"}
        assert _query(dbname, "SELECT count(*) FROM party_member") == [(0,)]

        uninstall = (
            "env['ir.module.module'].search([('name', 'in', "
            "['party_ledger', 'party_points'])]).button_immediate_uninstall()"
        )
        result = subprocess.run(
            _odoo_cmd("-d", dbname, "--no-http", "--log-level=warn", command=["shell"]),
            input=uninstall + "\nenv.cr.commit()\n",
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )
        assert result.returncode == 0, result.stderr[-4000:]
        states = dict(
            _query(
                dbname,
                "SELECT name, state FROM ir_module_module "
                "WHERE name IN ('party_points', 'party_ledger')",
            )
        )
        assert states == {"party_points": "uninstalled", "party_ledger": "uninstalled"}
        leftovers = _query(
            dbname,
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_name LIKE 'party\\_%' ORDER BY table_name",
        )
        assert leftovers == []
        assert _query(
            dbname,
            "SELECT count(*) FROM ir_model_data WHERE module IN "
            "('party_points', 'party_ledger')",
        ) == [(0,)]
    finally:
        odoo.sql_db.close_db(dbname)
        subprocess.run([*pgdb, "drop", dbname], check=True, env=os.environ)
