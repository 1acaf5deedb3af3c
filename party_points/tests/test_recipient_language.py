from odoo.tests import tagged

from .common import PointsCase


@tagged("post_install", "-at_install")
class TestRecipientLanguage(PointsCase):
    """A member is told of the decisions on their entries in their own
    language, whatever the officer's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.user_a1.lang = "zh_CN"
        cls.user_b1.lang = "en_US"
        cls.manager.lang = "en_US"

    def _notice(self, entry, subtype):
        messages = entry.message_ids.filtered(
            lambda message: message.subtype_id == self.env.ref(subtype)
        )
        self.assertEqual(len(messages), 1)
        self.assertEqual(messages.partner_ids, entry.member_id.user_id.partner_id)
        return messages.body

    def test_approval_digest_in_the_members_language(self):
        chinese = self._entry(self.member_a1, self.r_meet, approve=False)
        english = self._entry(self.member_b1, self.r_meet, approve=False)
        (chinese | english).with_user(self.manager).with_context(
            lang="en_US"
        ).action_approve()
        subtype = self.env.ref("party_points.mt_entry_approved")

        def digest(member):
            messages = self.env["mail.message"].search(
                [
                    ("model", "=", "party.member"),
                    ("res_id", "=", member.id),
                    ("subtype_id", "=", subtype.id),
                ]
            )
            self.assertEqual(len(messages), 1)
            self.assertEqual(messages.partner_ids, member.user_id.partner_id)
            return messages.body

        self.assertIn("审核通过了您的 1 条积分记录", digest(self.member_a1))
        self.assertIn("approved 1 of your points entries", digest(self.member_b1))

    def test_rejection_in_the_members_language(self):
        chinese = self._entry(self.member_a1, self.r_meet, approve=False)
        english = self._entry(self.member_b1, self.r_meet, approve=False)
        (chinese | english).with_user(self.manager).with_context(
            lang="zh_CN"
        ).action_reject("No photo")
        rejected = "party_points.mt_entry_rejected"
        self.assertEqual(
            self._notice(chinese, rejected), "<p>您的积分记录已退回：No photo</p>"
        )
        self.assertEqual(
            self._notice(english, rejected),
            "<p>Your points entry was rejected: No photo</p>",
        )

    def test_creation_line_is_one_chinese_sentence(self):
        entry = (
            self.env["party.points.entry"]
            .with_context(lang="zh_CN", tracking_disable=False)
            .create(
                {
                    "member_id": self.member_a1.id,
                    "rule_id": self.r_meet.id,
                    "date": self.day,
                }
            )
        )
        self.assertEqual(entry.message_ids[-1:].body, "<p>积分记录已创建</p>")
