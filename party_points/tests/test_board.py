"""The officer's board (支部工作看板): its figures for a branch officer, the
officer of another branch and the committee, its query count, its bulk
approval, and the member form's running score."""

from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, tagged

from .common import PointsCase


class BoardCase(PointsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = fields.Date.context_today(cls.env["party.branch"])
        cls.today = today
        # the open period holding today for the test branches: the demo's
        # (it scores every branch of the company) or one made here
        Period = cls.env["party.points.period"]
        cls.now_period = Period._for_dates({(today, cls.branch_a.id)}).get(
            (today, cls.branch_a.id)
        ) or Period.create(
            {
                "name": "Board Period",
                "ruleset_id": cls.ruleset.id,
                "date_start": today - timedelta(days=20),
                "date_end": today + timedelta(days=20),
                "branch_ids": [Command.set(cls.committee.ids)],
            }
        )
        cls.now_period = cls.now_period.with_env(cls.env)
        cls.base = cls.now_period.ruleset_id.base_score
        Entry = cls.env["party.points.entry"]

        def entry(member, rule, quantity=1, state="submitted"):
            record = Entry.create(
                {
                    "member_id": member.id,
                    "rule_id": rule.id,
                    "date": today,
                    "quantity": quantity,
                }
            )
            if state == "submitted":
                record._workflow_write({"state": "submitted"})
            elif state == "approved":
                record.action_approve()
            return record

        cls.claims_a = entry(cls.member_a1, cls.r_meet) | entry(
            cls.member_a2, cls.r_meet
        )
        cls.claims_b = entry(cls.member_b1, cls.r_meet)
        cls.draft_a = entry(cls.member_a1, cls.r_absent, state="draft")
        entry(cls.member_a1, cls.r_innov, quantity=2, state="approved")
        entry(cls.member_b2, cls.r_meet, quantity=3, state="approved")

    def board(self, user):
        return self.env["party.branch"].with_user(user).get_board_data()

    @staticmethod
    def tile(data, key):
        return next(tile for tile in data["tiles"] if tile["key"] == key)

    @staticmethod
    def panel(data, key):
        return next((panel for panel in data["panels"] if panel["key"] == key), None)


@tagged("post_install", "-at_install")
class TestBoardData(BoardCase):
    def test_branch_officer_sees_their_branch(self):
        data = self.board(self.officer_a)
        self.assertFalse(data["is_committee"])
        self.assertEqual(data["period"]["id"], self.now_period.id)
        claims = self.tile(data, "claims")
        self.assertEqual(claims["value"], 2)
        self.assertTrue(claims["bulk_approve"])
        # one click: the tile's list holds exactly the claims counted
        action = claims["action"]
        self.assertEqual(
            self.env[action["res_model"]]
            .with_user(self.officer_a)
            .search(action["domain"]),
            self.claims_a,
        )
        self.assertEqual(self.tile(data, "drafts")["value"], 1)
        standings = self.panel(data, "standings")
        names = [row["member"] for row in standings["rows"]]
        self.assertEqual(names[0], "Member Zhang", "10 innovation points lead")
        self.assertCountEqual(names, ["Member Sun", "Member Zhang"])
        self.assertEqual(standings["rows"][0]["score"], self.base + 10)
        # a rule book that hides ranks: no rank column
        self.now_period.ruleset_id.rank_visible_to_members = False
        data = self.board(self.officer_a)
        standings = self.panel(data, "standings")
        self.assertNotIn("rank", [column["key"] for column in standings["columns"]])
        self.assertIsNone(self.panel(data, "comparison"))
        # ... a rule book that shows ranks shows them
        self.now_period.ruleset_id.rank_visible_to_members = True
        standings = self.panel(self.board(self.officer_a), "standings")
        self.assertEqual(standings["columns"][0]["key"], "rank")
        self.assertEqual(standings["rows"][0]["rank"], 1)

    def test_other_branch_officer_sees_only_theirs(self):
        data = self.board(self.officer_b)
        self.assertEqual(self.tile(data, "claims")["value"], 1)
        self.assertEqual(self.tile(data, "drafts")["value"], 0)
        names = [row["member"] for row in self.panel(data, "standings")["rows"]]
        self.assertCountEqual(names, ["Member Zhao", "Member Qian"])

    def test_committee_compares_branches(self):
        data = self.board(self.manager)
        self.assertTrue(data["is_committee"])
        self.assertGreaterEqual(self.tile(data, "claims")["value"], 3)
        rows = {row["branch"]: row for row in self.panel(data, "comparison")["rows"]}
        self.assertEqual(rows["Branch A"]["claims"], 2)
        self.assertEqual(rows["Branch B"]["claims"], 1)
        self.assertEqual(rows["Branch B"]["members"], 2)

    def test_member_is_sent_to_their_ledger(self):
        data = self.board(self.user_a1)
        self.assertEqual(data["redirect"]["res_model"], "party.points.entry")
        self.assertNotIn("tiles", data)

    def test_query_count_does_not_grow(self):
        def count():
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            self.board(self.officer_a)
            return self.cr.sql_log_count - before

        count()  # caches (groups, rules, translations)
        small = count()
        # Ten more members may cost a query or two more or less, by what
        # Odoo happens to hold of the user and their companies (seen on
        # 19.0 after a long test run); a query per member would cost ten.
        headroom = 2
        Employee, Member = self.env["hr.employee"], self.env["party.member"]
        members = Member.create(
            [
                {
                    "employee_id": Employee.create({"name": f"Extra {index}"}).id,
                    "branch_id": self.branch_a.id,
                }
                for index in range(10)
            ]
        )
        self.env["party.points.entry"].create(
            [
                {"member_id": member.id, "rule_id": self.r_meet.id, "date": self.today}
                for member in members
            ]
        )._workflow_write({"state": "submitted"})
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(BOARD_QUERIES):
            data = self.board(self.officer_a)
        self.assertEqual(self.tile(data, "claims")["value"], 12)
        self.assertLessEqual(count(), small + headroom)

    def test_bulk_approve_from_the_tile(self):
        domain = self.tile(self.board(self.officer_a), "claims")["action"]["domain"]
        Entry = self.env["party.points.entry"].with_user(self.officer_a)
        result = Entry.with_context(active_domain=domain).browse().action_approve_all()
        self.assertEqual(result["params"]["type"], "success")
        self.assertEqual(set(self.claims_a.mapped("state")), {"approved"})
        self.assertEqual(self.claims_a.approved_by_id, self.officer_a)
        # another branch's claims stay, even when asked for by domain
        Entry.with_context(
            active_domain=[("id", "in", self.claims_b.ids)]
        ).browse().action_approve_all()
        self.assertEqual(self.claims_b.state, "submitted")
        self.assertEqual(self.tile(self.board(self.officer_a), "claims")["value"], 0)


@tagged("post_install", "-at_install")
class TestMemberRunningScore(BoardCase):
    def test_member_form_shows_running_score_and_last_results(self):
        member = self.member_a1.with_user(self.officer_a)
        self.assertEqual(member.running_period_id, self.now_period)
        self.assertEqual(member.running_score, self.base + 10)
        self.assertEqual(member.running_positive, 10)
        # the same figure as the portal's and as closing would give
        running = self.now_period._running_result(self.member_a1)
        self.assertEqual(running["score"], member.running_score)
        self.assertFalse(member.recent_result_ids)
        self._entry(self.member_a1, self.r_meet)
        self._close()
        member.invalidate_recordset()
        self.assertEqual(member.recent_result_ids.period_id, self.period)
        self.assertEqual(member.recent_result_ids.score, 72)


@tagged("post_install", "-at_install")
class TestBoardTours(BoardCase, HttpCase):
    def test_board_tiles_and_bulk_approve(self):
        self.start_tour(
            "/web#action=party_points.party_board_action",
            "party_points_board",
            login=self.officer_a.login,
        )
        self.assertEqual(set(self.claims_a.mapped("state")), {"approved"})
        self.assertEqual(self.claims_a.approved_by_id, self.officer_a)
        self.assertEqual(self.claims_b.state, "submitted")

    def test_bulk_approve_from_the_list(self):
        self.start_tour(
            "/web#action=party_points.party_points_entry_action_to_approve"
            "&view_type=list",
            "party_points_bulk_approve_list",
            login=self.officer_a.login,
        )
        self.assertEqual(set(self.claims_a.mapped("state")), {"approved"})
        self.assertEqual(self.claims_b.state, "submitted")

    def test_bulk_approve_from_the_kanban(self):
        self.start_tour(
            "/web#action=party_points.party_points_entry_action_to_approve",
            "party_points_bulk_approve_kanban",
            login=self.officer_a.login,
        )
        self.assertEqual(set(self.claims_a.mapped("state")), {"approved"})
        self.assertEqual(self.claims_b.state, "submitted")


# Measured on Odoo 17.0 (28) with party_ledger installed (its tiles and panels
# included); the same with 6 more members and claims.
BOARD_QUERIES = 32
