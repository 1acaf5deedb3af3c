"""The annual assessment by the book (issue 15): 不合格 only with a branch
meeting decision and the committee's approval, then its follow-up; 基本合格
with a correction plan; the committee's decision on ties; the 民主评议
texts; 签字确认; the special member categories and the 转正 reminder. Each
wall tried as a member, an officer of another branch, another officer of
the same branch and the committee."""

from datetime import date, timedelta

from odoo import Command, fields, http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged

from .test_assessment import AssessmentCase


class FollowupCase(AssessmentCase):
    """AssessmentCase plus a 严重警告-like veto on Member Feng (a5) in 2030
    that reaches into 2031: with the average of the two quarters, Member
    Zhang (a1, 70) is proposed 基本合格 and Member Feng 不合格."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["party.points.period"].create(
            {
                "name": "2030 Q4",
                "ruleset_id": cls.ruleset.id,
                "date_start": "2030-10-01",
                "date_end": "2030-12-31",
                "branch_ids": [Command.set(cls.committee.ids)],
            }
        )
        cls.v_unq.veto_effect_months = 12
        cls._entry(cls.member_a5, cls.v_unq, day="2030-11-15")
        # another officer of branch A who is not its secretary
        cls.officer_a2 = new_test_user(
            cls.env,
            "party_officer_a2",
            groups="party_points.group_party_officer",
            name="Officer Ma",
        )
        cls.branch_a.committee_member_ids = [
            Command.link(
                cls.env["hr.employee"]
                .create({"name": "Officer Ma", "user_id": cls.officer_a2.id})
                .id
            )
        ]
        cls.user_a5 = new_test_user(
            cls.env,
            "party_member_a5",
            groups="party_points.group_party_user",
            name="Member Feng",
        )
        cls.member_a5.employee_id.user_id = cls.user_a5

    def _published(self, **vals):
        assessment = self._assessment(combine_method="average", **vals)
        assessment.action_compute()
        assessment.action_publish()
        return assessment

    def _followup(self, assessment, member):
        return (
            self.env["party.points.assessment.followup"]
            .sudo()
            .search(
                [("assessment_id", "=", assessment.id), ("member_id", "=", member.id)]
            )
        )

    def _end_notice(self, assessment):
        assessment._workflow_write(
            {"notice_end": fields.Datetime.now() - timedelta(minutes=1)}
        )


@tagged("post_install", "-at_install")
class TestAssessmentFollowup(FollowupCase):
    # -- 不合格 and 基本合格 by the book ------------------------------------------

    def test_proposals_open_followups_and_block_the_final(self):
        assessment = self._published()
        lines = self._lines(assessment)
        self.assertEqual(lines[self.member_a5].proposed_grade, "unqualified")
        self.assertEqual(lines[self.member_a1].proposed_grade, "basic")
        followups = self.env["party.points.assessment.followup"].search(
            [("assessment_id", "=", assessment.id)]
        )
        # branch B's Member Zhao (70) is basically qualified too
        self.assertEqual(
            followups.member_id, self.member_a1 | self.member_a5 | self.member_b1
        )
        self._settle_grades(assessment, branch=self.branch_b)
        self._end_notice(assessment)
        with self.assertRaisesRegex(UserError, "Member Feng") as caught:
            assessment.action_finalize()
        self.assertIn("branch meeting decision", str(caught.exception))
        self.assertIn("correction plan: Member Zhang", str(caught.exception))
        # the meeting decides, but the committee has not approved yet
        self._record_meeting(self._followup(assessment, self.member_a5))
        with self.assertRaisesRegex(UserError, "Member Feng"):
            assessment.action_finalize()
        self._followup(assessment, self.member_a5).with_user(
            self.manager
        ).action_approve()
        with self.assertRaisesRegex(UserError, "correction plan: Member Zhang"):
            assessment.action_finalize()
        plan = self._followup(assessment, self.member_a1).with_user(self.officer_a)
        with self.assertRaisesRegex(UserError, "by when"):
            plan.action_record_plan()
        plan.write(
            {"plan_text": "按时参加组织生活，补学党章", "plan_deadline": "2032-06-30"}
        )
        plan.action_record_plan()
        assessment.action_finalize()
        self.assertEqual(assessment.state, "final")
        self.assertEqual(lines[self.member_a5].final_grade, "unqualified")
        # the plan is carried out and checked after the final
        with self.assertRaises(AccessError):
            plan.action_plan_check()
        plan.action_plan_done()
        with self.assertRaises(AccessError):
            plan.action_plan_check()
        plan.with_user(self.manager).action_plan_check()
        self.assertEqual(plan.plan_state, "checked")
        self.assertEqual(plan.plan_checked_by_id, self.manager)
        with self.assertRaisesRegex(UserError, "kept as recorded"):
            plan.write({"plan_deadline": "2033-01-01"})

    def test_meeting_decision_validated(self):
        assessment = self._published()
        followup = self._followup(assessment, self.member_a5)
        # branch A: a1, a2 (probationary), a3, a4, a5
        with self.assertRaisesRegex(ValidationError, "has only 5 members"):
            self._record_meeting(followup, members_present=6, votes_for=6)
        with self.assertRaisesRegex(ValidationError, "more votes than members"):
            self._record_meeting(
                followup, members_present=4, votes_for=3, votes_against=2
            )
        with self.assertRaisesRegex(ValidationError, "no majority"):
            self._record_meeting(
                followup, members_present=4, votes_for=2, votes_against=2
            )
        with self.assertRaises(ValidationError):
            self._record_meeting(followup, votes_for=-3)
        with self.assertRaisesRegex(UserError, "date of the branch meeting"):
            self._record_meeting(followup, meeting_date=False)
        self.assertEqual(followup.meeting_state, "draft")
        self._record_meeting(followup)
        self.assertEqual(followup.meeting_state, "recorded")
        self.assertEqual(followup.branch_members, 5)
        self.assertEqual(followup.meeting_recorded_by_id, self.officer_a)
        with self.assertRaisesRegex(UserError, "kept as recorded"):
            followup.with_user(self.officer_a).write({"votes_for": 5})
        # the committee approves, not the secretary
        with self.assertRaises(AccessError):
            followup.with_user(self.officer_a).action_approve()
        followup.with_user(self.manager).action_approve()
        self.assertEqual(followup.approved_by_id, self.manager)
        # the follow-up: 限期改正 needs a deadline and the 诫勉谈话
        as_secretary = followup.with_user(self.officer_a)
        with self.assertRaisesRegex(UserError, "Choose the follow-up"):
            as_secretary.action_record_followup()
        as_secretary.write(
            {
                "followup_type": "correction",
                "plan_text": "三个月内改正",
                "talk_by": "李书记",
            }
        )
        with self.assertRaisesRegex(UserError, "admonition talk"):
            as_secretary.action_record_followup()
        as_secretary.write(
            {
                "plan_deadline": "2032-04-30",
                "talk_date": "2032-01-15",
                "talk_notes": "指出问题，明确整改要求",
            }
        )
        as_secretary.action_record_followup()
        self.assertEqual(followup.followup_state, "recorded")
        self.assertEqual(followup.plan_state, "planned")
        with self.assertRaisesRegex(UserError, "kept as recorded"):
            as_secretary.write({"talk_notes": "改"})

    def test_committee_other_decision(self):
        assessment = self._published()
        followup = self._followup(assessment, self.member_a5)
        self._record_meeting(followup)
        followup.with_user(self.manager).action_approve()
        as_secretary = followup.with_user(self.officer_a)
        as_secretary.followup_type = "other"
        with self.assertRaisesRegex(UserError, "committee's decision"):
            as_secretary.action_record_followup()
        as_secretary.other_decision = "劝其退党"
        as_secretary.action_record_followup()
        self.assertEqual(followup.followup_state, "recorded")

    def test_followup_walls(self):
        assessment = self._published()
        feng = self._followup(assessment, self.member_a5)
        zhang = self._followup(assessment, self.member_a1)
        Followup = self.env["party.points.assessment.followup"]
        domain = [
            ("assessment_id", "=", assessment.id),
            ("branch_id", "=", self.branch_a.id),
        ]
        # the committee and the branch secretary see both
        self.assertEqual(Followup.with_user(self.manager).search(domain), feng | zhang)
        self.assertEqual(
            Followup.with_user(self.officer_a).search(domain), feng | zhang
        )
        # the member their own only
        self.assertEqual(Followup.with_user(self.user_a1).search(domain), zhang)
        self.assertEqual(Followup.with_user(self.user_a5).search(domain), feng)
        with self.assertRaises(AccessError):
            feng.with_user(self.user_a1).read(["meeting_date"])
        # an officer of another branch, another officer of the same branch,
        # a member of another branch: nothing, on any path
        for user in (self.officer_b, self.officer_a2, self.user_b1):
            with self.subTest(user=user.name):
                as_user = Followup.with_user(user)
                self.assertFalse(as_user.search(domain))
                self.assertFalse(as_user.search_count(domain))
                self.assertFalse(
                    as_user.read_group(domain, ["plan_state"], ["branch_id"])
                )
                with self.assertRaises(AccessError):
                    feng.with_user(user).read(["talk_notes"])
                with self.assertRaises(AccessError):
                    feng.with_user(user).message_post(body="看看")
                with self.assertRaises(AccessError):
                    feng.with_user(user).write({"meeting_date": "2032-01-10"})
                with self.assertRaises(AccessError):
                    feng.with_user(user).action_record_meeting()
        # the member reads, but neither writes nor posts
        with self.assertRaises(AccessError):
            zhang.with_user(self.user_a1).write({"plan_text": "不用改"})
        with self.assertRaises(AccessError):
            zhang.with_user(self.user_a1).message_post(body="我有话说")
        with self.assertRaises(AccessError):
            zhang.with_user(self.user_a1).action_record_plan()
        # nobody writes the decisions but the buttons, the superuser neither
        for vals in (
            {"meeting_state": "approved"},
            {"plan_state": "checked"},
            {"approved_by_id": self.manager.id},
            {"branch_members": 99},
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, "buttons"):
                feng.sudo().write(vals)
        with self.assertRaisesRegex(UserError, "buttons"):
            Followup.create({"line_id": self._lines(assessment)[self.member_a3].id})
        with self.assertRaisesRegex(UserError, "kept"):
            feng.sudo().unlink()

    def test_upheld_objection_opens_a_followup(self):
        assessment = self._published()
        line = self._lines(assessment)[self.member_a4]
        self.assertFalse(self._followup(assessment, self.member_a4))
        objection = (
            self.env["party.points.assessment.objection"]
            .with_user(self.user_a1)
            .create({"line_id": line.id, "reason": "缺席多次"})
        )
        objection.with_user(self.officer_a).write({"answer": "属实"})
        objection.with_user(self.officer_a).action_answer()
        objection.with_user(self.manager).write(
            {"new_grade": "basic", "decision_note": "改为基本合格"}
        )
        objection.with_user(self.manager).action_uphold()
        self.assertEqual(self._followup(assessment, self.member_a4).grade, "basic")

    def _uphold(self, line, grade, filer):
        objection = (
            self.env["party.points.assessment.objection"]
            .with_user(filer)
            .create({"line_id": line.id, "reason": "评议票统计有误"})
        )
        objection.with_user(self.officer_a).write({"answer": "已复核"})
        objection.with_user(self.officer_a).action_answer()
        objection.with_user(self.manager).write(
            {"new_grade": grade, "decision_note": "复核后更正"}
        )
        objection.with_user(self.manager).action_uphold()

    def test_upheld_objection_lifting_a_grade_archives_its_followup(self):
        """A 基本合格 lifted to 合格 needs no correction plan: its follow-up
        is archived with a message saying why, kept (not deleted), and out
        of the way of the final; proposed again, it comes back."""
        assessment = self._published()
        line = self._lines(assessment)[self.member_a1]
        followup = self._followup(assessment, self.member_a1)
        self.assertEqual(followup.grade, "basic")
        self._uphold(line, "qualified", self.user_a5)
        self.assertFalse(followup.active)
        self.assertFalse(self._followup(assessment, self.member_a1))
        self.assertIn("no follow-up is needed", followup.message_ids[0].body)
        self._end_notice(assessment)
        blockers = "\n".join(assessment._grade_blockers())
        self.assertNotIn(self.member_a1.name, blockers)
        # nobody can bring it back by hand, the member included
        for user in (self.manager, self.officer_a, self.user_a1):
            with self.subTest(user=user.name), self.assertRaises(UserError):
                followup.with_user(user).write({"active": True})
        # archived, it stays behind the same walls
        Followup = self.env["party.points.assessment.followup"].with_context(
            active_test=False
        )
        domain = [("line_id", "=", line.id)]
        for user in (self.officer_b, self.officer_a2, self.user_b1, self.user_a5):
            with self.subTest(user=user.name):
                as_user = Followup.with_user(user)
                self.assertFalse(as_user.search(domain + [("active", "=", False)]))
                self.assertFalse(as_user.read_group(domain, ["active"], ["active"]))
        self.assertEqual(Followup.with_user(self.user_a1).search(domain), followup)
        assessment._workflow_write(
            {"notice_end": fields.Datetime.now() + timedelta(days=1)}
        )
        self._uphold(line, "basic", self.user_a5)
        self.assertTrue(followup.active)
        self.assertEqual(self._followup(assessment, self.member_a1), followup)

    # -- the committee decides ----------------------------------------------------

    def test_committee_decides_a_tie_with_a_reason(self):
        # Q1 alone: a3 and a4 tie at 90 for the one excellent place
        assessment = self._assessment(
            combine_method="average", period_ids=[Command.set(self.period.ids)]
        )
        assessment.action_compute()
        lines = self._lines(assessment)
        a3, a4 = lines[self.member_a3], lines[self.member_a4]
        self.assertTrue(a3.needs_decision and a4.needs_decision)
        with self.assertRaises(AccessError):
            a3.with_user(self.officer_a).action_decide_grade("excellent", "票数多")
        with self.assertRaisesRegex(UserError, "reason"):
            a3.with_user(self.manager).action_decide_grade("excellent", " ")
        with self.assertRaisesRegex(UserError, "follows from the rules"):
            lines[self.member_a1].with_user(self.manager).action_decide_grade(
                "qualified", "照顾"
            )
        wizard = (
            self.env["party.points.assessment.line.wizard"]
            .with_user(self.manager)
            .create(
                {
                    "line_id": a3.id,
                    "mode": "decide",
                    "grade": "excellent",
                    "reason": "支部大会评议票数更多",
                }
            )
        )
        wizard.action_confirm()
        a4.with_user(self.manager).action_decide_grade("qualified", "名额所限")
        self.assertEqual((a3.final_grade, a4.final_grade), ("excellent", "qualified"))
        self.assertFalse(a3.needs_decision)
        self.assertEqual(a3.decision_reason, "支部大会评议票数更多")
        self.assertEqual(a3.decided_by_id, self.manager)
        with self.assertRaisesRegex(UserError, "changed only"):
            a3.sudo().write({"decision_reason": "改"})

    def test_recompute_updates_the_lines_in_place(self):
        """Recomputing updates each member's line where it is: the same line
        with its self-assessment and the branch's opinion, the changed
        inputs weighed in, and the committee's decision on the old grades
        undone, in the line's tracked history."""
        # Q1 alone: a3 and a4 tie at 90 for the one excellent place
        assessment = self._assessment(
            combine_method="average", period_ids=[Command.set(self.period.ids)]
        )
        assessment.action_compute()
        lines = self._lines(assessment)
        a1, a3, a4 = (
            lines[m] for m in (self.member_a1, self.member_a3, self.member_a4)
        )
        a1.with_user(self.user_a1).sudo().action_save_self_assessment("按时交纳党费")
        a1.with_user(self.officer_a).action_set_branch_opinion("表现较好")
        a4.with_user(self.manager).action_decide_grade("excellent", "票数多")
        self.assertEqual(a4.final_grade, "excellent")
        # a4 retires: exempt by the rule book, so a3 alone takes the place
        self.member_a4.special_category = "retired"
        assessment.with_context(tracking_disable=False).action_compute()
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.assertEqual(self._lines(assessment), lines, "the same lines")
        self.assertEqual(
            (a1.self_assessment, a1.branch_opinion), ("按时交纳党费", "表现较好")
        )
        self.assertEqual((a4.category, a4.final_grade), ("exempt", "exempt"))
        self.assertEqual((a3.final_grade, a3.needs_decision), ("excellent", False))
        self.assertFalse(a4.decision_reason or a4.decided_by_id or a4.decided_date)
        self.assertTrue(
            a4.sudo().message_ids.tracking_value_ids.filtered(
                lambda value: value.field_id.name == "decision_reason"
            )
        )

    def test_committee_grades_an_unqualified_the_meeting_did_not_carry(self):
        assessment = self._published()
        line = self._lines(assessment)[self.member_a5]
        line.with_user(self.manager).action_decide_grade(
            "basic", "支部大会未过半数通过"
        )
        self.assertEqual(line.final_grade, "basic")
        self.assertEqual(self._followup(assessment, self.member_a5).grade, "basic")

    # -- 民主评议 texts ----------------------------------------------------------

    def test_self_assessment_and_branch_opinion(self):
        assessment = self._assessment(combine_method="average")
        assessment.action_compute()
        lines = self._lines(assessment)
        own, other = lines[self.member_a1], lines[self.member_a3]
        # the portal calls the method on the sudo line, as the user
        own.with_user(self.user_a1).sudo().action_save_self_assessment(
            "认真学习，按时交纳党费"
        )
        self.assertEqual(own.self_assessment, "认真学习，按时交纳党费")
        self.assertTrue(own.self_assessment_date)
        with self.assertRaises(AccessError):
            other.with_user(self.user_a1).sudo().action_save_self_assessment("替他写")
        with self.assertRaises(AccessError):
            own.with_user(self.officer_a).sudo().action_save_self_assessment("代写")
        with self.assertRaisesRegex(UserError, "changed only"):
            own.sudo().write({"self_assessment": "改写"})
        # the branch committee's opinion: officers of the branch only
        with self.assertRaises(AccessError):
            own.with_user(self.officer_b).action_set_branch_opinion("一般")
        with self.assertRaises(AccessError):
            own.with_user(self.user_a1).action_set_branch_opinion("很好")
        with self.assertRaises(AccessError):  # no access to the wizard
            self.env["party.points.assessment.line.wizard"].with_user(
                self.user_a1
            ).create({"line_id": own.id, "opinion": "很好"})
        wizard = (
            self.env["party.points.assessment.line.wizard"]
            .with_user(self.officer_a)
            .create({"line_id": own.id, "mode": "opinion", "opinion": "表现较好"})
        )
        wizard.action_confirm()
        self.assertEqual(own.branch_opinion, "表现较好")
        self.assertEqual(own.branch_opinion_by_id, self.officer_a)
        with self.assertRaisesRegex(UserError, "changed only"):
            own.with_user(self.officer_a).write({"branch_opinion": "改"})
        # the texts are on lines only their readers see; nobody posts there
        assessment.action_publish()
        Line = self.env["party.points.assessment.line"]
        with self.assertRaises(AccessError):
            own.with_user(self.user_a1).message_post(body="补充自评")
        with self.assertRaises(AccessError):
            own.with_user(self.officer_b).read(["self_assessment"])
        self.assertFalse(
            Line.with_user(self.officer_b).search(
                [("branch_opinion", "!=", False), ("branch_id", "=", self.branch_a.id)]
            )
        )
        self.assertFalse(
            Line.with_user(self.user_b1).read_group(
                [("self_assessment", "!=", False)], ["composite:sum"], ["branch_id"]
            )
        )
        with self.assertRaises(AccessError):
            other.with_user(self.user_a1).read(["self_assessment", "branch_opinion"])

    def test_texts_are_tracked_and_sealed_after_final(self):
        assessment = self._published()
        line = self._lines(assessment)[self.member_a3]
        tracked = line.with_context(tracking_disable=False)
        tracked.with_user(self.officer_a).action_set_branch_opinion("模范带头")
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.assertTrue(
            line.sudo().message_ids.tracking_value_ids.filtered(
                lambda value: value.field_id.name == "branch_opinion"
            )
        )
        self._end_notice(assessment)
        self._settle_grades(assessment)
        assessment.action_finalize()
        with self.assertRaisesRegex(UserError, "final"):
            line.with_user(self.officer_a).action_set_branch_opinion("改")
        own = self._lines(assessment)[self.member_a1]
        with self.assertRaisesRegex(UserError, "final"):
            own.with_user(self.user_a1).sudo().action_save_self_assessment("补写")

    # -- 签字确认 ---------------------------------------------------------------

    def _final(self, **vals):
        assessment = self._published(**vals)
        self._end_notice(assessment)
        self._settle_grades(assessment)
        assessment.action_finalize()
        return assessment

    def test_member_confirms_own_final_line_only(self):
        assessment = self._published(confirmation_required=True)
        lines = self._lines(assessment)
        own, other = lines[self.member_a1], lines[self.member_a3]
        with self.assertRaisesRegex(UserError, "once the assessment is final"):
            own.with_user(self.user_a1).sudo().action_confirm_grade()
        assessment = self._final(confirmation_required=True, name="2031 终")
        lines = self._lines(assessment)
        own, other = lines[self.member_a1], lines[self.member_a3]
        with self.assertRaises(AccessError):
            other.with_user(self.user_a1).sudo().action_confirm_grade()
        with self.assertRaises(AccessError):
            own.with_user(self.officer_a).sudo().action_confirm_grade()
        with self.assertRaises(UserError):  # no write either
            own.with_user(self.user_a1).write({"confirmed_date": fields.Datetime.now()})
        with self.assertRaisesRegex(UserError, "changed only"):
            own.sudo().write({"confirmed_date": fields.Datetime.now()})
        own.with_user(self.user_a1).sudo().action_confirm_grade()
        self.assertTrue(own.confirmed_date)
        self.assertFalse(other.confirmed_date)
        with self.assertRaisesRegex(UserError, "already"):
            own.with_user(self.user_a1).sudo().action_confirm_grade()

    def test_no_confirmation_unless_asked(self):
        assessment = self._final()
        own = self._lines(assessment)[self.member_a1]
        with self.assertRaisesRegex(UserError, "no confirmation"):
            own.with_user(self.user_a1).sudo().action_confirm_grade()

    # -- member categories ----------------------------------------------------

    def test_special_categories_exempt_or_on_their_own_list(self):
        self.member_a3.special_category = "retired"
        bands = {"excellent_min": 85, "qualified_min": 75}
        assessment = self._assessment(combine_method="average", **bands)
        assessment.action_compute()
        a3 = self._lines(assessment)[self.member_a3]
        self.assertEqual((a3.category, a3.proposed_grade), ("exempt", "exempt"))
        self.assertEqual(self._lines(assessment)[self.member_a3].rank, 0)
        self.ruleset.retired_handling = "own_list"
        assessment = self._assessment(combine_method="average", **bands)
        assessment.action_compute()
        lines = self._lines(assessment)
        a3, a4 = lines[self.member_a3], lines[self.member_a4]
        self.assertEqual(a3.category, "retired")
        # alone on the retired list: no excellent place (⅓ of 1), rank 1 there
        self.assertEqual(a3.proposed_grade, "qualified")
        self.assertEqual(a3.rank, 1)
        # the full members' quota no longer counts a3: a4 (87.5) takes the
        # one place of a1, a4, a5
        self.assertEqual(a4.proposed_grade, "excellent")
        self.assertEqual(a4.rank, 1)

    def test_probation_end_date_and_reminder(self):
        Member = self.env["party.member"]
        with self.assertRaisesRegex(ValidationError, "not a probationary"):
            self.member_a1.probation_end_date = "2031-10-01"
        self.member_a2.write({"join_date": "2030-10-01"})
        with self.assertRaisesRegex(ValidationError, "after they joined"):
            self.member_a2.probation_end_date = "2030-09-01"
        self.member_a2.probation_end_date = "2031-10-01"
        self.assertFalse(Member._cron_probation_reminders(date(2031, 7, 31)))
        reminded = Member._cron_probation_reminders(date(2031, 8, 3))
        self.assertEqual(reminded, self.member_a2)
        activity = self.member_a2.activity_ids
        self.assertEqual(activity.user_id, self.officer_a)
        self.assertEqual(activity.date_deadline, date(2031, 10, 1))
        # once per 转正 date, however often the cron runs
        self.assertFalse(Member._cron_probation_reminders(date(2031, 8, 4)))
        self.assertEqual(len(self.member_a2.activity_ids), 1)
        self.member_a2.probation_end_date = "2031-11-01"
        self.assertEqual(
            Member._cron_probation_reminders(date(2031, 9, 5)), self.member_a2
        )
        # the assessment line shows the checkpoint
        assessment = self._assessment(combine_method="average")
        assessment.action_compute()
        self.assertEqual(
            self._lines(assessment)[self.member_a2].probation_end_date,
            date(2031, 11, 1),
        )


@tagged("post_install", "-at_install")
class TestAssessmentFollowupTours(FollowupCase, HttpCase):
    """The new forms in a browser: the secretary records a branch meeting's
    decision and writes the branch's opinion; a member writes their
    self-assessment and confirms their final grade on the portal."""

    def _form_url(self, record, action):
        return (
            f"/web#action={action}&model={record._name}&id={record.id}&view_type=form"
        )

    def test_secretary_records_the_meeting_decision(self):
        assessment = self._published()
        followup = self._followup(assessment, self.member_a5)
        self.start_tour(
            self._form_url(
                followup, "party_points.party_points_assessment_followup_action"
            ),
            "party_points_assessment_followup_meeting",
            login=self.officer_a.login,
        )
        self.assertEqual(followup.meeting_state, "recorded")
        self.assertEqual(
            (followup.members_present, followup.votes_for, followup.votes_against),
            (5, 4, 1),
        )
        self.assertEqual(followup.meeting_date, date(2032, 1, 10))
        self.assertEqual(followup.meeting_recorded_by_id, self.officer_a)

    def test_secretary_writes_the_branch_opinion(self):
        assessment = self._assessment(combine_method="average")
        assessment.action_compute()
        self.start_tour(
            self._form_url(assessment, "party_points.party_points_assessment_action"),
            "party_points_assessment_opinion",
            login=self.officer_a.login,
        )
        line = self._lines(assessment)[self.member_a3]
        self.assertEqual(line.branch_opinion, "模范带头作用突出")
        self.assertEqual(line.branch_opinion_by_id, self.officer_a)

    def test_member_writes_the_self_assessment_and_confirms(self):
        assessment = self._assessment(
            combine_method="average", confirmation_required=True
        )
        assessment.action_compute()
        self.start_tour(
            "/my/assessment",
            "party_points_portal_assessment_self",
            login=self.user_a1.login,
        )
        line = self._lines(assessment)[self.member_a1]
        self.assertEqual(line.self_assessment, "按时参加组织生活，完成岗位任务")
        assessment.action_publish()
        self._end_notice(assessment)
        self._settle_grades(assessment)
        assessment.action_finalize()
        self.start_tour(
            "/my/assessment",
            "party_points_portal_assessment_confirm",
            login=self.user_a1.login,
        )
        self.assertTrue(line.confirmed_date)

    def test_portal_refuses_another_members_line(self):
        assessment = self._assessment(
            combine_method="average", confirmation_required=True
        )
        assessment.action_compute()
        lines = self._lines(assessment)
        own, other = lines[self.member_a1], lines[self.member_a3]
        self.authenticate(self.user_a1.login, self.user_a1.login)
        page = self.url_open("/my/assessment")
        self.assertIn(f"/my/assessment/line/{own.id}/self", page.text)
        self.assertNotIn(f"/my/assessment/line/{other.id}/self", page.text)

        def post(url, **data):
            return self.url_open(
                url, data={"csrf_token": http.Request.csrf_token(self), **data}
            )

        response = post(f"/my/assessment/line/{other.id}/self", self_assessment="替写")
        self.assertIn("only their own line", response.text)
        self.assertFalse(other.self_assessment)
        response = post(f"/my/assessment/line/{own.id}/self", self_assessment="自评")
        self.assertIn("Your self-assessment was saved", response.text)
        response = post(f"/my/assessment/line/{own.id}/confirm")
        self.assertIn("once the assessment is final", response.text)
        assessment.action_publish()
        self._end_notice(assessment)
        self._settle_grades(assessment)
        assessment.action_finalize()
        response = post(f"/my/assessment/line/{other.id}/confirm")
        self.assertIn("only their own line", response.text)
        self.assertFalse(other.confirmed_date)
        response = post(f"/my/assessment/line/{own.id}/self", self_assessment="补写")
        self.assertIn("not after it is final", response.text)
        self.assertEqual(own.self_assessment, "自评")
        response = post("/my/assessment/line/999999/confirm")
        self.assertIn("does not exist", response.text)
