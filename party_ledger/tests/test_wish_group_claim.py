"""A Party group claims a wish (issue 17: "members or party groups claim a
wish, one claimant or a group"): its leader claims for it, the group's
members follow and report progress, the leader answers for the wish and
earns the rule book's wish rule once, as the rule pays once per wish."""

from freezegun import freeze_time

from odoo import Command, http
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged

from .test_wish import WishCase


class GroupClaimCase(WishCase):
    """Branch A's group: Member Zhang leads, Member Sun is in it. Branch
    B's group is led by Member Zhao."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_a2 = new_test_user(
            cls.env,
            "party_member_a2_group",
            groups="party_points.group_party_user",
            name="Member Sun",
        )
        cls.emp_a2.user_id = cls.user_a2
        Group = cls.env["party.group"]
        cls.group_a = Group.create(
            {
                "name": "Boiler Group",
                "branch_id": cls.branch_a.id,
                "leader_id": cls.member_a1.id,
                "member_ids": [Command.set((cls.member_a1 | cls.member_a2).ids)],
            }
        )
        cls.group_b = Group.create(
            {
                "name": "Electric Group",
                "branch_id": cls.branch_b.id,
                "leader_id": cls.member_b1.id,
                "member_ids": [Command.set(cls.member_b1.ids)],
            }
        )


@tagged("post_install", "-at_install")
class TestWishGroupClaim(GroupClaimCase):
    def test_the_leader_claims_for_the_group_and_earns_the_points_once(self):
        wish = self._accepted()
        wish.with_user(self.user_a1).action_claim(group_id=self.group_a.id)
        self.assertRecordValues(
            wish,
            [
                {
                    "state": "claimed",
                    "claimant_id": self.member_a1.id,
                    "claimant_group_id": self.group_a.id,
                }
            ],
        )
        self.assertIn("Boiler Group", wish.with_user(self.user_emp).claimant_name)
        self.assertIn(self.user_a2.partner_id, wish.message_partner_ids)
        # the group's members report progress too
        wish.with_user(self.user_a2).action_report_progress("Bought the lamp.")
        with freeze_time(self.day):
            wish.with_user(self.user_emp).action_confirm("satisfied")
        entries = self.env["party.points.entry"].search(
            [("rule_id", "=", self.r_wish.id)]
        )
        self.assertEqual(len(entries), 1, "once per wish, not once per member")
        self.assertEqual(entries.member_id, self.member_a1)
        self.assertIn("Boiler Group", entries.description)

    def test_a_wish_back_on_the_list_forgets_the_group(self):
        wish = self._accepted()
        wish.with_user(self.user_a1).action_claim(group_id=self.group_a.id)
        self.Wish._cron_release_overdue(today=wish.date_due.replace(year=2099))
        self.assertRecordValues(
            wish,
            [{"state": "accepted", "claimant_id": False, "claimant_group_id": False}],
        )


@tagged("post_install", "-at_install")
class TestWishGroupClaimAttacks(GroupClaimCase):
    """What a member tries over the ORM (as XML-RPC would)."""

    def test_a_member_who_does_not_lead_the_group_cannot_claim_for_it(self):
        wish = self._accepted()
        with self.assertRaises(AccessError):
            wish.with_user(self.user_a2).action_claim(group_id=self.group_a.id)
        self.assertEqual(wish.state, "accepted")
        self.assertFalse(wish.claimant_group_id)

    def test_another_branchs_group_cannot_claim(self):
        wish = self._accepted()
        # the leader of branch B's group, for a wish of branch A
        with self.assertRaises(AccessError):
            wish.with_user(self.user_b1).action_claim(group_id=self.group_b.id)
        # a member of branch A naming branch B's group
        with self.assertRaises(AccessError):
            wish.with_user(self.user_a1).action_claim(group_id=self.group_b.id)
        self.assertEqual(wish.state, "accepted")
        self.assertFalse(wish.claimant_id)

    def test_no_group_of_nothing(self):
        wish = self._accepted()
        with self.assertRaises(UserError):
            wish.with_user(self.user_a1).action_claim(group_id=999999999)
        self.group_a.sudo().active = False
        with self.assertRaises(UserError):
            wish.with_user(self.user_a1).action_claim(group_id=self.group_a.id)
        self.assertEqual(wish.state, "accepted")

    def test_the_claiming_group_is_sealed(self):
        wish = self._claimed()
        for as_user in (
            wish.with_user(self.user_a1),
            wish.with_user(self.officer_a),
            wish.with_user(self.manager),
            wish.sudo(),
        ):
            with self.assertRaises(UserError):
                as_user.write({"claimant_group_id": self.group_a.id})
        self.assertFalse(wish.claimant_group_id)
        with self.assertRaises(UserError):
            self._raise(user=self.officer_a, claimant_group_id=self.group_a.id)

    def test_outsiders_of_the_group_report_no_progress(self):
        wish = self._accepted()
        wish.with_user(self.user_a1).action_claim(group_id=self.group_a.id)
        with self.assertRaises(AccessError):
            wish.with_user(self.user_b1).action_report_progress("Done it.")


@tagged("post_install", "-at_install")
class TestWishGroupClaimPortal(GroupClaimCase, HttpCase):
    def _post(self, url, **data):
        data["csrf_token"] = http.Request.csrf_token(self)
        return self.url_open(url, data=data)

    def test_the_leader_claims_as_their_group_on_the_portal(self):
        wish = self._accepted()
        self.authenticate(self.user_a1.login, self.user_a1.login)
        page = self.url_open(f"/my/wishes/campaign/{self.campaign.id}")
        self.assertIn("o_party_wish_claim_group", page.text)
        self._post(f"/my/wishes/{wish.id}/claim", group_id=self.group_a.id)
        self.assertEqual(wish.claimant_group_id, self.group_a)
        self.assertEqual(wish.claimant_id, self.member_a1)
        page = self.url_open(f"/my/wishes/{wish.id}")
        self.assertIn("Boiler Group", page.text)
        self.assertIn("o_party_wish_progress_form", page.text)

    def test_a_non_leader_sees_no_group_button_and_cannot_post_one(self):
        wish = self._accepted()
        self.authenticate(self.user_a2.login, self.user_a2.login)
        page = self.url_open(f"/my/wishes/campaign/{self.campaign.id}")
        self.assertIn("o_party_wish_claim", page.text)
        self.assertNotIn("o_party_wish_claim_group", page.text)
        page = self._post(f"/my/wishes/{wish.id}/claim", group_id=self.group_a.id)
        self.assertIn("Only the leader of Party group Boiler Group", page.text)
        page = self._post(f"/my/wishes/{wish.id}/claim", group_id="x")
        self.assertIn("alert-danger", page.text)
        self.assertEqual(wish.state, "accepted")

    def test_tour_the_leader_claims_as_their_group(self):
        wish = self._accepted(name="一盏护眼台灯")
        self.start_tour(
            f"/my/wishes/campaign/{self.campaign.id}",
            "party_ledger_portal_wish_group_claim",
            login=self.user_a1.login,
        )
        self.assertEqual(wish.claimant_group_id, self.group_a)
