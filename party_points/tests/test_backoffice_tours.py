import time
from unittest.mock import patch

from odoo.tests import HttpCase, tagged

from .common import PointsCase


@tagged("post_install", "-at_install")
class TestBackofficeTours(PointsCase, HttpCase):
    """Flows a branch officer performs in the back office, in a browser."""

    def test_officer_records_and_approves_an_entry(self):
        self.assertFalse(self.officer_a.has_group("hr.group_hr_user"))
        self.start_tour(
            "/web#action=party_points.party_points_entry_action",
            "party_points_record_entry",
            login=self.officer_a.login,
        )
        entry = self.env["party.points.entry"].search(
            [("member_id", "=", self.member_a2.id), ("rule_id", "=", self.r_absent.id)]
        )
        self.assertEqual(len(entry), 1)
        self.assertEqual(entry.state, "approved")
        self.assertEqual(entry.approved_by_id, self.officer_a)
        self.assertEqual(entry.origin, "manual")
        self.assertEqual(entry.points, -2)
        self.assertEqual(entry.description, "无故缺席支部党员大会")
        self.assertEqual(entry.period_id, self.period)

    # -- helpers --------------------------------------------------------------

    def _form_url(self, record, action):
        return (
            f"/web#action={action}&model={record._name}&id={record.id}&view_type=form"
        )

    def _pending(self, member, rule, day, **vals):
        entry = self._entry(member, rule, approve=False, day=day, **vals)
        entry.action_submit()
        return entry

    def _evidence(self, entry):
        attachment = self.env["ir.attachment"].create(
            {
                "name": "photo.txt",
                "raw": b"evidence",
                "res_model": entry._name,
                "res_id": entry.id,
            }
        )
        entry._workflow_write({"attachment_ids": [(4, attachment.id)]})

    # -- flows ----------------------------------------------------------------

    def test_internal_member_claims_from_the_back_office(self):
        self.assertFalse(self.user_a1.has_group("party_points.group_party_officer"))
        self.assertFalse(self.user_a1.share)
        self.start_tour(
            "/web#action=party_points.party_points_entry_action",
            "party_points_internal_claim",
            login=self.user_a1.login,
        )
        claim = self.env["party.points.entry"].search(
            [("member_id", "=", self.member_a1.id), ("rule_id", "=", self.r_meet.id)]
        )
        self.assertEqual(len(claim), 1)
        self.assertEqual(claim.state, "submitted")
        self.assertEqual(claim.origin, "claim")
        self.assertEqual(claim.points, 2)
        self.assertEqual(str(claim.date), "2031-02-12")
        self.assertEqual(claim.period_id, self.period)
        self.assertFalse(claim.approved_by_id)

    def test_officer_rejects_and_approves_from_the_list(self):
        zhang = self._pending(self.member_a1, self.r_meet, "2031-02-03")
        sun_meet = self._pending(self.member_a2, self.r_meet, "2031-02-04")
        sun_essay = self._entry(
            self.member_a2, self.r_essay, approve=False, day="2031-02-05"
        )
        self._evidence(sun_essay)
        sun_essay.action_submit()
        other_branch = self._pending(self.member_b1, self.r_meet, "2031-02-03")
        self.start_tour(
            "/web#action=party_points.party_points_entry_action_to_approve"
            "&view_type=list",
            "party_points_list_review",
            login=self.officer_a.login,
        )
        self.assertEqual((zhang | sun_meet).mapped("state"), ["rejected"] * 2)
        self.assertEqual(zhang.reject_reason, "佐证材料不足")
        self.assertEqual(sun_meet.reject_reason, "佐证材料不足")
        self.assertEqual(sun_essay.state, "approved")
        self.assertEqual(sun_essay.approved_by_id, self.officer_a)
        # another branch's entry is not in this officer's queue and untouched
        self.assertEqual(other_branch.state, "submitted")

    def test_officer_reviews_from_the_kanban(self):
        zhang = self._pending(self.member_a1, self.r_meet, "2031-02-03")
        sun = self._pending(self.member_a2, self.r_meet, "2031-02-04")
        self.start_tour(
            "/web#action=party_points.party_points_entry_action_to_approve",
            "party_points_kanban_review",
            login=self.officer_a.login,
        )
        self.assertEqual(zhang.state, "approved")
        self.assertEqual(zhang.approved_by_id, self.officer_a)
        self.assertEqual(sun.state, "rejected")
        self.assertEqual(sun.reject_reason, "非本季度活动")

    def test_officer_reverses_an_approved_entry(self):
        entry = self._entry(self.member_a1, self.r_innov, day="2031-02-03")
        self.start_tour(
            self._form_url(entry, "party_points.party_points_entry_action"),
            "party_points_reverse",
            login=self.officer_a.login,
        )
        mirror = entry.reversed_by_id
        self.assertTrue(mirror)
        self.assertEqual(mirror.state, "approved")
        self.assertEqual(mirror.points, -entry.points)
        self.assertEqual(mirror.description, "录入错误，冲销")
        self.assertEqual(mirror.approved_by_id, self.officer_a)

    def test_committee_closes_a_period_after_settling_the_refusal(self):
        self._entry(self.member_a2, self.r_meet, day="2031-02-03")
        pending = self._pending(self.member_a1, self.r_meet, "2031-02-04")
        self.start_tour(
            self._form_url(self.period, "party_points.party_points_period_action"),
            "party_points_close_period",
            login=self.manager.login,
        )
        self.assertEqual(pending.state, "approved")
        self.assertEqual(pending.approved_by_id, self.manager)
        self.assertEqual(self.period.state, "closed")
        self.assertEqual(self.period.closed_by_id, self.manager)
        results = {result.member_id: result for result in self.period.result_ids}
        self.assertEqual(results[self.member_a1].positive_points, 2)

    def test_officer_exports_the_points_ledger(self):
        self._entry(self.member_a1, self.r_meet, day="2031-02-03")
        Export = type(self.env["party.points.export"])
        original = Export._export_file
        files = []

        def spy(model, kind, period, branches, member):
            produced = original(model, kind, period, branches, member)
            files.append((kind, period.id, model.env.uid, produced))
            return produced

        with patch.object(Export, "_export_file", spy):
            self.start_tour(
                self._form_url(self.period, "party_points.party_points_period_action"),
                "party_points_export",
                login=self.officer_a.login,
            )
            # the browser downloads the file after the tour's last click
            deadline = time.monotonic() + 20
            while not files and time.monotonic() < deadline:
                time.sleep(0.1)
        self.assertEqual(len(files), 1)
        kind, period_id, uid, (filename, content) = files[0]
        self.assertEqual(
            (kind, period_id, uid), ("ledger", self.period.id, self.officer_a.id)
        )
        self.assertTrue(filename.endswith(".xlsx"))
        self.assertEqual(content[:2], b"PK")
