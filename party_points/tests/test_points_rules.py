"""One test per numbered rule of issue 3 ("Rules the numbers must obey")."""

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import PointsCase


@tagged("post_install", "-at_install")
class TestPointsRules(PointsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # three more full members in branch A: four graded there, quota 1
        Employee = cls.env["hr.employee"]
        Member = cls.env["party.member"]
        cls.member_a3, cls.member_a4, cls.member_a5 = Member.create(
            [
                {
                    "employee_id": Employee.create({"name": name}).id,
                    "branch_id": cls.branch_a.id,
                }
                for name in ("Member Wu", "Member Zheng", "Member Feng")
            ]
        )

    def test_rule1_entry_points_signed_and_range(self):
        positive = self._entry(self.member_a1, self.r_meet, quantity=3)
        self.assertEqual(positive.points, 6)
        negative = self._entry(self.member_a1, self.r_absent, quantity=2)
        self.assertEqual(negative.points, -4)
        ranged = self._entry(self.member_a1, self.r_innov, approve=False)
        self.assertEqual(ranged.unit_points, 5, "the rule's points are suggested")
        ranged.unit_points = 8
        ranged.action_approve()
        self.assertEqual(ranged.points, 8)
        with self.assertRaises(ValidationError):
            self._entry(self.member_a2, self.r_innov, unit_points=11)
        with self.assertRaises(ValidationError):
            self._entry(self.member_a2, self.r_meet, unit_points=7)

    def test_rule2_only_approved_entries_count_capped_per_rule_then_category(self):
        self._entry(self.member_a1, self.r_meet, quantity=6)  # 12, rule cap 10
        self._entry(self.member_a1, self.r_essay, quantity=2)  # 6: study 16 > 15
        rejected = self._entry(self.member_a1, self.r_essay, approve=False)
        rejected.action_reject("No evidence")
        reversed_entry = self._entry(self.member_a1, self.r_innov, unit_points=9)
        reversed_entry.action_reverse("Recorded by mistake")
        self._entry(self.member_a2, self.r_meet, quantity=3)  # 6, under the caps
        results = self._close()
        self.assertEqual(results[self.member_a1].positive_points, 15)
        self.assertEqual(results[self.member_a1].score, 85)
        self.assertEqual(results[self.member_a2].positive_points, 6)

    def test_rule3_score_held_within_floor_and_ceiling(self):
        self.ruleset.max_score = 80
        self._entry(self.member_a1, self.r_meet, quantity=5)  # 70 + 10
        self._entry(self.member_a1, self.r_essay)  # + 3, over the ceiling
        self._entry(self.member_a3, self.r_absent, quantity=40)  # 70 - 80
        results = self._close()
        self.assertEqual(results[self.member_a1].score, 80)
        self.assertEqual(results[self.member_a3].negative_points, 80)
        self.assertEqual(results[self.member_a3].score, 0)

    def test_rule4_strongest_veto_wins_and_is_listed(self):
        self._entry(self.member_a1, self.r_meet, quantity=5)
        self._entry(self.member_a1, self.r_essay, quantity=5)
        noex = self._entry(self.member_a1, self.v_noex)
        unq = self._entry(self.member_a1, self.v_unq)
        self._entry(self.member_a3, self.r_meet, quantity=5)
        self._entry(self.member_a3, self.r_essay)
        self._entry(self.member_a3, self.r_innov, unit_points=10)
        self._entry(self.member_a3, self.v_noex)
        zero = self._entry(self.member_b1, self.v_zero)
        self._entry(self.member_b1, self.v_noex)
        results = self._close()
        a1 = results[self.member_a1]
        self.assertTrue(a1.vetoed)
        self.assertEqual(a1.veto_effect, "unqualified")
        self.assertEqual(a1.grade, "unqualified")
        self.assertEqual(a1.veto_entry_ids, noex | unq)
        a3 = results[self.member_a3]
        self.assertEqual(a3.score, 92)
        self.assertEqual(a3.grade, "qualified", "no_excellent bars excellent")
        b1 = results[self.member_b1]
        self.assertEqual(
            (b1.veto_effect, b1.score, b1.grade), ("zero", 0, "unqualified")
        )
        self.assertIn(zero, b1.veto_entry_ids)
        self.assertFalse(results[self.member_a4].vetoed)

    def test_rule5_grades_from_bands_and_quota(self):
        self._entry(self.member_a1, self.r_meet, quantity=5)
        self._entry(self.member_a1, self.r_essay, quantity=5)  # 85
        self._entry(self.member_a3, self.r_meet, quantity=5)
        self._entry(self.member_a3, self.r_innov, unit_points=10)  # 90
        self._entry(self.member_a4, self.r_meet, quantity=5)
        self._entry(self.member_a4, self.r_innov, unit_points=10)  # 90
        self._entry(self.member_a5, self.r_absent, quantity=6)  # 58
        results = self._close()
        grades = {member: result.grade for member, result in results.items()}
        self.assertEqual(grades[self.member_a1], "qualified")
        self.assertEqual(grades[self.member_a5], "unqualified")
        self.assertEqual(grades[self.member_b1], "basic", "70 is basically qualified")
        self.assertFalse(grades[self.member_a2], "probationary members not graded")
        # four graded in A, quota 1: a3 and a4 tie across the line
        tied = results[self.member_a3] | results[self.member_a4]
        self.assertEqual(set(tied.mapped("grade")), {"qualified"})
        self.assertTrue(all(tied.mapped("needs_decision")))
        # an officer of another branch may not decide
        with self.assertRaises(AccessError):
            results[self.member_a3].with_user(self.officer_b).action_set_grade(
                "excellent", "Better attendance"
            )
        with self.assertRaises(UserError):
            results[self.member_a3].with_user(self.officer_a).action_set_grade(
                "excellent", " "
            )
        results[self.member_a3].with_user(self.officer_a).action_set_grade(
            "excellent", "Branch meeting vote"
        )
        self.assertEqual(results[self.member_a3].grade, "excellent")
        self.assertEqual(results[self.member_a3].decided_by_id, self.officer_a)
        self.assertFalse(results[self.member_a3].needs_decision)
        with self.assertRaises(UserError, msg="still within the quota"):
            results[self.member_a4].with_user(self.officer_a).action_set_grade(
                "excellent", "Also good"
            )
        results[self.member_a4].with_user(self.officer_a).action_set_grade(
            "qualified", "Branch meeting vote"
        )
        self.assertEqual(results[self.member_a4].grade, "qualified")

    def test_rule6_exempt_members_no_grade_no_rank_no_quota(self):
        self.env["party.points.exemption"].with_user(self.officer_a).create(
            {
                "member_id": self.member_a4.id,
                "period_id": self.period.id,
                "reason": "Long sick leave",
            }
        )
        self._entry(self.member_a1, self.r_meet, quantity=5)
        self._entry(self.member_a1, self.r_innov, unit_points=10)  # 90
        self._entry(self.member_a3, self.r_meet, quantity=5)
        self._entry(self.member_a3, self.r_innov, unit_points=10, day="2031-02-11")
        self._entry(self.member_a3, self.r_essay)  # 93
        results = self._close()
        a4 = results[self.member_a4]
        self.assertEqual(a4.grade, "exempt")
        self.assertFalse(a4.rank_in_branch or a4.rank_overall)
        # three graded (a1, a3, a5): quota 1, a3 is the clear top
        self.assertEqual(results[self.member_a3].grade, "excellent")
        self.assertEqual(results[self.member_a1].grade, "qualified")
        self.assertFalse(results[self.member_a1].needs_decision)

    def test_rule7_competition_ranking_in_branch_and_overall(self):
        self._entry(self.member_a1, self.r_meet, quantity=5)  # 80
        self._entry(self.member_a3, self.r_meet, quantity=2)  # 74
        self._entry(self.member_a4, self.r_meet, quantity=2)  # 74
        self._entry(self.member_b1, self.r_meet, quantity=5)  # 80
        results = self._close()
        ranks = {m: (r.rank_in_branch, r.rank_overall) for m, r in results.items()}
        self.assertEqual(ranks[self.member_a1], (1, 1))
        self.assertEqual(ranks[self.member_b1], (1, 1))
        self.assertEqual(ranks[self.member_a3], (2, 3))
        self.assertEqual(ranks[self.member_a4], (2, 3))
        self.assertEqual(ranks[self.member_a5], (4, 5))
        self.assertEqual(ranks[self.member_a2], (0, 0), "ungraded: unranked")
        self.assertEqual(ranks[self.member_b2], (0, 0), "ungraded: unranked")

    def test_rule8_every_active_member_gets_a_result(self):
        self.member_b2.active = False
        results = self._close()
        expected = (
            self.member_a1
            | self.member_a2
            | self.member_a3
            | self.member_a4
            | self.member_a5
            | self.member_b1
        )
        self.assertEqual(set(results), set(expected))
        for result in results.values():
            self.assertEqual((result.base_score, result.score), (70, 70))
