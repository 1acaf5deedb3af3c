"""Issue 13, item 5: a suggestion's number is unique within its company.

The number comes from the ledger's sequence, but the ORM lets whoever may
write an item write it too (an officer of its branch, the committee, the
superuser: it is readonly on the form only, not sealed). The database
refuses a number the company already uses, whoever sends it, on create and
on write, and the refusal reaches the user in their language."""

import json

from psycopg2 import IntegrityError

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import LedgerCase

REFUSAL = "Another suggestion of this company already uses this number."
REFUSAL_ZH = "本公司已有其他意见建议使用此编号。"


@tagged("post_install", "-at_install")
class TestSuggestionNumber(LedgerCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._other_company_and_hr_user("number_ledger")
        cls.first = cls._item(title="Dusty conveyor")
        cls.second = cls._item(title="Broken locker")

    def assertRefused(self, attempt):
        """``attempt`` stored is refused by the database (its savepoint is
        rolled back, the test goes on)."""
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.env.cr.savepoint(),
        ):
            attempt()
            self.env.flush_all()

    def _values(self, **values):
        return dict(
            {
                "title": "Same number",
                "employee_id": self.emp_worker.id,
                "branch_id": self.branch_a.id,
                "channel": "team_meeting",
            },
            **values,
        )

    def test_the_sequence_numbers_items(self):
        self.assertTrue(self.first.name.startswith("YJ"))
        self.assertNotEqual(self.first.name, self.second.name)

    def test_an_officer_cannot_reuse_a_number(self):
        Suggestion = self.Suggestion.with_user(self.officer_a)
        # the officer may write the number (the database is what holds it)
        Suggestion.browse(self.second.id).write({"name": "YJ-OWN-1"})
        self.assertEqual(self.second.name, "YJ-OWN-1")
        self.assertRefused(
            lambda: Suggestion.create(self._values(name=self.first.name))
        )
        self.assertRefused(
            lambda: Suggestion.browse(self.second.id).write({"name": self.first.name})
        )
        self.assertEqual(self.second.name, "YJ-OWN-1")

    def test_not_even_the_superuser_reuses_a_number(self):
        Suggestion = self.Suggestion.sudo()
        self.assertRefused(
            lambda: Suggestion.create(self._values(name=self.first.name))
        )
        self.assertRefused(
            lambda: Suggestion.browse(self.second.id).write({"name": self.first.name})
        )
        # nor two new items with one number at once
        self.assertRefused(
            lambda: Suggestion.create(
                [self._values(name="YJ-TWIN"), self._values(name="YJ-TWIN")]
            )
        )
        self.assertEqual(
            Suggestion.search_count([("name", "in", [self.first.name, "YJ-TWIN"])]),
            1,
        )

    def test_another_company_keeps_its_own_numbers(self):
        other = self.Suggestion.sudo().create(
            self._values(name=self.first.name, branch_id=self.other_branch.id)
        )
        self.assertEqual(other.name, self.first.name)
        self.assertNotEqual(other.company_id, self.first.company_id)

    def test_the_refusal_is_said_in_the_users_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["party_ledger"], ["zh_CN"])
        for lang, message in (("en_US", REFUSAL), ("zh_CN", REFUSAL_ZH)):
            self.officer_a.lang = lang
            self.authenticate(self.officer_a.login, self.officer_a.login)
            with mute_logger("odoo.sql_db", "odoo.http"):
                response = self.url_open(
                    "/web/dataset/call_kw/party.suggestion/write",
                    data=json.dumps(
                        {
                            "jsonrpc": "2.0",
                            "method": "call",
                            "params": {
                                "model": "party.suggestion",
                                "method": "write",
                                "args": [[self.second.id], {"name": self.first.name}],
                                "kwargs": {"context": {"lang": lang}},
                            },
                        }
                    ),
                    headers={"Content-Type": "application/json"},
                )
            error = response.json()["error"]["data"]
            self.assertEqual(error["name"], "odoo.exceptions.ValidationError")
            self.assertIn(message, error["message"])
        self.second.invalidate_recordset()
        self.assertNotEqual(self.second.name, self.first.name)
