"""Every demo login that `make demo` prints works with its password."""

import csv
from pathlib import Path

from odoo.tests import TransactionCase, tagged

from odoo.addons.party_points import compat

ROOT = Path(__file__).resolve().parents[2]


@tagged("post_install", "-at_install")
class TestDemoLogins(TransactionCase):
    def test_demo_logins_authenticate(self):
        if not self.env.ref(
            "party_points.res_users_secretary_demo", raise_if_not_found=False
        ):
            self.skipTest("the database has no demo data")
        with (ROOT / "data" / "demo_logins.csv").open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        self.assertTrue(rows)
        for row in rows:
            user = self.env["res.users"].search([("login", "=", row["login"])])
            self.assertTrue(user, f"no demo user {row['login']}")
            # raises AccessDenied when the password is wrong (a credential
            # is a dict since 18.0)
            credential = row["password"]
            if compat.SERIES >= 18:
                credential = {"type": "password", "password": credential}
            user.with_user(user)._check_credentials(credential, {"interactive": False})
