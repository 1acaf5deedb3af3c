from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.party_points.tests.common import PointsCase

from .common import LedgerCase


@tagged("post_install", "-at_install")
class TestServingPoints(LedgerCase, PointsCase):
    """Behaviour 7: satisfied items earn their responsible member points."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.r_serve = cls.env["party.points.rule"].create(
            {
                "code": "SERVE",
                "name": "Solved a colleague's problem",
                "ruleset_id": cls.ruleset.id,
                "category_id": cls.cat_vanguard.id,
                "points": 3,
            }
        )
        cls.ruleset.serving_rule_id = cls.r_serve

    def _rate(self, item, satisfaction):
        with freeze_time(self.day):
            item.with_user(self.user_emp).action_feedback(satisfaction)

    def _entries(self, member):
        return self.env["party.points.entry"].search(
            [("member_id", "=", member.id), ("rule_id", "=", self.r_serve.id)]
        )

    def test_satisfied_item_gives_the_responsible_member_one_submitted_entry(self):
        item = self._done(responsible_id=self.emp_a2.id)
        self._rate(item, "very_satisfied")
        entry = self._entries(self.member_a2)
        self.assertEqual(len(entry), 1)
        self.assertEqual(item.points_entry_id, entry)
        self.assertRecordValues(
            entry,
            [
                {
                    "origin": "ledger",
                    "state": "submitted",
                    "date": self.day,
                    "period_id": self.period.id,
                    "points": 3,
                }
            ],
        )
        self.assertIn(item.name, entry.description)
        # the officer of the member's branch approves it like any other entry
        entry.with_user(self.officer_a).action_approve()
        self.assertEqual(entry.state, "approved")

    def test_once_per_item_even_after_a_reopening(self):
        item = self._done(responsible_id=self.emp_a2.id)
        self._rate(item, "satisfied")
        entry = item.points_entry_id
        with freeze_time(self.day):
            item._on_satisfied_feedback()
        self.assertEqual(self._entries(self.member_a2), entry)
        other = self._done(responsible_id=self.emp_a2.id)
        self._rate(other, "unsatisfied")
        self.assertFalse(self._entries(self.member_a2) - entry)
        other.action_submit_verification()
        other.with_user(self.officer_a).action_verify("Done properly now.")
        self._rate(other, "satisfied")
        self.assertEqual(len(self._entries(self.member_a2)), 2)

    def test_basic_or_unsatisfied_feedback_earns_nothing(self):
        for satisfaction in ("basic", "unsatisfied"):
            item = self._done(responsible_id=self.emp_a2.id)
            self._rate(item, satisfaction)
            self.assertFalse(item.points_entry_id)
        self.assertFalse(self._entries(self.member_a2))

    def test_a_responsible_person_who_is_no_member_earns_nothing(self):
        item = self._done(responsible_id=self.emp_sup.id)
        self._rate(item, "very_satisfied")
        self.assertFalse(item.points_entry_id)
        self.assertFalse(
            self.env["party.points.entry"].search([("rule_id", "=", self.r_serve.id)])
        )
        self.member_a2.active = False
        item = self._done(responsible_id=self.emp_a2.id)
        self._rate(item, "very_satisfied")
        self.assertFalse(item.points_entry_id)

    def test_no_rule_or_no_open_period_is_said_in_the_chatter(self):
        self.ruleset.serving_rule_id = False
        item = self._done(responsible_id=self.emp_a2.id)
        self._rate(item, "satisfied")
        self.assertFalse(item.points_entry_id)
        self.assertIn("No serving-the-people points", item.message_ids[0].body)
        self.ruleset.serving_rule_id = self.r_serve
        self.period.with_user(self.manager).action_close()
        item = self._done(responsible_id=self.emp_a2.id)
        self._rate(item, "satisfied")
        self.assertFalse(item.points_entry_id)
        self.assertIn("No serving-the-people points", item.message_ids[0].body)

    def test_the_rule_must_be_positive_and_of_the_same_rule_book(self):
        with self.assertRaises(ValidationError):
            self.ruleset.serving_rule_id = self.r_absent
        default = self.env.ref("party_points.party_points_ruleset_default")
        self.assertEqual(
            default.serving_rule_id, self.env.ref("party_points.party_points_rule_fw02")
        )
        with self.assertRaises(ValidationError):
            default.serving_rule_id = self.r_serve

    def test_officers_see_the_entry_employees_do_not(self):
        item = self._done(responsible_id=self.emp_a2.id)
        self._rate(item, "satisfied")
        self.assertTrue(item.with_user(self.officer_a).points_entry_id)
        self.assertNotIn(
            "points_entry_id",
            item.with_user(self.user_emp).fields_get(attributes=["type"]),
        )


@tagged("post_install", "-at_install")
class TestLedgerOrigin(PointsCase):
    """The entries the ledger creates: their origin, their way in, and the
    duplicate check they are exempt from."""

    def _vals(self):
        """An entry as the ledger creates it for member A1."""
        return {
            "member_id": self.member_a1.id,
            "rule_id": self.r_meet.id,
            "date": self.day,
            "origin": "ledger",
            "state": "submitted",
        }

    def test_ledger_may_create_submitted_entries_through_the_workflow_only(self):
        vals = self._vals()
        entry = self.env["party.points.entry"]._workflow_env().create(vals)
        self.assertEqual((entry.state, entry.origin), ("submitted", "ledger"))
        with self.assertRaises(UserError):
            self.env["party.points.entry"].with_user(self.officer_a).create(
                dict(vals, quantity=2)
            )
        # the superuser alone is no workflow (the seal tightened here)
        for state in ("submitted", "approved"):
            with self.assertRaises(UserError):
                self.env["party.points.entry"].sudo().create(
                    dict(vals, quantity=3, state=state)
                )
        entry.with_user(self.officer_a).action_approve()
        self.assertEqual(entry.state, "approved")

    def test_ledger_entries_are_exempt_from_the_duplicate_check(self):
        """One entry per item: two items closed the same day for the same
        member are two deeds."""
        Entry = self.env["party.points.entry"]
        self.assertIn("ledger", Entry._duplicate_exempt_origins())
        vals = self._vals()
        entries = Entry._workflow_env().create([vals, vals])
        self.assertEqual(entries.mapped("origin"), ["ledger", "ledger"])
        # and they do not count against an officer's entry for the same deed
        self._entry(self.member_a1, self.r_meet)
        with self.assertRaises(ValidationError):
            self._entry(self.member_a1, self.r_meet, approve=False)
