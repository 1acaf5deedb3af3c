"""Issue 16: a comment of the half-year staff rating becomes an anonymous
item of the suggestion ledger (channel survey) that says nothing of its
author; only the committee does it, only on comments it may read."""

from odoo import SUPERUSER_ID
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.party_points.tests.test_staff_rating import GOOD, StaffRatingCase


@tagged("post_install", "-at_install")
class TestStaffRatingSuggestion(StaffRatingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.round.action_open()
        cls.round.with_user(cls.user_a1).action_rate(
            cls.branch_a.id, GOOD, "班组休息室空调坏了两个月\n希望尽快修"
        )
        cls._rate_many(cls.round, 4, cls.branch_a, score=3)
        cls.round.with_user(cls.portal_user).action_rate(
            cls.branch_b.id, GOOD, "B的意见"
        )
        cls.round.action_close()
        Comment = cls.env["party.staff.rating.comment"].sudo()
        cls.comment = Comment.search(
            [("round_id", "=", cls.round.id), ("body", "like", "空调")]
        )
        cls.hidden = Comment.search(
            [("round_id", "=", cls.round.id), ("branch_id", "=", cls.branch_b.id)]
        )

    def test_comment_becomes_an_anonymous_suggestion(self):
        comment = self.comment.with_user(self.manager)
        action = comment.action_create_suggestion()
        item = comment.suggestion_id
        self.assertEqual(action["res_id"], item.id)
        item = item.sudo()
        self.assertEqual(item.channel, "survey")
        self.assertTrue(item.is_anonymous)
        self.assertEqual(item.branch_id, self.branch_a)
        self.assertEqual(item.title, "班组休息室空调坏了两个月")
        self.assertIn("希望尽快修", item.description)
        self.assertFalse(item.employee_id)
        self.assertFalse(item.submitter_id, "nobody stands in for the author")
        self.assertEqual(item.create_uid.id, SUPERUSER_ID)
        self.assertNotIn(self.emp_a1.work_contact_id, item.message_partner_ids)
        self.assertNotIn(self.user_a1.partner_id, item.message_partner_ids)
        with self.assertRaisesRegex(UserError, "already suggestion"):
            comment.action_create_suggestion()

    @mute_logger(
        "odoo.addons.base.models.ir_model",
        "odoo.addons.base.models.ir_rule",
        "odoo.models",
    )
    def test_only_the_committee_on_readable_comments(self):
        for user in (self.officer_a, self.user_a1, self.portal_user):
            with self.assertRaises(AccessError, msg=user.login):
                self.comment.with_user(user).action_create_suggestion()
        # a comment of a branch of fewer than five respondents stays unread
        with self.assertRaises(AccessError):
            self.hidden.with_user(self.manager).action_create_suggestion()
        self.assertFalse(self.hidden.suggestion_id)
        # nor does anyone write the link by hand
        with self.assertRaises(AccessError):
            self.comment.with_user(self.manager).write({"suggestion_id": False})
