"""The committed translation templates are current: every term Odoo exports
for an addon is in its .pot, and none is left over (tools/check_i18n.py then
checks that zh_CN.po translates every term of the .pot)."""

from pathlib import Path

import polib

from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import TranslationModuleReader

from odoo.addons.party_points import compat

ROOT = Path(__file__).resolve().parents[2]


@tagged("post_install", "-at_install")
class TestTranslationTemplates(TransactionCase):
    def setUp(self):
        super().setUp()
        # The templates are exported by 17.0 (make i18n); later series name
        # a few technical models of their own (hr.mixin, privileges).
        if compat.SERIES != 17:
            self.skipTest("the translation templates are exported on 17.0")

    def _check(self, addon):
        # Demo records are written in Chinese and are not translated (their
        # ids end in _demo, as OCA names them).
        exported = {
            row[4]
            for row in TranslationModuleReader(self.env.cr, modules=[addon])
            if not str(row[3]).endswith("_demo")
        }
        exported.discard("")
        committed = {
            e.msgid for e in polib.pofile(str(ROOT / addon / "i18n" / f"{addon}.pot"))
        }
        missing = sorted(exported - committed)
        stale = sorted(committed - exported)
        self.assertFalse(
            missing, f"{addon}.pot lacks terms: run make i18n ({missing[:10]})"
        )
        self.assertFalse(
            stale,
            f"{addon}.pot holds terms no longer used: run make i18n ({stale[:10]})",
        )

    def test_party_points_template(self):
        self._check("party_points")

    def test_party_ledger_template(self):
        self._check("party_ledger")
