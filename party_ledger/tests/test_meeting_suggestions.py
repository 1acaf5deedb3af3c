"""Suggestions raised at meetings (issue 14): the channel and branch follow
the meeting, the meeting form records them, a meeting of another branch is
refused, and the talk-session figures per meeting type."""

from datetime import datetime

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, HttpCase, tagged
from odoo.tools.safe_eval import safe_eval

from .common import LedgerCase


class MeetingSuggestionCase(LedgerCase):
    """LedgerCase plus a talk-session type and a talk session in branches A
    and B."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.talk_type = cls.env["party.meeting.type"].create(
            {
                "name": "Speak Your Mind (test)",
                "audience": "employees",
                "frequency": "monthly",
                "suggestion_channel": "talk_session",
            }
        )
        Meeting = cls.env["party.meeting"]
        cls.talk_a = Meeting.create(
            {
                "name": "Talk session A",
                "type_id": cls.talk_type.id,
                "branch_id": cls.branch_a.id,
                "date_start": datetime(2031, 2, 12, 0, 30),
            }
        )
        cls.talk_b = Meeting.create(
            {
                "name": "Talk session B",
                "type_id": cls.talk_type.id,
                "branch_id": cls.branch_b.id,
                "date_start": datetime(2031, 2, 13, 0, 30),
            }
        )


@tagged("post_install", "-at_install")
class TestMeetingSuggestions(MeetingSuggestionCase):
    # (the meetings are in 2031: no points period, open or closed, of the
    # demo covers them)

    def test_channel_and_branch_follow_the_meeting(self):
        item = self.Suggestion.with_user(self.officer_a).create(
            {
                "title": "Night bus after the midnight shift change",
                "employee_id": self.emp_worker.id,
                "meeting_id": self.talk_a.id,
            }
        )
        self.assertEqual(item.channel, "talk_session")
        self.assertEqual(item.branch_id, self.branch_a)
        self.assertEqual(self.talk_a.suggestion_ids, item)
        self.assertEqual(self.talk_a.suggestion_count, 1)
        # a channel given explicitly is kept
        other = self._item(meeting_id=self.talk_a.id, channel="mailbox")
        self.assertEqual(other.channel, "mailbox")

    def test_the_meeting_form_records_a_suggestion(self):
        action = self.talk_a.with_user(self.officer_a).action_record_suggestion()
        self.assertEqual(action["res_model"], "party.suggestion")
        form = Form(
            self.Suggestion.with_user(self.officer_a).with_context(**action["context"])
        )
        self.assertEqual(form.meeting_id, self.talk_a)
        self.assertEqual(form.branch_id, self.branch_a)
        self.assertEqual(form.channel, "talk_session")
        self.assertEqual(form.date_received, self.talk_a.date_start)
        form.title = "Dust masks run out in a shift"
        item = form.save()
        self.assertEqual(item.meeting_id, self.talk_a)
        view = self.talk_a.with_user(self.officer_a).action_view_suggestions()
        self.assertEqual(self.Suggestion.search(view["domain"]), item)
        # choosing the meeting on a new item sets its channel and branch
        form = Form(self.Suggestion.with_user(self.officer_a))
        form.title = "Hot water in the dormitory"
        form.meeting_id = self.talk_a
        self.assertEqual(form.channel, "talk_session")
        self.assertEqual(form.branch_id, self.branch_a)

    def test_attack_a_meeting_of_another_branch_is_refused(self):
        Suggestion = self.Suggestion.with_user(self.officer_a)
        vals = {
            "title": "Linked to a meeting elsewhere",
            "employee_id": self.emp_worker.id,
            "branch_id": self.branch_a.id,
            "meeting_id": self.talk_b.id,
        }
        # (assertRaises: a savepoint undoes the refused row)
        with self.assertRaises(ValidationError) as caught:
            Suggestion.create(vals)
        self.assertRegex(str(caught.exception), "Talk session B.*Branch B")
        item = Suggestion.create(dict(vals, meeting_id=self.talk_a.id))
        with self.assertRaises(ValidationError) as caught:
            item.write({"meeting_id": self.talk_b.id})
        self.assertIn("recorded in the ledger of", str(caught.exception))
        self.assertEqual(item.meeting_id, self.talk_a)

    def test_a_closed_item_keeps_its_meeting(self):
        item = self._item(meeting_id=self.talk_a.id, kind="explanation")
        item._workflow_write({"state": "done"})
        with self.assertRaisesRegex(UserError, "is closed"):
            item.with_user(self.officer_a).write({"meeting_id": False})

    def test_talk_figures_per_meeting_type(self):
        # (in a year without a points period: held by the workflow)
        (self.talk_a | self.talk_b)._workflow_write({"state": "held"})
        self.env["party.meeting"].create(
            {
                "name": "Next talk session",
                "type_id": self.talk_type.id,
                "branch_id": self.branch_a.id,
                "date_start": datetime(2099, 1, 1, 0, 30),
            }
        )
        solved = self._item(meeting_id=self.talk_a.id, kind="explanation")
        solved._workflow_write({"state": "done", "satisfaction": "satisfied"})
        rated = self._item(
            meeting_id=self.talk_b.id, branch_id=self.branch_b.id, kind="explanation"
        )
        rated._workflow_write({"state": "done", "satisfaction": "unsatisfied"})
        self._item(meeting_id=self.talk_a.id)
        self._item()  # not raised at a meeting
        self.env.flush_all()
        talk_type = self.talk_type
        self.assertEqual(talk_type.session_count, 2)
        self.assertEqual(talk_type.suggestion_count, 3)
        self.assertEqual(talk_type.solved_count, 2)
        self.assertAlmostEqual(talk_type.satisfaction_rate, 50.0)
        # an officer counts the meetings and items of their own branches
        mine = talk_type.with_user(self.officer_a)
        self.assertEqual(
            (mine.session_count, mine.suggestion_count, mine.solved_count),
            (1, 2, 1),
        )
        self.assertAlmostEqual(mine.satisfaction_rate, 100.0)
        # members do not read the ledger's rates
        self.assertNotIn(
            "satisfaction_rate",
            talk_type.with_user(self.user_a1).fields_get(["satisfaction_rate"]),
        )
        # the report lists the types that collect suggestions
        action = self.env.ref("party_ledger.party_meeting_type_action_talk")
        self.assertIn(
            talk_type,
            self.env["party.meeting.type"].search(safe_eval(action.domain)),
        )


@tagged("post_install", "-at_install")
class TestMeetingSuggestionTour(MeetingSuggestionCase, HttpCase):
    """Recording a suggestion from the meeting form, in a browser."""

    def test_secretary_records_a_suggestion_at_the_meeting(self):
        self.start_tour(
            "/web#action=party_points.party_meeting_action"
            f"&model=party.meeting&id={self.talk_a.id}&view_type=form",
            "party_ledger_meeting_suggestion",
            login=self.officer_a.login,
        )
        item = self.talk_a.suggestion_ids
        self.assertEqual(item.title, "零点交班后没有回城的车")
        self.assertEqual(item.channel, "talk_session")
        self.assertEqual(item.branch_id, self.branch_a)
        self.assertEqual(item.create_uid, self.officer_a)


@tagged("post_install", "-at_install")
class TestTalkSessionDemo(LedgerCase):
    def test_the_seed_figures_read_back_from_the_report(self):
        """说句心里话: 5 sessions, 56 suggestions collected, 38 solved."""
        if not self.env.ref(
            "party_ledger.party_zone_control_demo", raise_if_not_found=False
        ):
            self.skipTest("the database has no demo data")
        speak_up = self.env.ref("party_points.meeting_type_speak_up")
        self.assertEqual(speak_up.suggestion_channel, "talk_session")
        figures = speak_up.with_user(self.env.ref("base.user_admin"))
        self.assertEqual(figures.session_count, 5)
        self.assertEqual(figures.suggestion_count, 56)
        self.assertEqual(figures.solved_count, 38)
        self.assertGreaterEqual(figures.satisfaction_rate, 80.0)
        items = self.Suggestion.search([("meeting_id.type_id", "=", speak_up.id)])
        self.assertEqual(set(items.mapped("channel")), {"talk_session"})
        self.assertEqual(len(set(items.mapped("title"))), 56)
        self.assertEqual(
            set(items.meeting_id.mapped("state")), {"confirmed"}, "sessions confirmed"
        )
