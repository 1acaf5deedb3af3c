"""Issue 11, section 2: the walls between companies, branches and people,
tried as a member, a portal member, an officer of another branch, an HR user
without Party rights and the Party committee of another company, through the
ORM and through HTTP."""

import io

import openpyxl

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.party_points import compat

from .common import PointsCase

RANK_FIELDS = ("rank_in_branch", "rank_overall")


@tagged("post_install", "-at_install")
class TestAttackWalls(PointsCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._other_company_and_hr_user("walls")
        employee = cls.env["hr.employee"].create(
            {"name": "Member Bai", "company_id": cls.other_company.id}
        )
        cls.other_member = cls.env["party.member"].create(
            {"employee_id": employee.id, "branch_id": cls.other_branch.id}
        )
        cls.other_ruleset, cls.company_ruleset = cls.env["party.points.ruleset"].create(
            [
                {"name": "Other Rules", "company_id": cls.other_company.id},
                {"name": "Main Plant Rules", "company_id": cls.env.company.id},
            ]
        )
        cls.other_rule, cls.company_rule = (
            cls.env["party.points.rule"].create(
                {
                    "name": "Meeting",
                    "code": "MEET",
                    "ruleset_id": ruleset.id,
                    "points": 2,
                    "category_id": cls.env["party.points.category"]
                    .create({"name": "Study", "ruleset_id": ruleset.id})
                    .id,
                }
            )
            for ruleset in (cls.other_ruleset, cls.company_ruleset)
        )
        cls.other_period = cls.env["party.points.period"].create(
            {
                "name": "Other 2031 Q1",
                "ruleset_id": cls.other_ruleset.id,
                "date_start": "2031-01-01",
                "date_end": "2031-03-31",
                "company_id": cls.other_company.id,
            }
        )
        # a portal member of branch A, bound to their employee at grant time
        cls.emp_portal = cls.env["hr.employee"].create({"name": "Member Xu"})
        cls.user_portal = new_test_user(
            cls.env,
            "walls_portal_member",
            groups="base.group_portal",
            partner_id=cls.emp_portal.work_contact_id.id,
        )
        cls.user_portal._party_link_employees()
        cls.member_portal = cls.env["party.member"].create(
            {"employee_id": cls.emp_portal.id, "branch_id": cls.branch_a.id}
        )
        cls.exemption = cls.env["party.points.exemption"].create(
            {
                "member_id": cls.member_b1.id,
                "period_id": cls.period.id,
                "reason": "Seconded abroad",
            }
        )

    def _closed(self):
        self._entry(self.member_a1, self.r_meet, quantity=2)
        self._entry(self.member_a2, self.r_meet)
        self._entry(self.member_portal, self.r_meet)
        self._entry(self.member_b1, self.r_absent)
        return self._close()

    def _get(self, user, url):
        self.authenticate(user.login, user.login)
        with mute_logger("odoo.http"):
            return self.url_open(url)

    def _export_url(self, kind="ledger", period=None, **params):
        params = dict(period_id=(period or self.period).id, **params)
        query = "&".join(f"{key}={value}" for key, value in params.items())
        return f"/party_points/export/{kind}?{query}"

    def assertNoFile(self, response):
        self.assertIn(response.status_code, (400, 403, 404))
        self.assertNotEqual(response.content[:2], b"PK")

    # ------------------------------------------------------------------
    # companies
    # ------------------------------------------------------------------
    def test_committee_of_another_company_reads_nothing_of_ours(self):
        results = self._closed()
        entry = self.period.entry_ids[:1]
        records = (
            self.branch_a,
            self.member_a1,
            self.period,
            entry,
            results[self.member_a1],
            self.exemption,
            self.company_ruleset,
            self.company_rule,
            self.company_rule.category_id,
        )
        for record in records:
            as_other = record.with_user(self.other_committee)
            self.assertFalse(as_other.search([("id", "=", record.id)]), record._name)
            with self.assertRaises(AccessError, msg=record._name):
                as_other.read(["display_name"])
            self.assertFalse(
                as_other.search([("company_id", "=", self.env.company.id)]),
                record._name,
            )
            # a result reads its company through its period (not stored):
            # grouped by period, none of ours shows
            field, ours = (
                ("company_id", self.env.company.id)
                if record._fields["company_id"].store
                else ("period_id", self.period.id)
            )
            groups = as_other.read_group([], ["id:count"], [field])
            shown = [group[field] and group[field][0] for group in groups]
            self.assertNotIn(ours, shown, record._name)
        # shared rule books (no company) stay readable by every committee
        self.assertTrue(self.ruleset.with_user(self.other_committee).read(["name"]))

    def test_committee_of_another_company_writes_nothing_of_ours(self):
        Exemption = self.env["party.points.exemption"].with_user(self.other_committee)
        with self.assertRaises(AccessError):
            Exemption.create(
                {
                    "member_id": self.member_a1.id,
                    "period_id": self.period.id,
                    "reason": "Let them off",
                }
            )
        with self.assertRaises(AccessError):
            self.exemption.with_user(self.other_committee).write({"reason": "Changed"})
        with self.assertRaises(AccessError):
            self.period.with_user(self.other_committee).action_close()
        self.assertEqual(self.exemption.reason, "Seconded abroad")
        self.assertEqual(self.period.state, "open")
        self.assertFalse(
            self.env["party.points.exemption"].search(
                [("member_id", "=", self.member_a1.id)]
            )
        )

    def test_records_of_two_companies_never_meet(self):
        """check_company: no exemption, period or entry mixes companies."""
        with self.assertRaises(UserError):
            self.env["party.points.exemption"].create(
                {
                    "member_id": self.other_member.id,
                    "period_id": self.period.id,
                    "reason": "Mixed",
                }
            )
        with self.assertRaises(UserError):
            self.env["party.points.period"].create(
                {
                    "name": "Mixed",
                    "ruleset_id": self.other_ruleset.id,
                    "date_start": "2032-01-01",
                    "date_end": "2032-03-31",
                }
            )
        with self.assertRaises(UserError):
            self.other_period.branch_ids = [Command.set(self.branch_a.ids)]
        with self.assertRaises(UserError):
            self.env["party.points.entry"].create(
                {"member_id": self.member_a1.id, "rule_id": self.other_rule.id}
            )
        self.assertFalse(self.other_period.branch_ids)

    def test_committee_of_another_company_exports_nothing_of_ours(self):
        self._closed()
        Export = self.env["party.points.export"].with_user(self.other_committee)
        Branch, Member = self.env["party.branch"], self.env["party.member"]
        attempts = [
            ("ledger", self.period, Branch, Member),
            ("ledger", self.period, self.branch_a, Member),
            ("member", self.period, Branch, self.member_a1),
            # their own period, our branch or member
            ("ledger", self.other_period, self.branch_a, Member),
            ("member", self.other_period, Branch, self.member_a1),
        ]
        for kind, period, branches, member in attempts:
            with self.assertRaises(AccessError, msg=(kind, period.name)):
                Export._export_file(kind, period, branches, member)
        urls = [
            self._export_url(),
            self._export_url(branch_ids=self.branch_a.id),
            self._export_url("member", member_id=self.member_a1.id),
            self._export_url("ledger", self.other_period, branch_ids=self.branch_a.id),
        ]
        for url in urls:
            self.assertNoFile(self._get(self.other_committee, url))
        # their own company's ledger still comes
        response = self._get(
            self.other_committee, self._export_url("ledger", self.other_period)
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content[:2], b"PK")

    def test_members_ledger_names_no_other_companys_period(self):
        self._closed()
        Export = self.env["party.points.export"]
        for user, member in (
            (self.user_a1, self.member_a1),
            (self.user_portal, self.member_portal),
        ):
            with self.assertRaises(AccessError):
                Export.with_user(user)._export_file(
                    "member", self.other_period, self.env["party.branch"], member
                )
            response = self._get(
                user, self._export_url("member", self.other_period, member_id=member.id)
            )
            self.assertNoFile(response)
            self.assertNotIn(b"Other 2031 Q1", response.content)
            # their own period's ledger comes
            response = self._get(user, self._export_url("member", member_id=member.id))
            self.assertEqual(response.status_code, 200)

    # ------------------------------------------------------------------
    # branches and people
    # ------------------------------------------------------------------
    def test_officer_of_another_branch_exports_nothing_of_branch_a(self):
        self._closed()
        Export = self.env["party.points.export"].with_user(self.officer_b)
        with self.assertRaises(AccessError):
            Export._export_file(
                "ledger", self.period, self.branch_a, self.env["party.member"]
            )
        with self.assertRaises(AccessError):
            Export._export_file(
                "member", self.period, self.env["party.branch"], self.member_a1
            )
        for url in (
            self._export_url(branch_ids=self.branch_a.id),
            self._export_url("member", member_id=self.member_a1.id),
        ):
            self.assertNoFile(self._get(self.officer_b, url))

    def test_hr_user_without_party_rights_reads_and_exports_nothing(self):
        results = self._closed()
        for record in (self.period.entry_ids[:1], results[self.member_a1], self.period):
            with self.assertRaises(AccessError, msg=record._name):
                record.with_user(self.hr_user).read(["display_name"])
        with self.assertRaises(AccessError):
            self.member_a1.with_user(self.hr_user).read(["name"])
        with self.assertRaises(AccessError):
            self.env["party.points.export"].with_user(self.hr_user)._export_file(
                "ledger", self.period, self.branch_a, self.env["party.member"]
            )
        for url in (
            self._export_url(branch_ids=self.branch_a.id),
            self._export_url("member", member_id=self.member_a1.id),
        ):
            self.assertNoFile(self._get(self.hr_user, url))

    # ------------------------------------------------------------------
    # hidden ranks
    # ------------------------------------------------------------------
    def _try_every_rank_probe(self, user, result):
        """Every way a client asks for ranks: read, search domains, sorting,
        grouping, aggregates, export. Each one must be refused."""
        Result = self.env["party.points.result"].with_user(user)
        mine = result.with_user(user)
        probes = {
            "read": lambda field: mine.read([field]),
            "search": lambda field: Result.search([(field, "=", 1)]),
            "search_count": lambda field: Result.search_count([(field, "<=", 1)]),
            "search_read order": lambda field: Result.search_read(
                [], ["score"], order=f"{field} desc"
            ),
            "search order": lambda field: Result.search([], order=field),
            "read_group by": lambda field: Result.read_group(
                [], ["score:avg"], [field]
            ),
            "read_group aggregate": lambda field: Result.read_group(
                [], [f"{field}:min"], ["member_id"]
            ),
            "read_group order": lambda field: Result.read_group(
                [], ["score:avg"], [field], orderby=f"{field} desc"
            ),
            "export_data": lambda field: mine.export_data([field]),
        }
        for field in RANK_FIELDS:
            self.assertNotIn(field, mine.fields_get())
            for name, probe in probes.items():
                with self.assertRaises(AccessError, msg=f"{name} {field}"):
                    probe(field)

    def test_members_can_neither_read_search_sort_group_nor_export_ranks(self):
        results = self._closed()
        self.assertEqual(results[self.member_a1].rank_in_branch, 1)
        group = self.env.ref("base.group_allow_export")
        for user, member in (
            (self.user_a1, self.member_a1),
            (self.user_portal, self.member_portal),
        ):
            user.write({compat.USER_GROUPS: [Command.link(group.id)]})
            self._try_every_rank_probe(user, results[member])
            mine = results[member].with_user(user)
            self.assertEqual(mine.visible_rank_in_branch, 0)
            self.assertEqual(mine.visible_rank_overall, 0)
            self.assertFalse(mine.show_rank)
        # when the rule book shows ranks, members read them through the
        # visible ranks, and still cannot search, sort or group on them
        self.ruleset.with_user(self.manager).rank_visible_to_members = True
        mine = results[self.member_a1].with_user(self.user_a1)
        self.assertEqual(
            mine.read(["visible_rank_in_branch"])[0]["visible_rank_in_branch"], 1
        )
        self.assertEqual(
            mine.visible_rank_overall, results[self.member_a1].rank_overall
        )
        self._try_every_rank_probe(self.user_a1, results[self.member_a1])
        # officers keep them
        theirs = results[self.member_a1].with_user(self.officer_a)
        self.assertEqual(theirs.read(["rank_in_branch"])[0]["rank_in_branch"], 1)
        self.assertTrue(
            self.env["party.points.result"]
            .with_user(self.officer_a)
            .search([("rank_in_branch", "=", 1)])
        )

    def test_members_pages_show_no_hidden_rank(self):
        self._closed()
        page = self._get(self.user_portal, "/my/points").text
        self.assertIn("2031 Q1", page)
        self.assertNotIn("Rank in branch", page)
        self.ruleset.rank_visible_to_members = True
        page = self._get(self.user_portal, "/my/points").text
        self.assertIn("Rank in branch", page)

    def test_committee_switches_ranking_off(self):
        with self.assertRaises(AccessError):
            self.ruleset.with_user(self.officer_a).ranking_enabled = False
        self.assertTrue(self.ruleset.ranking_enabled)
        self.ruleset.with_user(self.manager).write(
            {"ranking_enabled": False, "rank_visible_to_members": True}
        )
        results = self._closed()
        self.assertTrue(results[self.member_a1].score)
        # nothing is ranked, for nobody
        self.assertEqual(
            set(self.period.result_ids.mapped("rank_in_branch"))
            | set(self.period.result_ids.mapped("rank_overall")),
            {0},
        )
        for user in (self.officer_a, self.manager, self.user_a1):
            mine = results[self.member_a1].with_user(user)
            self.assertFalse(mine.show_rank)
            self.assertEqual(mine.visible_rank_in_branch, 0)
        # the export has no rank column
        _name, content = (
            self.env["party.points.export"]
            .with_user(self.manager)
            ._export_file(
                "ledger", self.period, self.branch_a, self.env["party.member"]
            )
        )
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
        cells = {
            cell
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
            for cell in row
            if isinstance(cell, str)
        }
        self.assertIn("Total Score", cells)
        self.assertNotIn("Rank", cells)
        # ... nor does the member's page
        page = self._get(self.user_portal, "/my/points").text
        self.assertNotIn("Rank in branch", page)

    def test_ranks_closed_earlier_are_not_shown_once_ranking_is_off(self):
        results = self._closed()
        mine = results[self.member_a1]
        self.assertEqual(mine.rank_in_branch, 1)
        self.ruleset.with_user(self.manager).ranking_enabled = False
        as_officer = mine.with_user(self.officer_a)
        self.assertEqual(as_officer.read(list(RANK_FIELDS))[0]["rank_in_branch"], 0)
        self.assertEqual(as_officer.visible_rank_in_branch, 0)

    # ------------------------------------------------------------------
    # the portal link
    # ------------------------------------------------------------------
    def test_a_page_view_binds_nobody(self):
        """Serving /my/points writes nothing: a portal user on an employee's
        work contact who was not granted through the wizard stays unbound,
        and sees no Party page."""
        employee = self.env["hr.employee"].create({"name": "Member Lone"})
        self.env["party.member"].create(
            {"employee_id": employee.id, "branch_id": self.branch_a.id}
        )
        user = new_test_user(
            self.env,
            "walls_unbound",
            groups="base.group_portal",
            partner_id=employee.work_contact_id.id,
        )
        for url in ("/my/points", "/my/points/claim", "/my"):
            response = self._get(user, url)
            self.assertNotIn("Current period", response.text)
        employee.invalidate_recordset(["user_id"])
        self.assertFalse(employee.user_id)
        # granting access binds the employee at once
        employee = self.env["hr.employee"].create({"name": "Member Tian"})
        member = self.env["party.member"].create(
            {"employee_id": employee.id, "branch_id": self.branch_a.id}
        )
        wizard = self.env["portal.wizard"].create(
            {"partner_ids": [Command.set(employee.work_contact_id.ids)]}
        )
        wizard.user_ids.email = "member.tian@example.com"
        wizard.user_ids.action_grant_access()
        self.assertTrue(wizard.user_ids.user_id.share)
        self.assertEqual(employee.user_id, wizard.user_ids.user_id)
        self.assertEqual(member.user_id, wizard.user_ids.user_id)

    def test_member_names_still_found_without_hr_rights(self):
        found = (
            self.env["party.member"]
            .with_user(self.officer_a)
            .name_search("Member Zhang")
        )
        self.assertIn(self.member_a1.id, [member_id for member_id, _name in found])
