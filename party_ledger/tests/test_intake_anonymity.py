from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.party_points import compat

from .common import LedgerCase


@tagged("post_install", "-at_install")
class TestIntake(LedgerCase):
    def test_every_channel_and_the_sequence(self):
        channels = [key for key, _label in self.Suggestion._fields["channel"].selection]
        self.assertEqual(len(channels), 9)
        items = self.Suggestion.create(
            [
                {
                    "title": f"Item by {channel}",
                    "channel": channel,
                    "employee_id": self.emp_worker.id,
                    "branch_id": self.branch_a.id,
                }
                for channel in channels
            ]
        )
        self.assertEqual(sorted(items.mapped("channel")), sorted(channels))
        for item in items:
            self.assertRegex(item.name, r"^YJ\d{4}-\d{4}$")
        self.assertEqual(len(set(items.mapped("name"))), 9)
        self.assertTrue(all(item.state == "new" for item in items))
        self.assertEqual(items[0].access_url, f"/my/suggestions/{items[0].id}")

    def test_officer_records_on_behalf_of_an_employee(self):
        item = self.Suggestion.with_user(self.officer_a).create(
            {
                "title": "Canteen closes too early",
                "employee_id": self.emp_worker.id,
                "branch_id": self.branch_a.id,
                "channel": "life_meeting",
            }
        )
        self.assertEqual(item.employee_id, self.emp_worker)
        self.assertEqual(item.sudo().submitter_id, self.emp_worker)
        self.assertEqual(item.create_uid, self.officer_a)
        # the employee sees the item recorded for them
        self.assertEqual(
            self.Suggestion.with_user(self.user_emp).search([("id", "=", item.id)]),
            item,
        )

    def test_representative_records_through_the_dual_link(self):
        item = self.Suggestion.with_user(self.user_a1).create(
            {
                "title": "No hot water in the locker room",
                "employee_id": self.emp_other.id,
                "zone_id": self.zone_a.id,
                "channel": "dual_link",
            }
        )
        self.assertEqual(item.zone_id, self.zone_a)
        self.assertEqual(item.branch_id, self.branch_a)
        self.assertEqual(item.representative_id, self.member_a1)
        self.assertEqual(self.zone_a.suggestion_count, 1)

    def test_response_deadline_follows_the_urgency(self):
        hours = {"immediate": 2, "urgent": 24, "normal": 72}
        for urgency, span in hours.items():
            item = self._item(urgency=urgency)
            self.assertEqual(
                (item.response_deadline - self.RECEIVED).total_seconds(), span * 3600
            )
        self.env.company.party_response_hours_urgent = 8
        item = self._item(urgency="urgent")
        self.assertEqual(
            (item.response_deadline - self.RECEIVED).total_seconds(), 8 * 3600
        )


@tagged("post_install", "-at_install")
class TestAnonymity(LedgerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.anon = cls.Suggestion.with_user(cls.user_emp).create(
            {
                "title": "My team leader shouts at us",
                "branch_id": cls.branch_a.id,
                "channel": "mailbox",
                "is_anonymous": True,
            }
        )

    def test_the_submitter_is_kept_only_in_the_restricted_field(self):
        self.assertFalse(self.anon.sudo().employee_id)
        self.assertEqual(self.anon.sudo().submitter_id, self.emp_worker)
        self.assertEqual(self.anon.sudo().create_uid.id, 1)
        # the committee sees who it was
        self.assertEqual(
            self.anon.with_user(self.manager).submitter_id, self.emp_worker
        )

    def test_the_submitter_still_follows_their_item(self):
        mine = self.Suggestion.with_user(self.user_emp).search([("is_mine", "=", True)])
        self.assertIn(self.anon, mine)
        self.assertEqual(self.anon.with_user(self.user_emp).title, self.anon.title)
        # ... without anyone learning it from the followers or the chatter
        partners = self.anon.sudo().message_follower_ids.partner_id
        self.assertNotIn(self.user_emp.partner_id, partners)
        authors = self.anon.sudo().message_ids.author_id
        self.assertNotIn(self.user_emp.partner_id, authors)

    def test_officers_cannot_read_the_submitter_by_rpc(self):
        self.officer_a.write(
            {
                compat.USER_GROUPS: [
                    Command.link(self.env.ref("base.group_allow_export").id)
                ]
            }
        )
        item = self.anon.with_user(self.officer_a)
        self.assertFalse(item.read(["employee_id"])[0]["employee_id"])
        with self.assertRaises(AccessError):
            item.read(["submitter_id"])
        with self.assertRaises(AccessError):
            item.search_read([("id", "=", item.id)], ["submitter_id"])
        with self.assertRaises(AccessError):
            item.search([("submitter_id", "=", self.emp_worker.id)])
        with self.assertRaises(AccessError):
            item.read_group([], ["title:count"], ["submitter_id"])
        with self.assertRaises(AccessError):
            item.export_data(["submitter_id/name"])
        exported = item.export_data(["name", "employee_id/name"])["datas"]
        self.assertEqual(exported[0][1], "")
        self.assertNotIn("submitter_id", item.fields_get())

    def test_others_cannot_read_the_item_at_all(self):
        with self.assertRaises(AccessError):
            self.anon.with_user(self.user_other).read(["title"])
        with self.assertRaises(AccessError):
            self.anon.with_user(self.officer_b).read(["title"])

    def test_only_the_committee_lifts_anonymity(self):
        with self.assertRaises(AccessError):
            self.anon.with_user(self.officer_a).write({"is_anonymous": False})
        with self.assertRaises(AccessError):
            self.anon.with_user(self.officer_a).action_lift_anonymity("Curious")
        # ... and only with a reason, through the logged action
        with self.assertRaises(UserError):
            self.anon.with_user(self.manager).write({"is_anonymous": False})
        with self.assertRaises(UserError):
            self.anon.with_user(self.manager).action_lift_anonymity(" ")
        self.assertTrue(self.anon.is_anonymous)
        self.anon.with_user(self.manager).action_lift_anonymity("The employee asked")
        self.assertEqual(self.anon.employee_id, self.emp_worker)
        self.assertEqual(self.anon.anonymity_lifted_by_id, self.manager)
        self.assertTrue(self.anon.anonymity_lifted_date)
        self.assertEqual(self.anon.anonymity_lift_reason, "The employee asked")

    def test_the_submitters_feedback_leaves_no_name_in_the_chatter(self):
        item = self.anon.with_user(self.officer_a).with_context(tracking_disable=False)
        item.kind = "explanation"
        item.action_classify()
        item.action_reply("We talked to the team leader.", close=True)
        item = item.sudo()
        item.with_user(self.user_emp).action_feedback("unsatisfied", "Still the same.")
        self.env.cr.precommit.run()  # tracking messages are written at commit
        self.assertEqual(item.state, "in_progress")
        messages = item.message_ids
        self.assertIn("Still the same.", "".join(messages.mapped("body")))
        self.assertNotIn(self.user_emp.partner_id, messages.author_id)
        self.assertNotIn(self.user_emp, messages.create_uid)

    def test_committee_and_officer_recording_anonymously(self):
        for user in (self.officer_a, self.manager):
            item = self.Suggestion.with_user(user).create(
                {
                    "title": "Unfair shift bonus",
                    "employee_id": self.emp_other.id,
                    "branch_id": self.branch_a.id,
                    "is_anonymous": True,
                }
            )
            self.assertFalse(item.employee_id)
            self.assertEqual(item.sudo().submitter_id, self.emp_other)
        # an officer of another branch may not record for branch A
        with self.assertRaises(AccessError):
            self.Suggestion.with_user(self.officer_b).create(
                {
                    "title": "Unfair shift bonus",
                    "employee_id": self.emp_other.id,
                    "branch_id": self.branch_a.id,
                    "is_anonymous": True,
                }
            )
