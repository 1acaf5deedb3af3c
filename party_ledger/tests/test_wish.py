from datetime import date, timedelta

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.party_points.tests.common import PointsCase

from .common import LedgerCase


class WishCase(LedgerCase, PointsCase):
    """A wish campaign of branches A and B, open from today to the end of
    2031 and publishing without names; Worker Liu (an employee, no member)
    raises wishes, Member Zhang (branch A) claims them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.r_wish = cls.env["party.points.rule"].create(
            {
                "code": "WISH",
                "name": "Fulfilled a colleague's wish",
                "ruleset_id": cls.ruleset.id,
                "category_id": cls.cat_vanguard.id,
                "points": 2,
            }
        )
        cls.ruleset.wish_rule_id = cls.r_wish
        cls.Wish = cls.env["party.wish"]
        cls.campaign = cls._campaign()

    @classmethod
    def _campaign(cls, **values):
        campaign = cls.env["party.wish.campaign"].create(
            dict(
                {
                    "name": "Micro-wishes 2031",
                    "branch_ids": [Command.set((cls.branch_a | cls.branch_b).ids)],
                    "date_open": fields.Date.today() - timedelta(days=1),
                    "date_close": date(2031, 12, 31),
                },
                **values,
            )
        )
        campaign.with_user(cls.manager).action_open()
        return campaign

    def _raise(self, user=None, **values):
        vals = {
            "name": "A reading lamp for my son's desk",
            "campaign_id": self.campaign.id,
            "branch_id": self.branch_a.id,
        }
        vals.update(values)
        # the wish as the test's superuser sees it
        return (
            self.Wish.with_user(user or self.user_emp).create(vals).with_env(self.env)
        )

    def _accepted(self, **values):
        wish = self._raise(**values)
        wish.with_user(self.manager).action_accept()
        return wish

    def _claimed(self, **values):
        wish = self._accepted(**values)
        wish.with_user(self.user_a1).action_claim()
        return wish


@tagged("post_install", "-at_install")
class TestWishWorkflow(WishCase):
    def test_raise_accept_claim_confirm_earns_points_once(self):
        wish = self._raise()
        self.assertEqual(wish.state, "submitted")
        self.assertTrue(wish.with_user(self.user_emp).is_mine)
        self.assertEqual(wish.sudo().wisher_id, self.emp_worker)
        wish.with_user(self.officer_a).action_accept()
        wish.with_user(self.user_a1).action_claim()
        self.assertRecordValues(
            wish,
            [
                {
                    "state": "claimed",
                    "claimant_id": self.member_a1.id,
                    "date_claimed": fields.Date.today(),
                    "date_due": fields.Date.today() + timedelta(days=30),
                }
            ],
        )
        photo = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": "lamp.jpg",
                    "raw": b"\xff\xd8\xff",
                    "res_model": "party.wish",
                    "res_id": wish.id,
                }
            )
        )
        wish.with_user(self.user_a1).action_report_progress(
            "Bought the lamp.", photo.ids
        )
        self.assertEqual(wish.message_ids[0].attachment_ids, photo)
        self.assertEqual(wish.message_ids[0].author_id, self.user_a1.partner_id)
        with freeze_time(self.day):
            wish.with_user(self.user_emp).action_confirm("very_satisfied", "Thanks!")
            wish._award_points()
        entry = self.env["party.points.entry"].search(
            [("rule_id", "=", self.r_wish.id)]
        )
        self.assertRecordValues(
            entry,
            [
                {
                    "member_id": self.member_a1.id,
                    "origin": "wish",
                    "state": "submitted",
                    "date": self.day,
                }
            ],
        )
        self.assertEqual(wish.points_entry_id, entry)
        self.assertEqual(wish.state, "fulfilled")
        self.assertEqual(wish.satisfaction, "very_satisfied")

    def test_a_second_wish_fulfilled_the_same_day_is_a_second_entry(self):
        first, second = self._claimed(), self._claimed(name="A winter coat")
        with freeze_time(self.day):
            (first | second).with_user(self.officer_a).action_confirm("satisfied")
        self.assertEqual(
            len(
                self.env["party.points.entry"].search(
                    [("rule_id", "=", self.r_wish.id)]
                )
            ),
            2,
        )

    def test_unsatisfied_fulfilment_earns_nothing(self):
        wish = self._claimed()
        with freeze_time(self.day):
            wish.with_user(self.user_emp).action_confirm("unsatisfied")
        self.assertFalse(wish.points_entry_id)

    def test_no_period_no_points_and_the_wish_says_so(self):
        wish = self._claimed()
        # a day no period holds (the demo's periods run through this year,
        # the test period is 2031's first quarter)
        with freeze_time("2030-06-03"):
            wish.with_user(self.user_emp).action_confirm("satisfied")
        self.assertFalse(wish.points_entry_id)
        self.assertIn("No points for", wish.message_ids[0].body)

    def test_decline_needs_a_reason(self):
        wish = self._raise()
        with self.assertRaises(UserError):
            wish.with_user(self.officer_a).action_decline(" ")
        wish.with_user(self.officer_a).action_decline("Outside what the branch can do.")
        self.assertEqual(wish.state, "declined")
        self.assertEqual(wish.decline_reason, "Outside what the branch can do.")
        with self.assertRaises(UserError):
            wish.with_user(self.user_a1).action_claim()

    def test_the_wizard_declines_and_confirms(self):
        wish = self._raise()
        action = (
            wish.with_user(self.officer_a)
            .with_context(wizard_mode="decline")
            .action_open_wizard()
        )
        wizard = (
            self.env["party.wish.wizard"]
            .with_user(self.officer_a)
            .with_context(**action["context"])
            .create({"reason": "Not a wish for the branch."})
        )
        wizard.action_apply()
        self.assertEqual(wish.state, "declined")
        wish = self._claimed()
        wizard = (
            self.env["party.wish.wizard"]
            .with_user(self.user_emp)
            .create(
                {"wish_id": wish.id, "mode": "confirm", "satisfaction": "satisfied"}
            )
        )
        wizard.action_apply()
        self.assertEqual(wish.state, "fulfilled")

    def test_a_wish_for_the_plant_becomes_a_suggestion(self):
        wish = self._raise(name="Showers in the coal yard")
        wish.with_user(self.officer_a).action_to_suggestion()
        self.assertEqual(wish.state, "converted")
        suggestion = wish.sudo().suggestion_id
        self.assertRecordValues(
            suggestion,
            [
                {
                    "title": "Showers in the coal yard",
                    "branch_id": self.branch_a.id,
                    "is_anonymous": True,
                }
            ],
        )
        self.assertEqual(suggestion.sudo().submitter_id, self.emp_worker)

    def test_unfulfilled_wishes_go_back_to_the_list(self):
        wish = self._claimed()
        due = wish.date_due
        self.Wish._cron_release_overdue(today=due)
        self.assertEqual(wish.state, "claimed")
        self.Wish._cron_release_overdue(today=due + timedelta(days=1))
        self.assertRecordValues(
            wish,
            [{"state": "accepted", "claimant_id": False, "date_due": False}],
        )
        self.assertEqual(wish.activity_ids.user_id, self.user_a1)
        # and another member may claim it
        wish.with_user(self.officer_a).action_claim()
        self.assertEqual(wish.claimant_id, self.member_officer_a)

    def test_who_may_raise_and_when(self):
        listed = self._campaign(
            name="Employees in hardship",
            eligibility="listed",
            eligible_employee_ids=[Command.set(self.emp_other.ids)],
        )
        with self.assertRaises(UserError):
            self._raise(campaign_id=listed.id)
        self._raise(user=self.user_other, campaign_id=listed.id)
        listed.with_user(self.manager).action_close()
        with self.assertRaises(UserError):
            self._raise(user=self.user_other, campaign_id=listed.id)
        with self.assertRaises(ValidationError):
            self._raise(branch_id=self.committee.id)
        with self.assertRaises(UserError):
            self.env["party.wish.campaign"].create(
                {
                    "name": "Listed",
                    "branch_ids": [Command.set(self.branch_a.ids)],
                    "date_close": date(2031, 12, 31),
                    "eligibility": "listed",
                }
            ).with_user(self.officer_a).action_open()

    def test_officers_record_wishes_for_employees_of_their_branches(self):
        wish = self._raise(user=self.officer_a, wisher_id=self.emp_other.id)
        self.assertEqual(wish.sudo().wisher_id, self.emp_other)
        with self.assertRaises(AccessError):
            self._raise(user=self.officer_b, wisher_id=self.emp_other.id)
        with self.assertRaises(AccessError):
            self._raise(wisher_id=self.emp_other.id)

    def test_campaign_figures(self):
        self._raise()
        self._accepted()
        self._claimed()
        fulfilled = self._claimed()
        fulfilled.with_user(self.officer_a).action_confirm("satisfied")
        unsatisfied = self._claimed()
        unsatisfied.with_user(self.officer_a).action_confirm("basic")
        self._raise().with_user(self.officer_a).action_decline("No.")
        self.assertRecordValues(
            self.campaign,
            [
                {
                    "collected_count": 6,
                    "accepted_count": 4,
                    "claimed_count": 3,
                    "fulfilled_count": 2,
                    "satisfied_count": 1,
                }
            ],
        )


@tagged("post_install", "-at_install")
class TestWishAttacks(WishCase):
    """What a member or an employee tries over the ORM (as XML-RPC would)."""

    def test_states_and_points_fields_are_sealed(self):
        """A member, the branch's officer, the committee and the superuser:
        none of them writes the state, the review, the claim or what
        decides the claimant's points; nothing changes."""
        wish = self._claimed()
        entry = self._entry(self.member_a1, self.r_wish, approve=False)
        forged = [
            {"state": "fulfilled"},
            {"decline_reason": "No."},
            {"suggestion_id": self._item().id},
            {"claimant_id": self.member_a2.id},
            {"date_claimed": "2031-01-01"},
            {"date_due": "2099-01-01"},
            {"date_fulfilled": "2031-01-02"},
            {"satisfaction": "very_satisfied"},
            {"feedback_comment": "Great"},
            {"points_entry_id": entry.id},
        ]
        fnames = [name for vals in forged for name in vals]
        wish.invalidate_recordset()
        before = wish.sudo().read(fnames)
        for as_user in (
            wish.with_user(self.user_a1),  # the claimant
            wish.with_user(self.officer_a),
            wish.with_user(self.manager),
            wish.sudo(),
        ):
            for vals in forged:
                # (AccessError is a UserError: refused either way)
                with self.assertRaises(UserError):
                    as_user.write(vals)
        wish.invalidate_recordset()
        self.assertEqual(wish.sudo().read(fnames), before)
        with self.assertRaises(UserError):
            self._raise(user=self.officer_a, state="fulfilled")
        with self.assertRaises(UserError):
            self._raise(user=self.officer_a, claimant_id=self.member_a1.id)
        for campaign in (self.campaign.with_user(self.manager), self.campaign.sudo()):
            with self.assertRaises(UserError):
                campaign.write({"state": "draft"})
        self.assertEqual(self.campaign.state, "open")

    def test_members_see_published_wishes_of_their_branch_only(self):
        submitted = self._raise()
        published = self._accepted()
        other_branch = self._accepted(branch_id=self.branch_b.id)
        visible = self.Wish.with_user(self.user_a1).search([])
        self.assertEqual(visible, published)
        self.assertEqual(self.Wish.with_user(self.user_b1).search([]), other_branch)
        with self.assertRaises(AccessError):
            submitted.with_user(self.user_a1).read(["name"])
        with self.assertRaises(AccessError):
            other_branch.with_user(self.user_a1).action_claim()
        # the wisher sees all of theirs
        self.assertEqual(
            self.Wish.with_user(self.user_emp).search([]),
            submitted | published | other_branch,
        )

    def test_a_member_cannot_claim_for_another_or_confirm(self):
        wish = self._accepted()
        # members read published wishes, they do not post on them (the
        # claimant follows the wish they claimed and talks there)
        with self.assertRaises(AccessError):
            wish.with_user(self.user_a1).message_post(body="Spam")
        wish.with_user(self.user_a1).action_claim()
        with self.assertRaises(UserError):
            wish.with_user(self.user_b1).action_claim()
        with self.assertRaises(AccessError):
            wish.with_user(self.user_a1).action_confirm("very_satisfied")
        with self.assertRaises(AccessError):
            wish.with_user(self.user_other).action_report_progress("Done")

    def test_a_member_does_not_claim_their_own_wish(self):
        wish = self._accepted(
            user=self.officer_a, wisher_id=self.emp_a1.id, name="A warmer coat"
        )
        with self.assertRaises(UserError):
            wish.with_user(self.user_a1).action_claim()
        self.assertEqual(wish.state, "accepted")

    def test_progress_photos_belong_to_the_wish(self):
        wish = self._claimed()
        foreign = (
            self.env["ir.attachment"]
            .sudo()
            .create({"name": "x.jpg", "raw": b"x", "res_model": "res.partner"})
        )
        with self.assertRaises(AccessError):
            wish.with_user(self.user_a1).action_report_progress("Done", foreign.ids)

    def test_the_wisher_stays_anonymous_to_members(self):
        wish = self._claimed()
        wish.with_user(self.user_emp).action_confirm("satisfied", "Very kind.")
        as_member = wish.with_user(self.user_a1)
        self.assertEqual(as_member.wisher_name, "Anonymous")
        with self.assertRaises(AccessError):
            as_member.read(["wisher_id"])
        with self.assertRaises(AccessError):
            self.Wish.with_user(self.user_a1).search(
                [("wisher_id.name", "=", "Worker Liu")]
            )
        with self.assertRaises(AccessError):
            self.Wish.with_user(self.user_a1).read_group(
                [], ["wisher_id"], ["wisher_id"]
            )
        # (members have no export right at all; the field would refuse too)
        with self.assertRaises(UserError):
            as_member.export_data(["wisher_id/name"])
        with self.assertRaises(AccessError):
            self.Wish.with_user(self.user_a1).search_read([], ["wisher_id"])
        # neither the log columns, nor the chatter, nor the followers
        values = as_member.read(["create_uid", "write_uid"])[0]
        self.assertNotIn(values["create_uid"][0], self.user_emp.ids)
        self.assertNotIn(values["write_uid"][0], self.user_emp.ids)
        partner = self.user_emp.partner_id
        self.assertNotIn(partner, as_member.message_ids.author_id)
        self.assertNotIn(partner, as_member.message_follower_ids.partner_id)
        # officers see who it is
        self.assertEqual(wish.with_user(self.officer_a).wisher_name, "Worker Liu")

    def test_named_campaigns_show_the_wisher(self):
        campaign = self._campaign(name="Named", is_anonymous=False)
        wish = self._accepted(campaign_id=campaign.id)
        self.assertEqual(wish.with_user(self.user_a1).wisher_name, "Worker Liu")
        self.assertIn(self.user_emp.partner_id, wish.message_follower_ids.partner_id)

    def test_other_companies_see_nothing(self):
        self._other_company_and_hr_user("wish")
        wish = self._accepted()
        self.assertFalse(
            self.Wish.with_user(self.other_committee).search([("id", "=", wish.id)])
        )
        self.assertFalse(
            self.env["party.wish.campaign"]
            .with_user(self.other_committee)
            .search([("id", "=", self.campaign.id)])
        )


@tagged("post_install", "-at_install")
class TestWishDemo(WishCase):
    def test_the_demo_campaign_reads_like_the_seeds(self):
        campaign = self.env.ref(
            "party_ledger.party_wish_campaign_demo", raise_if_not_found=False
        )
        if not campaign:
            self.skipTest("the database has no demo data")
        # 黔江: 22 wishes collected, 19 fulfilled
        self.assertEqual(
            campaign._wish_figures()[campaign.id],
            {
                "collected": 22,
                "accepted": 21,
                "claimed": 20,
                "fulfilled": 19,
                "satisfied": 18,
            },
        )
