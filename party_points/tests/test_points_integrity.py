"""Integrity rules: tests that try to break them, as a member, an officer of
another branch, a manager and through the back door."""

from unittest.mock import patch

from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, RedirectWarning, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import PointsCase


@tagged("post_install", "-at_install")
class TestPointsIntegrity(PointsCase):
    def test_approved_entry_is_immutable_for_everyone(self):
        entry = self._entry(self.member_a1, self.r_meet)
        for user in (self.officer_a, self.manager):
            as_user = entry.with_user(user)
            for vals in (
                {"quantity": 2},
                {"date": "2031-02-11"},
                {"member_id": self.member_a2.id},
                {"rule_id": self.r_essay.id},
                {"description": "Edited afterwards"},
            ):
                with self.assertRaises(UserError):
                    as_user.write(vals)
            with self.assertRaises(UserError):
                as_user.unlink()
        # not even the superuser, nor a forged context
        with self.assertRaises(UserError):
            entry.sudo().write({"state": "draft"})
        with self.assertRaises(UserError):
            entry.sudo().with_context(party_points_workflow=True).write({"points": 99})
        self.assertEqual((entry.state, entry.points), ("approved", 2))

    def test_workflow_fields_only_through_buttons(self):
        entry = self._entry(self.member_a1, self.r_meet, approve=False)
        for vals in (
            {"state": "approved"},
            {"points": 50},
            {"approved_by_id": self.officer_a.id},
        ):
            with self.assertRaises(UserError):
                entry.with_user(self.officer_a).write(vals)
        with self.assertRaises(UserError):
            self.env["party.points.entry"].with_user(self.officer_a).create(
                {
                    "member_id": self.member_a1.id,
                    "rule_id": self.r_meet.id,
                    "date": self.day,
                    "state": "approved",
                }
            )
        # a draft stays editable and deletable
        entry.with_user(self.officer_a).write({"quantity": 2})
        entry.with_user(self.officer_a).unlink()

    def test_form_records_an_entry_with_the_workflow_fields_at_rest(self):
        """The web form sends the workflow fields at their starting values."""
        Entry = self.env["party.points.entry"]
        with Form(Entry.with_user(self.officer_a)) as form:
            form.member_id = self.member_a2
            form.rule_id = self.r_absent
            form.date = self.day
        entry = form.record
        self.assertEqual((entry.state, entry.points), ("draft", -2))
        at_rest = {
            "state": "draft",
            "approved_by_id": False,
            "approved_date": False,
            "reject_reason": False,
            "reversal_of_id": False,
        }
        other = Entry.with_user(self.officer_a).create(
            dict(
                at_rest,
                member_id=self.member_a2.id,
                rule_id=self.r_meet.id,
                date=self.day,
            )
        )
        self.assertEqual(other.state, "draft")
        for forged in (
            {"approved_by_id": self.officer_a.id},
            {"approved_date": "2031-02-10 08:00:00"},
            {"reject_reason": "x"},
            {"reversal_of_id": entry.id},
        ):
            with self.assertRaises(UserError):
                Entry.with_user(self.officer_a).create(
                    dict(
                        at_rest,
                        member_id=self.member_a1.id,
                        rule_id=self.r_meet.id,
                        date=self.day,
                        quantity=3,
                        **forged,
                    )
                )

    def test_member_sees_and_claims_only_their_own(self):
        own = self._entry(self.member_a1, self.r_meet)
        other = self._entry(self.member_a2, self.r_meet)
        Entry = self.env["party.points.entry"].with_user(self.user_a1)
        self.assertEqual(Entry.search([]), own)
        with self.assertRaises(AccessError):
            other.with_user(self.user_a1).read(["points"])
        with self.assertRaises(AccessError):
            Entry.create(
                {
                    "member_id": self.member_a2.id,
                    "rule_id": self.r_meet.id,
                    "date": self.day,
                }
            )
        with self.assertRaises(UserError):
            Entry.create(
                {
                    "member_id": self.member_a1.id,
                    "rule_id": self.r_absent.id,
                    "date": self.day,
                }
            )
        claim = Entry.create({"rule_id": self.r_meet.id, "date": "2031-02-12"})
        self.assertEqual(
            claim.member_id, self.member_a1, "defaults to the user's record"
        )
        self.assertEqual(claim.origin, "claim")
        claim.action_submit()
        with self.assertRaises(AccessError):
            claim.action_approve()
        with self.assertRaises(AccessError):
            claim.write({"quantity": 2})  # no longer a draft

    def test_officer_works_only_their_branches(self):
        entry_b = self._entry(self.member_b1, self.r_meet, approve=False)
        entry_b.action_submit()
        Entry = self.env["party.points.entry"].with_user(self.officer_a)
        self.assertFalse(Entry.search([("member_id", "=", self.member_b1.id)]))
        with self.assertRaises(AccessError):
            entry_b.with_user(self.officer_a).action_approve()
        with self.assertRaises(AccessError):
            entry_b.with_user(self.officer_a).action_reject("Not mine")
        with self.assertRaises(AccessError):
            Entry.create(
                {
                    "member_id": self.member_b1.id,
                    "rule_id": self.r_meet.id,
                    "date": self.day,
                }
            )
        approved_b = self._entry(self.member_b1, self.r_essay)
        with self.assertRaises(AccessError):
            approved_b.with_user(self.officer_a).action_reverse("Not mine")
        entry_b.with_user(self.officer_b).action_approve()
        self.assertEqual(entry_b.approved_by_id, self.officer_b)

    def test_officer_cannot_decide_own_entries(self):
        own_member = self.env["party.member"].create(
            {"employee_id": self.emp_officer_a.id, "branch_id": self.branch_a.id}
        )
        entry = self._entry(own_member, self.r_meet, approve=False)
        with self.assertRaises(UserError):
            entry.with_user(self.officer_a).action_approve()
        entry.with_user(self.manager).action_approve()

    def test_closed_period_accepts_nothing(self):
        approved = self._entry(self.member_a1, self.r_meet)
        self.period.with_user(self.manager).action_close()
        with self.assertRaises(ValidationError):
            self._entry(self.member_a1, self.r_essay, approve=False)
        with self.assertRaises(UserError):
            approved.action_reverse("Too late")
        with self.assertRaises(ValidationError):
            self.env["party.points.exemption"].create(
                {
                    "member_id": self.member_a2.id,
                    "period_id": self.period.id,
                    "reason": "x",
                }
            )

    def test_close_refuses_pending_entries_and_entries_need_a_period(self):
        draft = self._entry(self.member_a1, self.r_meet, approve=False)
        pending = self._entry(self.member_a2, self.r_meet, approve=False)
        pending.action_submit()
        self._entry(self.member_b1, self.r_meet)
        with self.assertRaises(RedirectWarning) as refusal:
            self.period.with_user(self.manager).action_close()
        self.assertEqual(self.period.state, "open")
        self.assertFalse(self.period.result_ids)
        # the refusal links to exactly the entries that stop the closing
        message, action, button = refusal.exception.args[:3]
        self.assertIn("2", message)
        self.assertTrue(button)
        self.assertEqual(action["res_model"], "party.points.entry")
        self.assertEqual(
            self.env["party.points.entry"].search(action["domain"]), draft | pending
        )
        with self.assertRaises(ValidationError):
            self._entry(self.member_a1, self.r_meet, day="2032-06-01")

    def test_close_and_reopen_by_the_committee_only_with_a_reason(self):
        with self.assertRaises(AccessError):
            self.period.with_user(self.officer_a).action_close()
        self.period.with_user(self.manager).action_close()
        self.assertEqual(self.period.state, "closed")
        with self.assertRaises(AccessError):
            self.period.with_user(self.officer_a).action_reopen("Mistake")
        with self.assertRaises(UserError):
            self.period.with_user(self.manager).action_reopen("  ")
        self.period.with_user(self.manager).with_context(
            tracking_disable=False
        ).action_reopen("Branch A's claims came late")
        self.assertEqual(self.period.state, "open")
        self.assertFalse(self.period.result_ids)
        self.assertIn("claims came late", self.period.message_ids[0].body)

    def test_duplicate_member_rule_date_unless_quantity_differs(self):
        first = self._entry(self.member_a1, self.r_meet)
        with self.assertRaises(ValidationError):
            self._entry(self.member_a1, self.r_meet, approve=False)
        self._entry(self.member_a1, self.r_meet, quantity=2)
        # once reversed, the deed may be recorded again correctly
        first.action_reverse("Wrong entry")
        self._entry(self.member_a1, self.r_meet)

    def test_approved_batch_fills_what_create_fills(self):
        """The one-INSERT path of approved batches (meetings, reversals)
        stores the same derived columns as create(), and refuses what
        create() refuses: a date no period holds, a second live entry."""
        Entry = self.env["party.points.entry"]
        rows = [
            {
                "member_id": self.member_a1.id,
                "rule_id": self.r_meet.id,
                "date": "2031-02-03",
            },
            {
                "member_id": self.member_a2.id,
                "rule_id": self.r_absent.id,
                "date": "2031-02-03",
                "quantity": 2,
            },
        ]
        created = Entry._create_approved([dict(row) for row in rows])
        # the same deeds a day later, through create() and the approval
        expected = Entry.create([dict(row, date="2031-02-04") for row in rows])
        expected.action_approve()
        columns = [
            "branch_id",
            "company_id",
            "category_id",
            "list_type",
            "is_veto",
            "period_id",
            "unit_points",
            "points",
            "approved_points",
            "state",
            "approved_by_id",
        ]
        self.assertEqual(
            created.read(columns),
            [
                dict(values, id=entry.id)
                for entry, values in zip(created, expected.read(columns), strict=True)
            ],
        )
        self.assertEqual(created.mapped("points"), [2.0, -4.0])
        with self.assertRaises(ValidationError) as caught:
            Entry._create_approved([dict(rows[0], date="2040-01-01")])
        self.assertIn("No points period covers 2040-01-01", str(caught.exception))
        # the same deed, same day, same quantity again
        with self.assertRaises(ValidationError):
            Entry._create_approved([dict(rows[1])])

    def test_duplicate_check_skips_only_the_origins_its_hook_names(self):
        """No origin of this addon is exempt from the duplicate check; one
        that an addon names in _duplicate_exempt_origins() is, on both sides
        of the comparison."""
        Entry = self.env["party.points.entry"]
        exempt = Entry._duplicate_exempt_origins()
        for origin in ("manual", "claim", "import", "activity"):
            self.assertNotIn(origin, exempt)
        self._entry(self.member_a1, self.r_meet, origin="import")
        with self.assertRaises(ValidationError):
            self._entry(self.member_a1, self.r_meet, approve=False, origin="import")
        with patch.object(
            type(Entry),
            "_duplicate_exempt_origins",
            lambda model: exempt | {"import"},
        ):
            self._entry(self.member_a1, self.r_meet, origin="import")
            # the exempt entries do not count against one of another origin,
            # which is still checked against its like
            self._entry(self.member_a1, self.r_meet)
            with self.assertRaises(ValidationError):
                self._entry(self.member_a1, self.r_meet, approve=False)

    def test_rule_book_constraints(self):
        with self.assertRaises(ValidationError):
            self.r_meet.write({"is_veto": True, "veto_effect": "zero"})
        with self.assertRaises(ValidationError):
            self.r_innov.points_max = 1
        with self.assertRaises(ValidationError):
            self.ruleset.qualified_min = 95
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.r_absent.points = 0
            self.env.flush_all()

    def test_ranks_hidden_from_members_unless_the_rule_book_shows_them(self):
        self._entry(self.member_a1, self.r_meet)
        mine = self._close()[self.member_a1]
        fields = ["score", "rank_in_branch", "rank_overall"]
        self.assertEqual(
            mine.with_user(self.officer_a).read(fields)[0]["rank_overall"], 1
        )
        # members cannot read the rank fields at all; their visible ranks
        # follow the rule book
        as_member = mine.with_user(self.user_a1)
        with self.assertRaises(AccessError):
            as_member.read(fields)
        visible = ["score", "visible_rank_in_branch", "visible_rank_overall"]
        self.assertEqual(
            as_member.read(visible)[0],
            {"id": mine.id, "score": 72, **dict.fromkeys(visible[1:], 0)},
        )
        self.ruleset.rank_visible_to_members = True
        as_member.invalidate_recordset()
        self.assertEqual(as_member.read(visible)[0]["visible_rank_in_branch"], 1)

    def test_period_scope_locked_once_used(self):
        self._entry(self.member_a1, self.r_meet)
        with self.assertRaises(UserError):
            self.period.date_end = "2031-02-28"
        with self.assertRaises(UserError):
            self.period.branch_ids = [Command.set(self.branch_a.ids)]
        self.period.name = "2031 first quarter"
        self.period.with_user(self.manager).action_close()
        with self.assertRaises(UserError):
            self.period.ruleset_id = self.ruleset.copy()
        with self.assertRaises(UserError):
            self.period.unlink()

    def test_closed_period_is_kept(self):
        """A closed period is refused deletion with a sentence, not a
        database error; an unused open one may go."""
        self._entry(self.member_a1, self.r_meet)
        self._close()
        as_manager = self.period.with_user(self.manager)
        with self.assertRaisesRegex(UserError, "is closed"):
            as_manager.unlink()
        self.assertEqual(self.period.state, "closed")
        self.assertEqual(
            len(self.period.result_ids), len(self.period._scored_members())
        )
        spare = self.env["party.points.period"].create(
            {
                "name": "2032 Q1",
                "ruleset_id": self.ruleset.id,
                "date_start": "2032-01-01",
                "date_end": "2032-03-31",
                "branch_ids": [Command.set(self.committee.ids)],
            }
        )
        spare.with_user(self.manager).unlink()
        self.assertFalse(spare.exists())

    def test_open_period_with_entries_is_kept(self):
        """An open period that holds entries (even a rejected one) is
        refused deletion with a sentence, and keeps them."""
        entry = self._entry(self.member_a1, self.r_meet, approve=False)
        entry._workflow_write({"state": "rejected"})
        with self.assertRaisesRegex(UserError, "already holds points entries"):
            self.period.with_user(self.manager).unlink()
        self.assertTrue(self.period.exists())
        self.assertEqual(entry.period_id, self.period)

    def test_member_with_points_history_is_archived_not_deleted(self):
        """Results keep their member (ondelete restrict): a member with
        entries or results is archived; one without may be deleted."""
        self._entry(self.member_a1, self.r_meet)
        results = self._close()
        # member A2 has no entry, only the result of the close
        self.assertFalse(self.member_a2.points_entry_ids)
        for member in (self.member_a1, self.member_a2):
            with self.assertRaisesRegex(UserError, "archive"):
                member.with_user(self.manager).unlink()
        # the database holds it too, past the ORM
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.env.cr.execute(
                "DELETE FROM party_member WHERE id = %s", [self.member_a2.id]
            )
        self.member_a2.with_user(self.manager).action_archive()
        self.assertFalse(self.member_a2.active)
        self.assertEqual(results[self.member_a2].member_id, self.member_a2)
        # a record made by mistake, with no points history, is deleted
        mistake = self.env["party.member"].create(
            {
                "employee_id": self.env["hr.employee"].create({"name": "Typo"}).id,
                "branch_id": self.branch_b.id,
            }
        )
        mistake.with_user(self.manager).unlink()
        self.assertFalse(mistake.exists())

    def test_claim_needs_evidence_even_when_approved_as_draft(self):
        claim = (
            self.env["party.points.entry"]
            .with_user(self.user_a1)
            .create({"rule_id": self.r_essay.id, "date": self.day})
        )
        with self.assertRaises(UserError):
            claim.with_user(self.officer_a).action_approve()

    def test_overlapping_periods_refused(self):
        with self.assertRaises(ValidationError):
            self.env["party.points.period"].create(
                {
                    "name": "Overlap",
                    "ruleset_id": self.ruleset.id,
                    "date_start": "2031-03-01",
                    "date_end": "2031-05-31",
                    "branch_ids": [Command.set(self.branch_b.ids)],
                }
            )

    def test_evidence_required_to_submit(self):
        claim = (
            self.env["party.points.entry"]
            .with_user(self.user_a1)
            .create({"rule_id": self.r_essay.id, "date": self.day})
        )
        with self.assertRaises(UserError):
            claim.action_submit()
        claim.attachment_ids = [
            Command.create({"name": "notes.pdf", "raw": b"%PDF-1.4 study notes"})
        ]
        claim.action_submit()
        self.assertEqual(claim.state, "submitted")

    def test_results_and_configuration_are_read_only_to_users(self):
        with self.assertRaises(AccessError):
            self.env["party.points.exemption"].with_user(self.officer_a).create(
                {
                    "member_id": self.member_b1.id,
                    "period_id": self.period.id,
                    "reason": "x",
                }
            )
        with self.assertRaises(AccessError):
            self.env["party.points.exemption"].with_user(self.user_a1).search([])
        self._entry(self.member_a1, self.r_meet)
        results = self._close()
        mine = results[self.member_a1]
        Result = self.env["party.points.result"]
        self.assertEqual(Result.with_user(self.user_a1).search([]), mine)
        with self.assertRaises(AccessError):
            results[self.member_b1].with_user(self.user_a1).read(["score"])
        with self.assertRaises(AccessError):
            results[self.member_b1].with_user(self.officer_a).read(["score"])
        for user in (self.user_a1, self.officer_a, self.manager):
            with self.assertRaises(AccessError):
                mine.with_user(user).write({"score": 100})
            # nor its company, read through the period (not moved from here)
            with self.assertRaises(AccessError):
                mine.with_user(user).write({"company_id": self.env.company.id})
        with self.assertRaises(AccessError):
            self.r_meet.with_user(self.officer_a).write({"points": 5})
        self.assertEqual(self.r_meet.with_user(self.user_a1).points, 2)
