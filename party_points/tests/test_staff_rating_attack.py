"""Issue 16: the walls of the staff rating. Nobody reads a ballot or a
response, nor ties one to the other (the committee, officers, members,
portal users, an administrator with the usual groups); the comments are
read by the committee only, without author, once the round is closed and
for branches of five respondents or more; the round's state and results are
written by its buttons only; another company sees nothing."""

from odoo import SUPERUSER_ID, Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged
from odoo.tools import SQL, mute_logger

from .test_staff_rating import GOOD, StaffRatingCase

SECRET = ("party.staff.rating.response", "party.staff.rating.ballot")


@tagged("post_install", "-at_install")
class TestStaffRatingAttack(StaffRatingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._other_company_and_hr_user("rating")
        cls.admin = new_test_user(
            cls.env,
            "rating_admin",
            groups="base.group_system,hr.group_hr_manager,"
            "party_points.group_party_manager",
            name="Admin Guo",
        )
        cls.round.action_open()
        cls.round.with_user(cls.user_a1).action_rate(cls.branch_a.id, GOOD, "意见")
        cls.round.with_user(cls.portal_user).action_rate(cls.branch_b.id, GOOD)

    def _everyone(self):
        return (
            self.admin,
            self.manager,
            self.officer_a,
            self.user_a1,
            self.portal_user,
            self.hr_user,
            self.other_committee,
        )

    @mute_logger("odoo.addons.base.models.ir_model", "odoo.models")
    def test_nobody_reads_responses_or_ballots(self):
        for model in SECRET:
            records = self.env[model].sudo().search([("round_id", "=", self.round.id)])
            self.assertTrue(records)
            for user in self._everyone():
                Model = self.env[model].with_user(user)
                for attempt in (
                    lambda Model=Model: Model.search([]),
                    lambda Model=Model: Model.search_count([]),
                    lambda Model=Model: Model.search_read([], ["round_id"]),
                    lambda Model=Model: Model.read_group(
                        [], ["round_id"], ["round_id"]
                    ),
                    lambda Model=Model: Model._read_group(
                        [], ["round_id"], ["__count"]
                    ),
                    lambda Model=Model, r=records: Model.browse(r.ids).read(
                        ["create_date"]
                    ),
                    lambda Model=Model: Model.create(
                        {"round_id": self.round.id, "company_id": self.env.company.id}
                    ),
                    lambda Model=Model, r=records: Model.browse(r.ids).unlink(),
                ):
                    with self.assertRaises(AccessError, msg=f"{model} as {user.login}"):
                        attempt()

    @mute_logger("odoo.addons.base.models.ir_model", "odoo.models")
    def test_no_path_from_round_or_employee_to_a_response(self):
        """No field of a readable record leads to a response or a ballot."""
        readable = (
            "party.staff.rating.round",
            "party.staff.rating.result",
            "party.staff.rating.comment",
            "party.branch",
            "hr.employee",
            "res.users",
        )
        for model in readable:
            for field in self.env[model]._fields.values():
                self.assertNotIn(
                    field.comodel_name, SECRET, f"{model}.{field.name} leads to them"
                )
        # nor does a search through a relation
        for user in (self.admin, self.manager):
            with self.assertRaises(AccessError):
                self.env["party.staff.rating.ballot"].with_user(user).search(
                    [("employee_id", "=", self.emp_a1.id)]
                )

    def test_log_columns_name_nobody(self):
        """The superuser and the round's first day on every response,
        comment and ballot: who and when never match a rater."""
        self.env.flush_all()
        for table in (
            "party_staff_rating_response",
            "party_staff_rating_comment",
            "party_staff_rating_ballot",
        ):
            self.env.cr.execute(
                SQL(
                    """SELECT DISTINCT create_uid, write_uid, create_date,
                        write_date FROM %s WHERE round_id = %s""",
                    SQL.identifier(table),
                    self.round.id,
                )
            )
            rows = self.env.cr.fetchall()
            self.assertEqual(len(rows), 1, table)
            create_uid, write_uid, create_date, write_date = rows[0]
            self.assertEqual((create_uid, write_uid), (SUPERUSER_ID, SUPERUSER_ID))
            self.assertEqual(create_date, write_date)
            self.assertEqual(str(create_date), "2031-01-01 00:00:00")

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.models")
    def test_comments_only_for_the_committee_after_the_close(self):
        Comment = self.env["party.staff.rating.comment"]
        comment = Comment.sudo().search([("round_id", "=", self.round.id)])
        self.assertEqual(len(comment), 1)
        # open round: nobody, the committee included
        self.assertFalse(
            Comment.with_user(self.manager)
            .search([])
            .filtered(lambda c: c.round_id == self.round)
        )
        with self.assertRaises(AccessError):
            comment.with_user(self.manager).read(["body"])
        self._rate_many(self.round, 4, self.branch_a, score=3)
        self.round.with_user(self.manager).action_close()
        self.assertEqual(comment.with_user(self.manager).body, "意见")
        for user in (self.officer_a, self.user_a1, self.portal_user, self.hr_user):
            with self.assertRaises(AccessError, msg=user.login):
                comment.with_user(user).read(["body"])
        with self.assertRaises(AccessError):
            comment.with_user(self.other_committee).read(["body"])
        # no comment field names anyone but the superuser
        self.assertEqual(comment.with_user(self.manager).create_uid.id, SUPERUSER_ID)
        with self.assertRaises(AccessError):
            comment.with_user(self.manager).write({"body": "changed"})

    @mute_logger(
        "odoo.addons.base.models.ir_model",
        "odoo.addons.base.models.ir_rule",
        "odoo.models",
    )
    def test_results_are_read_only_and_walled(self):
        self._rate_many(self.round, 4, self.branch_a, score=3)
        self.round.with_user(self.manager).action_close()
        Result = self.env["party.staff.rating.result"]
        results = self.round.result_ids
        self.assertEqual(len(results), 2)
        self.assertEqual(
            Result.with_user(self.officer_a)
            .search([("round_id", "=", self.round.id)])
            .branch_id,
            self.branch_a,
            "an officer reads their own branches' results",
        )
        for user in (self.user_a1, self.portal_user, self.hr_user):
            with self.assertRaises(AccessError, msg=user.login):
                Result.with_user(user).search([])
        self.assertFalse(
            Result.with_user(self.other_committee).search(
                [("round_id", "=", self.round.id)]
            )
        )
        for user in (self.admin, self.manager, self.officer_a):
            with self.assertRaises(AccessError, msg=user.login):
                results.with_user(user).write({"avg_overall": 5, "is_shown": True})
            with self.assertRaises(AccessError, msg=user.login):
                Result.with_user(user).create(
                    {"round_id": self.round.id, "branch_id": self.branch_b.id}
                )
            with self.assertRaises(AccessError, msg=user.login):
                results.with_user(user).unlink()

    def test_state_is_sealed(self):
        for user in (self.admin, self.manager):
            with self.assertRaisesRegex(UserError, "only with its buttons"):
                self.round.with_user(user).write({"state": "closed"})
            with self.assertRaisesRegex(UserError, "only with its buttons"):
                self.env["party.staff.rating.round"].with_user(user).create(
                    {
                        "name": "Forged",
                        "date_from": "2031-01-01",
                        "date_to": "2031-06-30",
                        "state": "closed",
                    }
                )
            with self.assertRaisesRegex(UserError, "no longer change"):
                self.round.with_user(user).write({"branch_ids": [Command.clear()]})
        # RPC cannot carry the workflow marker
        with self.assertRaisesRegex(UserError, "only with its buttons"):
            self.round.with_user(self.manager).with_context(
                party_workflow_seal=True
            ).write({"state": "draft"})
        for user in (self.officer_a, self.user_a1):
            with self.assertRaises(AccessError, msg=user.login):
                self.round.with_user(user).action_close()
        self.round.with_user(self.manager).action_close()
        with self.assertRaisesRegex(UserError, "is closed"):
            self.round.with_user(self.manager).write({"date_to": "2031-12-31"})
        with self.assertRaisesRegex(UserError, "only a draft round"):
            self.round.with_user(self.manager).unlink()

    @mute_logger(
        "odoo.addons.base.models.ir_model",
        "odoo.addons.base.models.ir_rule",
        "odoo.models",
    )
    def test_members_and_officers_cannot_post_or_edit(self):
        with self.assertRaises(AccessError):
            self.round.with_user(self.officer_a).message_post(body="谁评了？")
        with self.assertRaises(AccessError):
            self.round.with_user(self.officer_a).write({"name": "x"})
        for user in (self.user_a1, self.portal_user):
            with self.assertRaises(AccessError, msg=user.login):
                self.round.with_user(user).read(["respondent_count"])
        self.round.with_user(self.manager).message_post(body="请大家参加评议")

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.models")
    def test_other_company(self):
        with self.assertRaises(AccessError):
            self.round.with_user(self.other_committee).read(["name"])
        self.assertFalse(
            self.env["party.staff.rating.round"]
            .with_user(self.other_committee)
            .search([("id", "=", self.round.id)])
        )
        employee = self.env["hr.employee"].create(
            {
                "name": "Outsider Bai",
                "company_id": self.other_company.id,
                "user_id": self.other_committee.id,
            }
        )
        self.env["party.member"].create(
            {"employee_id": employee.id, "branch_id": self.other_branch.id}
        )
        with self.assertRaisesRegex(UserError, "another company"):
            self.round.with_user(self.other_committee).action_rate(
                self.other_branch.id, GOOD
            )
        with self.assertRaises(UserError):
            self.env["party.staff.rating.round"].create(
                {
                    "name": "Mixed",
                    "date_from": "2031-01-01",
                    "date_to": "2031-06-30",
                    "branch_ids": [Command.set(self.other_branch.ids)],
                }
            )
