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
