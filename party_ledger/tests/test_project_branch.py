from odoo.tests import Form, tagged

from .common import LedgerCase


@tagged("post_install", "-at_install")
class TestProjectBranch(LedgerCase):
    """A new key project starts in the officer's branch and offers only the
    branches the user works."""

    def _offered(self, user):
        Project = self.env["party.practical.project"].with_user(user)
        domain = Project._fields["branch_id"].domain
        return self.env["party.branch"].with_user(user).search(domain)

    def test_officers_are_offered_their_branches(self):
        self.assertEqual(self._offered(self.officer_a), self.branch_a)
        self.assertEqual(self._offered(self.officer_b), self.branch_b)
        committee = self._offered(self.manager)
        self.assertIn(self.branch_a, committee)
        self.assertIn(self.committee, committee)
        self.assertFalse(self._offered(self.user_emp))

    def test_new_project_defaults_to_the_officers_branch(self):
        # officer A is a member of branch A; officer B is no member, but an
        # officer of branch B
        for user, branch in (
            (self.officer_a, self.branch_a),
            (self.officer_b, self.branch_b),
        ):
            form = Form(self.env["party.practical.project"].with_user(user))
            self.assertEqual(form.branch_id, branch)
            form.name = "Night canteen"
            self.assertEqual(form.save().branch_id, branch)

    def test_can_work_is_the_officers_right(self):
        Branch = self.env["party.branch"]
        self.assertTrue(self.branch_a.with_user(self.officer_a).can_work)
        self.assertFalse(self.branch_b.with_user(self.officer_a).can_work)
        self.assertEqual(
            Branch.with_user(self.officer_a).search(
                [
                    ("id", "in", (self.branch_a | self.branch_b).ids),
                    ("can_work", "!=", True),
                ]
            ),
            self.branch_b,
        )
