"""Attacks on the seal of the suggestion and the key project (issue 11,
section 1): each acts as a role, asserts the refusal and that nothing
changed."""

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import LedgerCase

RATE_FIELDS = [
    "state",
    "close_type",
    "date_closed",
    "date_first_response",
    "date_started",
    "satisfaction",
    "feedback_comment",
    "reopen_count",
    "is_supervised",
    "verification_note",
    "verifier_ids",
    "date_verified",
    "is_overdue",
]


@tagged("post_install", "-at_install")
class TestAttackSuggestionSeal(LedgerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = cls.env["party.practical.project"].create(
            {
                "name": "Dust-free conveyors",
                "branch_id": cls.branch_a.id,
                "measures": "Covers on every belt",
                "responsible_id": cls.emp_a2.id,
                "date_deadline": "2026-06-30",
                "representative_ids": [Command.set(cls.emp_other.ids)],
            }
        )

    def _snapshot(self, records, fnames):
        records.invalidate_recordset()
        return records.sudo().read(fnames)

    def _forged_rates(self):
        return [
            {"state": "done"},
            {"satisfaction": "very_satisfied"},
            {"close_type": "implemented"},
            {"date_closed": "2026-03-03 08:00:00"},
            {"date_first_response": "2026-03-02 02:00:00"},
            {"date_started": "2026-03-02 03:00:00"},
            {"feedback_comment": "Great"},
            {"reopen_count": 0},
            {"is_supervised": True},
            {"verification_note": "Seen"},
            {"verifier_ids": [Command.set(self.emp_other.ids)]},
            {"date_verified": "2026-03-03 08:00:00"},
            {"is_overdue": False},
        ]

    def test_nobody_writes_the_rates_of_an_item(self):
        """A responsible person, an officer of the branch or of another
        branch, the committee and the superuser: none of them writes the
        state, the closing, the feedback, the verification or the
        supervision of an item."""
        item = self._classified()
        item.with_user(self.officer_a).action_start()
        before = self._snapshot(item, RATE_FIELDS)
        for user_item in (
            item.with_user(self.user_a1),  # a member, the zone's representative
            item.with_user(self.user_sup),  # its supervisor
            item.with_user(self.officer_a),
            item.with_user(self.officer_b),
            item.with_user(self.manager),
            item.sudo(),
        ):
            for vals in self._forged_rates():
                with (
                    self.subTest(user=user_item.env.uid, **vals),
                    self.assertRaises(UserError),
                ):
                    user_item.write(vals)
        self.assertEqual(self._snapshot(item, RATE_FIELDS), before)

    def test_a_closed_item_is_rated_only_by_its_feedback(self):
        item = self._done()
        before = self._snapshot(item, RATE_FIELDS)
        for user_item in (
            item.with_user(self.user_emp),  # the submitter
            item.with_user(self.officer_a),
            item.with_user(self.manager),
            item.sudo(),
        ):
            for vals in (
                {"satisfaction": "very_satisfied"},
                {"state": "in_progress"},
                {"reopen_count": 0},
            ):
                with (
                    self.subTest(user=user_item.env.uid, **vals),
                    self.assertRaises(UserError),
                ):
                    user_item.write(vals)
        self.assertEqual(self._snapshot(item, RATE_FIELDS), before)
        item.with_user(self.user_emp).action_feedback("unsatisfied")
        self.assertEqual(
            (item.state, item.reopen_count, item.is_supervised),
            ("in_progress", 1, True),
        )

    def test_a_new_item_starts_new(self):
        Suggestion = self.Suggestion.with_user(self.user_emp)
        count = Suggestion.sudo().search_count([])
        for vals in self._forged_rates():
            if vals in ({"reopen_count": 0}, {"is_overdue": False}):
                continue  # starting values
            with self.subTest(**vals), self.assertRaises(UserError):
                Suggestion.create(
                    dict(vals, title="Forged", branch_id=self.branch_a.id)
                )
        self.assertEqual(Suggestion.sudo().search_count([]), count)
        # the starting values, as a form sends them, are accepted
        item = Suggestion.create(
            {
                "title": "At rest",
                "branch_id": self.branch_a.id,
                "state": "new",
                "satisfaction": False,
                "reopen_count": 0,
                "is_supervised": False,
                "verifier_ids": [Command.set([])],
            }
        )
        self.assertEqual(item.state, "new")

    def test_forged_context_keys_do_not_open_the_seal(self):
        item = self._classified()
        before = self._snapshot(item, RATE_FIELDS)
        for key in ("party_workflow_seal", "party_points_workflow"):
            with self.assertRaises(UserError):
                item.with_user(self.manager).with_context(**{key: True}).write(
                    {"state": "done", "satisfaction": "very_satisfied"}
                )
        self.assertEqual(self._snapshot(item, RATE_FIELDS), before)

    def test_the_form_still_saves_an_item(self):
        with Form(self.Suggestion.with_user(self.officer_a)) as form:
            form.title = "From the form"
            form.branch_id = self.branch_a
            form.kind = "explanation"
        item = form.record
        self.assertEqual(item.state, "new")
        with Form(item.with_user(self.officer_a)) as form:
            form.description = "Edited in the form"
        self.assertEqual(item.description, "Edited in the form")

    def test_supervision_is_a_button_of_the_branch(self):
        item = self._classified()
        with self.assertRaises(AccessError):
            item.with_user(self.officer_b).action_supervise()
        self.assertFalse(item.is_supervised)
        self.assertIs(item.with_user(self.officer_a).action_supervise(), True)
        self.assertTrue(item.is_supervised)

    def test_refusals_are_whole_sentences(self):
        item = self._item()
        with self.assertRaisesRegex(UserError, r"cannot be started while it is New\.$"):
            item.with_user(self.officer_a).action_start()
        project = self.project.with_user(self.officer_a)
        with self.assertRaisesRegex(
            UserError, r"cannot be verified in its current state\.$"
        ):
            project.action_verify("Seen")

    def test_nobody_writes_the_state_of_a_key_project(self):
        fnames = [
            "state",
            "verification_note",
            "verifier_ids",
            "date_verified",
            "cancel_reason",
        ]
        before = self._snapshot(self.project, fnames)
        for user_project in (
            self.project.with_user(self.officer_a),
            self.project.with_user(self.officer_b),
            self.project.with_user(self.manager),
            self.project.sudo(),
        ):
            for vals in (
                {"state": "done"},
                {"verification_note": "Seen"},
                {"verifier_ids": [Command.set(self.emp_other.ids)]},
                {"date_verified": "2026-03-03 08:00:00"},
                {"cancel_reason": "No"},
            ):
                with (
                    self.subTest(user=user_project.env.uid, **vals),
                    self.assertRaises(UserError),
                ):
                    user_project.write(vals)
        self.assertEqual(self._snapshot(self.project, fnames), before)
        with self.assertRaises(UserError):
            self.env["party.practical.project"].with_user(self.officer_a).create(
                {"name": "Forged", "branch_id": self.branch_a.id, "state": "done"}
            )
        # the workflow still runs, and answers over RPC
        project = self.project.with_user(self.officer_a)
        self.assertIs(project.action_start(), True)
        self.assertIs(project.action_submit_verification(), True)
        self.assertIs(project.action_verify("Seen"), True)
        self.assertEqual(self.project.state, "done")

    def test_a_key_project_with_items_stays_in_its_branch(self):
        self._classified(route="key_project", project_id=self.project.id)
        for user_project in (
            self.project.with_user(self.officer_a),
            self.project.with_user(self.manager),
        ):
            with self.assertRaises(UserError):
                user_project.write({"branch_id": self.branch_b.id})
        self.assertEqual(self.project.branch_id, self.branch_a)
        # a project without items may still move (within the officer's reach)
        empty = self.env["party.practical.project"].create(
            {"name": "Empty", "branch_id": self.branch_a.id}
        )
        with self.assertRaises(AccessError):
            empty.with_user(self.officer_a).write({"branch_id": self.branch_b.id})
        empty.with_user(self.manager).write({"branch_id": self.branch_b.id})
        self.assertEqual(empty.branch_id, self.branch_b)
