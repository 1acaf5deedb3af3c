"""The demo plant reads like the seeds, and cannot drift from them: each
figure the seeds give is read back from the report models, every timeline
is one that could have happened, the texts do not repeat themselves, the
verifiers are employee representatives and negative entries are rare."""

from collections import Counter
from datetime import date, datetime, time, timedelta

from odoo.tests import TransactionCase, tagged

from odoo.addons.party_ledger.lib import ledger_rules

# the demo ledger is seen from this day (party_ledger_demo_data.UNTIL)
TWO_YEARS = ("2024-11-23", "2026-11-22")


@tagged("post_install", "-at_install")
class TestDemoFigures(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.has_demo = bool(
            cls.env.ref(
                "party_ledger.party_zone_control_demo", raise_if_not_found=False
            )
        )
        if not cls.has_demo:
            return
        cls.maint = cls.env.ref("party_points.party_branch_maint_demo")
        cls.ops = cls.env.ref("party_points.party_branch_ops_demo")
        cls.company = cls.maint.company_id
        cls.report = cls.env["party.suggestion.report"]
        cls.items = cls.env["party.suggestion"].search(
            [("company_id", "=", cls.company.id)]
        )
        cls.projects = cls.env["party.practical.project"].search(
            [("company_id", "=", cls.company.id)]
        )

    def setUp(self):
        super().setUp()
        if not self.has_demo:
            self.skipTest("the database has no demo data")

    def _figures(self, domain, groupby=()):
        return self.report.read_group(
            domain,
            ["item_count:sum", "closed_count:sum", "response_rate:avg"],
            list(groupby),
            lazy=False,
        )

    # ------------------------------------------------------------------
    # the seeds' figures
    # ------------------------------------------------------------------
    def test_tongren_106_solved_in_two_years_13_key_projects(self):
        """铜仁: 两年内解决问题达106项, 其中重点项目完成13项."""
        domain = [
            ("branch_id", "=", self.maint.id),
            ("date_received", ">=", TWO_YEARS[0]),
            ("date_received", "<=", TWO_YEARS[1]),
        ]
        [total] = self._figures(domain)
        self.assertEqual(total["closed_count"], 106)
        by_route = {
            row["route"]: row
            for row in self._figures(domain + [("state", "=", "done")], ["route"])
        }
        self.assertEqual(by_route["key_project"]["closed_count"], 13)
        projects = self._figures(
            domain + [("state", "=", "done"), ("route", "=", "key_project")],
            ["project_id"],
        )
        self.assertEqual(len(projects), 13, "13 distinct key projects")
        done = self.projects.filtered(
            lambda project: project.branch_id == self.maint and project.state == "done"
        )
        self.assertEqual(len(done), 13)
        self.assertEqual({row["project_id"][0] for row in projects}, set(done.ids))

    def test_talk_sessions_5_56_38(self):
        """综采区: 5 sessions, 56 collected, 38 solved."""
        [row] = self._figures(
            [("branch_id", "=", self.ops.id), ("channel", "=", "talk_session")]
        )
        self.assertEqual(row["item_count"], 56)
        self.assertEqual(row["closed_count"], 38)
        speak_up = self.env.ref("party_points.meeting_type_speak_up")
        self.assertEqual(speak_up.session_count, 5)
        self.assertEqual(speak_up.suggestion_count, 56)
        self.assertEqual(speak_up.solved_count, 38)

    def test_online_group_21_messages_all_answered_within_24_hours(self):
        """综采区: 21 online-group messages, every one answered within 24 h."""
        [row] = self._figures(
            [("branch_id", "=", self.ops.id), ("channel", "=", "online_group")]
        )
        self.assertEqual(row["item_count"], 21)
        self.assertEqual(row["response_rate"], 100.0)
        online = self.items.filtered(
            lambda item: item.channel == "online_group" and item.branch_id == self.ops
        )
        for item in online:
            hours = (item.date_first_response - item.date_received).total_seconds()
            self.assertLessEqual(hours / 3600, 24, item.name)

    def test_wish_campaign_22_collected_19_fulfilled(self):
        """黔江: 22 wishes collected, 19 fulfilled."""
        campaign = self.env.ref("party_ledger.party_wish_campaign_demo")
        figures = campaign._wish_figures()[campaign.id]
        self.assertEqual(figures["collected"], 22)
        self.assertEqual(figures["fulfilled"], 19)

    # ------------------------------------------------------------------
    # timelines
    # ------------------------------------------------------------------
    def test_every_timeline_could_have_happened(self):
        """received <= answered <= started <= verified <= closed <= feedback."""
        for item in self.items:
            moments = {
                "received": item.date_received,
                "answered": item.date_first_response,
                "started": item.date_started,
                "verified": item.date_verified,
                "closed": item.date_closed,
                "feedback": item.date_feedback,
            }
            self.assertEqual(ledger_rules.timeline_breaks(moments), [], item.name)
            worked = item.kind == "implementation" and item.state in (
                "in_progress",
                "verifying",
                "done",
            )
            # the work of an implementation item began once it was taken
            # into progress; an explanation item is answered, not worked
            self.assertEqual(bool(item.date_started), worked, item.name)
            if item.state == "done":
                self.assertTrue(item.date_first_response, item.name)
                if item.kind == "implementation":
                    self.assertTrue(item.date_verified, item.name)
                    self.assertTrue(item.verifier_ids, item.name)
            if item.state in ("new",):
                self.assertFalse(item.date_closed, item.name)

    def test_officers_answer_and_start_in_the_working_day(self):
        """Outside the online group and urgent matters, the generated ledger
        is answered in the working day (Beijing 8:00-17:30), not at night;
        work starts in the working day too."""
        until = datetime(2026, 11, 22, 9, 0)

        def working(moment):
            beijing = moment + timedelta(hours=8)
            return time(8, 0) <= beijing.time() <= time(17, 30)

        answered = self.items.filtered(
            lambda item: (
                item.channel != "online_group"
                and item.urgency == "normal"
                and item.date_first_response
                and item.date_first_response <= until
            )
        )
        self.assertGreater(len(answered), 100)
        for item in answered:
            self.assertTrue(working(item.date_first_response), item.name)
        started = self.items.filtered(
            lambda item: item.date_started and item.date_started <= until
        )
        self.assertGreater(len(started), 100)
        for item in started:
            self.assertTrue(working(item.date_started), item.name)

    def test_key_project_items_close_with_their_project(self):
        """Not verified within a day while the project ran for months."""
        keyed = self.items.filtered(lambda item: item.route == "key_project")
        self.assertTrue(keyed)
        for item in keyed:
            project = item.project_id
            self.assertTrue(project, item.name)
            months = project.milestone_ids.mapped("month")
            self.assertGreaterEqual(len(months), 3, project.name)
            # raised before the project's first month of work, started with it
            self.assertLess(item.date_received.date(), min(months), item.name)
            self.assertEqual(item.date_started.date().replace(day=1), min(months))
            if item.state == "done":
                self.assertEqual(project.state, "done", item.name)
                self.assertEqual(item.date_closed, project.date_verified, item.name)
                self.assertGreater(project.date_verified.date(), max(months))
                self.assertGreaterEqual(
                    (item.date_closed - item.date_first_response).days, 60, item.name
                )
            else:
                self.assertNotEqual(project.state, "done", item.name)
        for project in self.projects.filtered(lambda p: p.state == "done"):
            self.assertTrue(all(project.milestone_ids.mapped("done")), project.name)

    def test_wish_timelines(self):
        wishes = self.env["party.wish"].search([("company_id", "=", self.company.id)])
        for wish in wishes.filtered("date_fulfilled"):
            self.assertLessEqual(wish.date_claimed, wish.date_fulfilled, wish.name)
            self.assertLessEqual(wish.date_fulfilled, wish.date_due, wish.name)

    # ------------------------------------------------------------------
    # texts
    # ------------------------------------------------------------------
    def test_texts_are_varied(self):
        replies = Counter(item.reply for item in self.items if item.reply)
        self.assertLessEqual(max(replies.values()), 3, replies.most_common(1))
        endings = Counter(
            item.description.strip()[-8:] for item in self.items if item.description
        )
        self.assertLessEqual(max(endings.values()), 3, endings.most_common(1))
        notes = [
            item.verification_note for item in self.items if item.verification_note
        ]
        notes += self.projects.filtered("verification_note").mapped("verification_note")
        repeated = [note for note, count in Counter(notes).items() if count > 1]
        # a key project and the item it answers share one note
        keyed = set(
            self.items.filtered(lambda item: item.route == "key_project").mapped(
                "verification_note"
            )
        )
        self.assertFalse(set(repeated) - keyed, "identical verification notes")
        titles = Counter(self.items.mapped("title"))
        self.assertLessEqual(max(titles.values()), 1, titles.most_common(1))

    # ------------------------------------------------------------------
    # people
    # ------------------------------------------------------------------
    def test_verifiers_are_employee_representatives(self):
        verifiers = self.items.verifier_ids | self.projects.verifier_ids
        self.assertTrue(verifiers)
        members = (
            self.env["party.member"]
            .with_context(active_test=False)
            .search([("employee_id", "in", verifiers.ids)])
        )
        self.assertFalse(members, "Party records among the verifiers")
        self.assertTrue(all(verifiers.mapped("party_staff_representative")))
        self.assertTrue(
            all(self.projects.representative_ids.mapped("party_staff_representative"))
        )

    def test_negative_entries_and_vetoes_are_rare(self):
        entries = self.env["party.points.entry"].search(
            [
                ("member_id.company_id", "=", self.company.id),
                ("state", "=", "approved"),
                ("rule_id.list_type", "=", "negative"),
            ]
        )
        members = self.env["party.member"].search_count(
            [("company_id", "=", self.company.id)]
        )
        # one demo year, unexcused absences from meetings included: fewer
        # than one negative entry per two members (the old demo had about
        # 0.7 "improper remarks" alone per member)
        self.assertLess(len(entries), members / 2)
        remarks = entries.filtered(lambda entry: entry.rule_id.code == "JL05")
        self.assertLessEqual(len(remarks), 1, "improper remarks are rare")
        vetoes = entries.filtered(lambda entry: entry.rule_id.is_veto)
        self.assertLessEqual(len(vetoes), 2)
        self.assertLess(date(2026, 1, 1), min(entries.mapped("date")))
        self.assertLess(max(entries.mapped("date")), datetime(2026, 12, 31).date())
