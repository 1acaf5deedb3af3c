"""The workflow from a member's claim to approval, rejection, reversal and
the close of the period, with the chatter and the member's notifications."""

from odoo import Command
from odoo.tests import Form, tagged

from .common import PointsCase


@tagged("post_install", "-at_install")
class TestPointsWorkflow(PointsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the chatter is what this test looks at
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False))

    def _claim(self, rule, **vals):
        return (
            self.env["party.points.entry"]
            .with_user(self.user_a1)
            .create(dict(rule_id=rule.id, date=self.day, **vals))
        )

    def _end_request(self):
        """What a commit does at the end of a request: post the tracking
        (changes made while creating a record are not tracked)."""
        self.env.flush_all()
        self.env.cr.precommit.run()

    def _messages(self, entry, subtype_xmlid):
        subtype = self.env.ref(subtype_xmlid)
        return entry.message_ids.filtered(lambda msg: msg.subtype_id == subtype)

    def test_claim_submit_approve_close(self):
        claim = self._claim(
            self.r_essay,
            description="Notes on the plenary session",
            attachment_ids=[Command.create({"name": "notes.pdf", "raw": b"%PDF"})],
        )
        self.assertEqual((claim.state, claim.origin), ("draft", "claim"))
        self._end_request()
        claim.action_submit()
        self._end_request()
        self.assertEqual(claim.state, "submitted")
        self.assertFalse(claim.with_user(self.user_a1).can_review)
        as_officer = claim.with_user(self.officer_a)
        self.assertTrue(as_officer.can_review)
        to_approve = (
            self.env["party.points.entry"]
            .with_user(self.officer_a)
            .search(
                [
                    ("state", "=", "submitted"),
                    ("branch_id.access_user_ids", "in", self.officer_a.id),
                ]
            )
        )
        self.assertEqual(to_approve, claim)
        as_officer.action_approve()
        self.assertEqual(claim.state, "approved")
        self.assertEqual(claim.approved_by_id, self.officer_a)
        self.assertTrue(claim.approved_date)
        # the member is told in one digest on their record, not on the entry
        self.assertFalse(self._messages(claim, "party_points.mt_entry_approved"))
        approved = self._messages(self.member_a1, "party_points.mt_entry_approved")
        self.assertEqual(len(approved), 1)
        self.assertIn(self.user_a1.partner_id, approved.partner_ids)
        self.assertIn(self.r_essay.display_name, approved.body)
        # the submission is tracked; the approval is kept on the entry itself
        # (approved_by_id / approved_date), without a message per entry
        self._end_request()
        states = claim.sudo().message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "state"
        )
        self.assertEqual(len(states), 1)
        results = self._close()
        self.assertEqual(results[self.member_a1].positive_points, 3)
        self.assertEqual(results[self.member_a1].with_user(self.user_a1).score, 73)

    def test_reject_with_reason_through_the_wizard(self):
        claim = self._claim(self.r_meet)
        claim.action_submit()
        wizard = Form(
            self.env["party.points.reason.wizard"]
            .with_user(self.officer_a)
            .with_context(
                active_model="party.points.entry",
                active_ids=claim.ids,
                default_operation="reject",
            )
        )
        wizard.reason = "No sign-in record for that meeting"
        wizard.save().action_confirm()
        self.assertEqual(claim.state, "rejected")
        self.assertEqual(claim.reject_reason, "No sign-in record for that meeting")
        rejected = self._messages(claim, "party_points.mt_entry_rejected")
        self.assertIn(self.user_a1.partner_id, rejected.partner_ids)
        self.assertIn("No sign-in record", rejected.body)
        # a rejected entry may be deleted by an officer of the branch
        claim.with_user(self.officer_a).unlink()
        self.assertFalse(claim.exists())

    def test_reverse_nets_to_zero_linked_both_ways(self):
        entry = self._entry(self.member_a1, self.r_absent, quantity=2)
        wizard = Form(
            self.env["party.points.reason.wizard"]
            .with_user(self.officer_a)
            .with_context(
                active_model="party.points.entry",
                active_ids=entry.ids,
                default_operation="reverse",
            )
        )
        wizard.reason = "He had leave for that meeting"
        wizard.save().action_confirm()
        mirror = entry.reversed_by_id
        self.assertTrue(mirror)
        self.assertEqual(mirror.reversal_of_id, entry)
        self.assertEqual((mirror.state, mirror.points), ("approved", 4))
        self.assertEqual(entry.state, "approved", "the original stays as it was")
        reversed_ = self._messages(self.member_a1, "party_points.mt_entry_reversed")
        self.assertEqual(len(reversed_), 1)
        self.assertIn("He had leave for that meeting", reversed_.body)
        results = self._close()
        self.assertEqual(results[self.member_a1].negative_points, 0)
        self.assertEqual(results[self.member_a1].score, 70)

    def test_reopen_through_the_wizard(self):
        self._close()
        wizard = Form(
            self.env["party.points.reason.wizard"]
            .with_user(self.manager)
            .with_context(
                active_model="party.points.period",
                active_ids=self.period.ids,
                default_operation="reopen",
            )
        )
        wizard.reason = "A claim of February was forgotten"
        wizard.save().action_confirm()
        self.assertEqual(self.period.state, "open")
        self.assertFalse(self.period.result_ids)

    def test_member_smart_buttons(self):
        self._entry(self.member_a1, self.r_meet)
        self._close()
        self.assertEqual(self.member_a1.points_entry_count, 1)
        self.assertEqual(self.member_a1.points_result_count, 1)
        action = self.member_a1.action_view_points_entries()
        self.assertEqual(
            self.env[action["res_model"]].search(action["domain"]).member_id,
            self.member_a1,
        )
