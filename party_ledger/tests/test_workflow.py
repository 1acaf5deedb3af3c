from psycopg2 import IntegrityError

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import LedgerCase


@tagged("post_install", "-at_install")
class TestClassification(LedgerCase):
    def test_explanation_items_are_answered_and_closed_explained(self):
        item = self._item(kind="explanation")
        item.with_user(self.officer_a).action_classify()
        self.assertEqual(item.state, "classified")
        with self.assertRaises(UserError):
            item.with_user(self.officer_a).action_start()
        with self.assertRaises(UserError):
            item.with_user(self.officer_a).action_close()
        item.with_user(self.officer_a).action_reply(
            "The shift allowance follows the 2025 pay rules.", close=True
        )
        self.assertEqual(item.state, "done")
        self.assertEqual(item.close_type, "explained")
        self.assertTrue(item.date_first_response)
        self.assertTrue(item.date_closed)

    def test_classification_needs_kind_and_the_assessment(self):
        item = self._item()
        with self.assertRaisesRegex(UserError, "explanation or work done"):
            item.action_classify()
        item.kind = "implementation"
        with self.assertRaisesRegex(UserError, "assessment"):
            item.action_classify()
        item.write(
            {
                "difficulty": "easy",
                "objectivity": "5",
                "feasibility": "4",
                "importance": "4",
                "route": "workshop_task",
            }
        )
        with self.assertRaisesRegex(UserError, "responsible person"):
            item.action_classify()
        item.responsible_id = self.emp_a2
        item.action_classify()
        self.assertEqual(item.state, "classified")
        self.assertTrue(item.date_deadline)

    def test_form_routes_easy_items_to_workshops_and_hard_ones_to_projects(self):
        form = Form(self.Suggestion.with_user(self.officer_a))
        form.title = "Install a rest room"
        form.employee_id = self.emp_worker
        form.branch_id = self.branch_a
        form.kind = "implementation"
        form.difficulty = "hard"
        self.assertEqual(form.route, "key_project")
        item = form.save()
        with self.assertRaisesRegex(UserError, "key project"):
            item.write({"objectivity": "4", "feasibility": "3", "importance": "5"})
            item.with_user(self.officer_a).action_classify()
        project = self.env["party.practical.project"].create(
            {
                "name": "Rest room for the maintenance teams",
                "branch_id": self.branch_a.id,
                "measures": "Empty the tool store; air conditioning; lockers.",
                "responsible_id": self.emp_a2.id,
                "supervisor_id": self.emp_sup.id,
                "date_deadline": "2026-09-30",
                "representative_ids": [Command.set(self.emp_other.ids)],
                "milestone_ids": [
                    Command.create({"month": "2026-06-17", "task": "Design"}),
                    Command.create({"month": "2026-07-01", "task": "Build"}),
                    Command.create({"month": "2026-08-01", "task": "Open"}),
                ],
            }
        )
        with Form(item.with_user(self.officer_a)) as edit:
            edit.project_id = project
            self.assertEqual(edit.responsible_id, self.emp_a2)
        item.with_user(self.officer_a).action_classify()
        self.assertEqual(item.state, "classified")
        self.assertEqual(project.suggestion_count, 1)
        # the item follows the project's people and deadline
        self.assertEqual(item.supervisor_id, self.emp_sup)
        self.assertEqual(item.date_deadline, project.date_deadline)
        self.assertEqual(
            project.milestone_ids.mapped("month"),
            [
                fields.Date.to_date(d)
                for d in ("2026-06-01", "2026-07-01", "2026-08-01")
            ],
        )
        project.milestone_ids[0].done = True
        self.assertAlmostEqual(project.progress, 100 / 3)
        # starting the project starts its items
        project.with_user(self.officer_a).action_start()
        self.assertEqual(item.state, "in_progress")

    def test_only_officers_of_the_branch_classify(self):
        item = self._item(kind="explanation")
        with self.assertRaises(AccessError):
            item.with_user(self.officer_b).action_classify()
        with self.assertRaises(AccessError):
            item.with_user(self.user_emp).action_classify()
        item.with_user(self.manager).action_classify()
        self.assertEqual(item.state, "classified")

    def test_cancel_needs_a_reason(self):
        item = self._item()
        with self.assertRaises(UserError):
            item.with_user(self.officer_a).action_cancel("")
        item.with_user(self.officer_a).action_cancel("Raised twice")
        self.assertEqual(item.state, "cancelled")
        self.assertEqual(item.cancel_reason, "Raised twice")
        with self.assertRaises(UserError):
            item.action_cancel("again")


@tagged("post_install", "-at_install")
class TestVerificationAndFeedback(LedgerCase):
    def test_implementation_items_close_only_after_verification(self):
        item = self._verifying()
        self.assertEqual(item.state, "verifying")
        with self.assertRaisesRegex(UserError, "verified"):
            item.with_user(self.officer_a).action_close()
        with self.assertRaises(UserError):
            item.with_user(self.officer_a).action_verify("")
        self.emp_worker.party_staff_representative = True
        item.with_user(self.officer_a).action_verify(
            "Checked on site with the team: fixed.",
            verifier_ids=(self.emp_other | self.emp_worker).ids,
        )
        self.assertEqual(item.state, "done")
        self.assertEqual(item.close_type, "implemented")
        self.assertEqual(item.verifier_ids, self.emp_other | self.emp_worker)
        self.assertEqual(
            item.verification_note, "Checked on site with the team: fixed."
        )
        self.assertTrue(item.date_verified)

    def test_starting_the_work_dates_it(self):
        item = self._classified(zone_id=self.zone_a.id, channel="dual_link")
        self.assertFalse(item.date_started)
        item.with_user(self.officer_a).action_start()
        self.assertTrue(item.date_started)
        # starting answers the submitter, at the same moment
        self.assertEqual(item.date_first_response, item.date_started)
        started = item.date_started
        item.action_submit_verification()
        item.with_user(self.officer_a).action_verify("Fixed.")
        self.assertLessEqual(started, item.date_verified)
        # reopened, the item keeps the day its work began
        item.with_user(self.user_emp).action_feedback("unsatisfied", "Half done")
        self.assertEqual(item.state, "in_progress")
        self.assertEqual(item.date_started, started)
        self.assertFalse(item.copy().date_started)

    def test_without_names_the_zone_employee_representatives_verify(self):
        """Worker Ma, the zone's employee representative; not Member Zhang,
        its Party member representative, nor Worker Liu, an employee of the
        zone who is no representative."""
        item = self._verifying()
        wizard = item.with_user(self.officer_a).action_open_wizard()
        self.assertEqual(wizard["context"]["default_verifier_ids"], self.emp_other.ids)
        # the wizard offers the officer (no HR rights) the representatives only
        offered = (
            self.env["hr.employee"]
            .with_user(self.officer_a)
            .search(
                [
                    ("party_staff_representative", "=", True),
                    ("id", "in", (self.emp_other | self.emp_worker | self.emp_a1).ids),
                ]
            )
        )
        self.assertEqual(offered.ids, self.emp_other.ids)
        item.with_user(self.officer_a).action_verify("Fixed.")
        self.assertEqual(item.verifier_ids, self.emp_other)

    def test_a_key_project_item_is_verified_by_the_projects_representatives(self):
        rep = self.env["hr.employee"].create(
            {"name": "Welder Qian", "party_staff_representative": True}
        )
        project = self.env["party.practical.project"].create(
            {
                "name": "Covered walkways",
                "branch_id": self.branch_a.id,
                "measures": "Roofs over the walkways",
                "responsible_id": self.emp_a2.id,
                "date_deadline": "2026-12-31",
                # a Party member among them does not verify
                "representative_ids": [Command.set((rep | self.emp_a1).ids)],
            }
        )
        item = self._verifying(
            difficulty="hard", route="key_project", project_id=project.id
        )
        self.assertEqual(item._default_verifiers(), rep)
        item.with_user(self.officer_a).action_verify("Roofed.")
        self.assertEqual(item.verifier_ids, rep)

    def test_only_employee_representatives_verify(self):
        item = self._verifying()
        for others in (self.emp_a1, self.emp_worker, self.emp_a1 | self.emp_other):
            with (
                self.subTest(verifiers=others.mapped("name")),
                self.assertRaisesRegex(UserError, "only employee representatives"),
            ):
                item.with_user(self.officer_a).action_verify(
                    "Fixed.", verifier_ids=others.ids
                )
        self.assertEqual(item.state, "verifying")
        self.assertFalse(item.verifier_ids)
        self.assertFalse(item.date_verified)

    def test_without_representatives_the_officer_names_them(self):
        item = self._verifying(zone_id=False, channel="team_meeting")
        self.assertFalse(item._default_verifiers())
        with self.assertRaisesRegex(UserError, "name the employee representatives"):
            item.with_user(self.officer_a).action_verify("Fixed.")
        self.assertEqual(item.state, "verifying")
        # a zone without employee representatives neither names anyone
        self.emp_other.party_staff_representative = False
        zoned = self._verifying()
        with self.assertRaisesRegex(UserError, "name the employee representatives"):
            zoned.with_user(self.officer_a).action_verify("Fixed.")
        self.assertEqual(zoned.state, "verifying")
        self.emp_other.party_staff_representative = True
        item.with_user(self.officer_a).action_verify(
            "Fixed.", verifier_ids=self.emp_other.ids
        )
        self.assertEqual(item.verifier_ids, self.emp_other)

    def test_project_verification_closes_its_items(self):
        project = self.env["party.practical.project"].create(
            {
                "name": "Night meals",
                "branch_id": self.branch_a.id,
                "measures": "A night counter",
                "responsible_id": self.emp_a2.id,
                "date_deadline": "2026-12-31",
                "representative_ids": [Command.set(self.emp_other.ids)],
            }
        )
        item = self._classified(
            difficulty="hard", route="key_project", project_id=project.id
        )
        self.assertEqual(item.date_deadline, fields.Date.to_date("2026-12-31"))
        project.action_start()
        project.action_submit_verification()
        self.assertEqual(item.state, "in_progress")
        self.assertTrue(item.date_started)
        with self.assertRaises(UserError):
            project.action_verify("")
        with self.assertRaisesRegex(UserError, "only employee representatives"):
            project.action_verify("Hot meals.", verifier_ids=self.emp_a1.ids)
        self.assertEqual(project.state, "verifying")
        project.action_verify("The night shift eats hot meals now.")
        self.assertEqual(project.state, "done")
        self.assertEqual(project.verifier_ids, self.emp_other)
        self.assertEqual(item.state, "done")
        self.assertEqual(item.close_type, "implemented")
        self.assertEqual(item.verifier_ids, self.emp_other)

    def test_a_project_without_employee_representatives_names_them(self):
        project = self.env["party.practical.project"].create(
            {
                "name": "Bicycle shed",
                "branch_id": self.branch_a.id,
                "measures": "A roofed shed by the gate",
                "responsible_id": self.emp_a2.id,
                "date_deadline": "2026-12-31",
                "representative_ids": [Command.set(self.emp_worker.ids)],
            }
        )
        project.action_start()
        project.action_submit_verification()
        wizard = project.action_open_wizard()
        self.assertEqual(wizard["context"]["default_verifier_ids"], [])
        with self.assertRaisesRegex(UserError, "Name the employee representatives"):
            project.action_verify("Built.")
        self.assertEqual(project.state, "verifying")
        project.action_verify("Built.", verifier_ids=self.emp_other.ids)
        self.assertEqual(project.verifier_ids, self.emp_other)

    def test_unsatisfied_feedback_reopens_under_supervision(self):
        item = self._done()
        messages_before = item.message_ids
        with self.assertRaises(AccessError):
            item.with_user(self.user_other).action_feedback("unsatisfied", "No")
        item.with_user(self.user_emp).action_feedback(
            "unsatisfied", "Only half of the lamps were changed."
        )
        self.assertEqual(item.state, "in_progress")
        self.assertEqual(item.reopen_count, 1)
        self.assertTrue(item.is_supervised)
        self.assertFalse(item.close_type)
        self.assertEqual(item.satisfaction, "unsatisfied")
        self.assertIn(self.user_sup.partner_id, item.message_partner_ids)
        activity = item.activity_ids.filtered(lambda a: a.user_id == self.user_sup)
        self.assertEqual(len(activity), 1)
        # nothing is lost: the old messages and the verification stay
        self.assertLess(messages_before, item.message_ids)
        self.assertEqual(item.verification_note, "Fixed.")
        # the second round
        item.action_submit_verification()
        item.with_user(self.officer_a).action_verify("All lamps changed now.")
        item.with_user(self.user_emp).action_feedback("satisfied")
        self.assertEqual(item.state, "done")
        self.assertEqual(item.reopen_count, 1)

    def test_feedback_is_given_once(self):
        item = self._done()
        item.with_user(self.user_emp).action_feedback("very_satisfied", "Great")
        with self.assertRaisesRegex(UserError, "already been rated"):
            item.with_user(self.user_emp).action_feedback("satisfied")
        self.assertEqual(item.satisfaction, "very_satisfied")
        self.assertEqual(item.feedback_comment, "Great")
        self.assertEqual(item.state, "done")

    def test_feedback_needs_a_closed_item_and_a_known_level(self):
        with self.assertRaises(UserError):
            self._item().action_feedback("satisfied")
        item = self._done()
        with self.assertRaises(UserError):
            item.action_feedback("delighted")
        item.action_feedback("basic")
        self.assertEqual(item.satisfaction, "basic")


@tagged("post_install", "-at_install")
class TestAudit(LedgerCase):
    def test_closed_items_do_not_change_silently(self):
        item = self._item(kind="explanation")
        item.action_classify()
        item.action_reply("Explained at the branch meeting.", close=True)
        with self.assertRaisesRegex(UserError, "is closed"):
            item.with_user(self.officer_a).write({"reply": "Something else"})
        with self.assertRaisesRegex(UserError, "is closed"):
            item.with_user(self.manager).write({"date_deadline": "2027-01-01"})
        number = item.name
        with self.assertRaisesRegex(UserError, "is closed"):
            item.with_user(self.officer_a).write({"name": "YJ-OTHER"})
        self.assertEqual(item.name, number)
        # supervision may still be added, with its button (sealed field)
        with self.assertRaises(UserError):
            item.with_user(self.officer_a).write({"is_supervised": True})
        self.assertFalse(item.is_supervised)
        item.with_user(self.officer_a).action_supervise()
        self.assertTrue(item.is_supervised)

    def test_making_an_item_anonymous_leaves_no_name_in_the_chatter(self):
        item = self._item().with_context(tracking_disable=False)
        self.env.cr.precommit.run()  # as if created in an earlier transaction
        item.with_user(self.manager).write({"is_anonymous": True})
        self.assertFalse(item.employee_id)
        self.assertEqual(item.submitter_id, self.emp_worker)
        self.env.cr.precommit.run()  # tracking messages are written at commit
        values = self.env["mail.tracking.value"].search(
            [
                ("mail_message_id.model", "=", "party.suggestion"),
                ("mail_message_id.res_id", "=", item.id),
            ]
        )
        self.assertFalse(values.filtered(lambda v: v.field_id.name == "employee_id"))
        self.assertIn("is_anonymous", values.field_id.mapped("name"))

    def test_zone_dual_link_rules(self):
        Zone = self.env["party.zone"]
        with self.assertRaisesRegex(ValidationError, "two different people"):
            Zone.create(
                {
                    "name": "Same person",
                    "branch_id": self.branch_a.id,
                    "representative_id": self.member_officer_a.id,
                    "committee_member_id": self.member_officer_a.id,
                }
            )
        with self.assertRaisesRegex(ValidationError, "does not sit on the committee"):
            Zone.create(
                {
                    "name": "Wrong committee",
                    "branch_id": self.branch_a.id,
                    "representative_id": self.member_a1.id,
                    "committee_member_id": self.member_a2.id,
                }
            )
        with self.assertRaisesRegex(ValidationError, "belongs to"):
            self._item(zone_id=self.zone_a.id, branch_id=self.branch_b.id)


@tagged("post_install", "-at_install")
class TestUniqueness(LedgerCase):
    def test_a_key_project_has_one_task_per_month(self):
        project = self.env["party.practical.project"].create(
            {
                "name": "Night canteen",
                "branch_id": self.branch_a.id,
                "milestone_ids": [Command.create({"month": "2026-06-01", "task": "A"})],
            }
        )
        Task = self.env["party.practical.milestone"]
        # the 17th is cut to the 1st: the same month
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            Task.create({"project_id": project.id, "month": "2026-06-17", "task": "B"})
            self.env.flush_all()
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            project.write(
                {
                    "milestone_ids": [
                        Command.create({"month": "2026-07-01", "task": "C"}),
                        Command.create({"month": "2026-07-09", "task": "D"}),
                    ]
                }
            )
            self.env.flush_all()
        Task.create({"project_id": project.id, "month": "2026-07-17", "task": "B"})
        other = project.copy({"name": "Day canteen"})
        Task.create({"project_id": other.id, "month": "2026-06-01", "task": "A"})
        self.assertEqual(len(project.milestone_ids), 2)

    def test_tag_names_are_unique_in_each_language(self):
        Tag = self.env["party.suggestion.tag"]
        safety = Tag.create({"name": "Safety"})
        with self.assertRaises(ValidationError):
            Tag.create({"name": "Safety"})
        with self.assertRaises(ValidationError):
            Tag.create([{"name": "Canteen"}, {"name": "Canteen"}])
        canteen = Tag.create({"name": "Canteen"})
        with self.assertRaises(ValidationError):
            canteen.name = "Safety"
        # an archived tag keeps its name
        safety.action_archive()
        with self.assertRaises(ValidationError):
            Tag.create({"name": "Safety"})
        # the name is compared in the language it is written in
        self.env["res.lang"]._activate_lang("zh_CN")
        canteen.with_context(lang="zh_CN").name = "食堂"
        with self.assertRaises(ValidationError):
            Tag.with_context(lang="zh_CN").create({"name": "食堂"})
        Tag.with_context(lang="zh_CN").create({"name": "安全"})
