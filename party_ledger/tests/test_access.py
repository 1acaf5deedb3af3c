from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.party_points.tests.common import query_bound

from .common import LedgerCase

# an upper bound: the search, the read, and the names of employees and
# branches, however many items are listed (4), plus the headroom of
# query_bound
LIST_QUERIES = query_bound(4)


@tagged("post_install", "-at_install")
class TestAccess(LedgerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.own = cls._item(title="Own item")
        cls.for_other = cls._item(title="Other's item", employee_id=cls.emp_other.id)
        cls.zone_item = cls._item(
            title="Zone item",
            employee_id=cls.emp_other.id,
            zone_id=cls.zone_a.id,
            channel="dual_link",
        )
        cls.supervised = cls._item(
            title="Supervised item",
            employee_id=cls.emp_b2.id,
            branch_id=cls.branch_b.id,
            supervisor_id=cls.emp_sup.id,
        )
        cls.branch_b_item = cls._item(
            title="Branch B item", employee_id=cls.emp_b1.id, branch_id=cls.branch_b.id
        )
        cls.all_items = (
            cls.own | cls.for_other | cls.zone_item | cls.supervised | cls.branch_b_item
        )

    def _visible(self, user):
        return self.Suggestion.with_user(user).search(
            [("id", "in", self.all_items.ids)]
        )

    def test_employees_see_only_their_own_items(self):
        self.assertEqual(self._visible(self.user_emp), self.own)
        with self.assertRaises(AccessError):
            self.for_other.with_user(self.user_emp).read(["title"])
        with self.assertRaises(AccessError):
            self.own.with_user(self.user_emp).write({"title": "Changed"})

    def test_other_employee_sees_their_items_only(self):
        self.assertEqual(
            self._visible(self.user_other), self.for_other | self.zone_item
        )
        with self.assertRaises(AccessError):
            self.own.with_user(self.user_other).read(["title"])

    def test_employees_cannot_raise_items_in_someone_elses_name(self):
        with self.assertRaises(AccessError):
            self.Suggestion.with_user(self.user_emp).create(
                {
                    "title": "In Ma's name",
                    "employee_id": self.emp_other.id,
                    "branch_id": self.branch_a.id,
                }
            )
        mine = self.Suggestion.with_user(self.user_emp).create(
            {"title": "My own", "branch_id": self.branch_a.id}
        )
        self.assertEqual(mine.employee_id, self.emp_worker)

    def test_representatives_see_their_zone(self):
        self.assertEqual(self._visible(self.user_a1), self.zone_item)

    def test_supervisors_see_and_work_what_they_supervise(self):
        self.assertEqual(self._visible(self.user_sup), self.supervised)
        self.supervised.with_user(self.user_sup).write({"reply": "On it"})
        with self.assertRaises(AccessError):
            self.branch_b_item.with_user(self.user_sup).write({"title": "x"})

    def test_officers_see_and_work_their_branches(self):
        self.assertEqual(
            self._visible(self.officer_a), self.own | self.for_other | self.zone_item
        )
        self.assertEqual(
            self._visible(self.officer_b), self.supervised | self.branch_b_item
        )
        with self.assertRaises(AccessError):
            self.own.with_user(self.officer_b).write({"urgency": "urgent"})
        with self.assertRaises(AccessError):
            self.own.with_user(self.officer_b).read(["title"])
        self.own.with_user(self.officer_a).write({"urgency": "urgent"})
        self.assertEqual(
            self.Suggestion.with_user(self.officer_a).search(
                [("id", "in", self.all_items.ids), ("is_my_branch", "=", True)]
            ),
            self.own | self.for_other | self.zone_item,
        )

    def test_committee_sees_everything(self):
        self.assertEqual(self._visible(self.manager), self.all_items)

    def test_report_follows_the_branches(self):
        Report = self.env["party.suggestion.report"]
        self.assertEqual(
            set(
                Report.with_user(self.officer_b)
                .search([("suggestion_id", "in", self.all_items.ids)])
                .mapped("suggestion_id")
                .ids
            ),
            set((self.supervised | self.branch_b_item).ids),
        )
        with self.assertRaises(AccessError):
            Report.with_user(self.user_emp).search([])

    def test_projects_are_seen_by_their_people_and_branch(self):
        project = self.env["party.practical.project"].create(
            {
                "name": "Lights",
                "branch_id": self.branch_b.id,
                "supervisor_id": self.emp_sup.id,
            }
        )
        Project = self.env["party.practical.project"]
        self.assertEqual(
            Project.with_user(self.user_sup).search([("id", "=", project.id)]), project
        )
        self.assertFalse(
            Project.with_user(self.user_emp).search([("id", "=", project.id)])
        )
        self.assertFalse(
            Project.with_user(self.officer_a).search([("id", "=", project.id)])
        )
        with self.assertRaises(AccessError):
            Project.with_user(self.officer_a).create(
                {"name": "X", "branch_id": self.branch_b.id}
            )

    def test_project_tasks_follow_their_project(self):
        """A key project's monthly tasks are seen by whoever sees the
        project; an officer of another branch neither reads nor adds them."""
        project = self.env["party.practical.project"].create(
            {
                "name": "Canteen hours",
                "branch_id": self.branch_b.id,
                "supervisor_id": self.emp_sup.id,
            }
        )
        task = self.env["party.practical.milestone"].create(
            {"project_id": project.id, "month": "2026-03-10", "task": "Survey"}
        )
        Task = self.env["party.practical.milestone"]
        for user in (self.user_sup, self.officer_b, self.manager):
            self.assertEqual(
                Task.with_user(user).search([("id", "=", task.id)]), task, user.login
            )
        for user in (self.user_emp, self.officer_a):
            self.assertFalse(
                Task.with_user(user).search([("id", "=", task.id)]), user.login
            )
            with self.assertRaises(AccessError):
                task.with_user(user).read(["task"])
        with self.assertRaises(AccessError):
            task.with_user(self.officer_a).write({"done": True})
        with self.assertRaises(AccessError):
            Task.with_user(self.officer_a).create(
                {"project_id": project.id, "month": "2026-04-01", "task": "Act"}
            )
        with self.assertRaises(AccessError):
            task.with_user(self.user_sup).write({"done": True})
        self.assertFalse(task.done)

    def test_list_read_has_a_bounded_query_count(self):
        self.env["party.suggestion"].create(
            [
                {
                    "title": f"Item {n}",
                    "employee_id": self.emp_worker.id,
                    "branch_id": self.branch_a.id,
                    "zone_id": self.zone_a.id,
                }
                for n in range(40)
            ]
        )
        names = [
            "name",
            "title",
            "employee_id",
            "channel",
            "branch_id",
            "kind",
            "urgency",
            "responsible_id",
            "date_deadline",
            "is_overdue",
            "satisfaction",
            "state",
        ]
        Suggestion = self.Suggestion.with_user(self.officer_a)
        Suggestion.search_read([], names, limit=80)  # warm the caches
        self.env.invalidate_all()
        with self.assertQueryCount(LIST_QUERIES):
            Suggestion.search_read([], names, limit=80)
