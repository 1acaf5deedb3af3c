"""The assessment as an Excel file (issue 15): the ledger in the
superiors' layout and the 公示 sheet, read back with openpyxl; who may
export which branches, through the model and over HTTP."""

import io

import openpyxl

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .test_assessment import AssessmentCase

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def sheet_rows(content, index):
    book = openpyxl.load_workbook(io.BytesIO(content))
    return [list(row) for row in book.worksheets[index].iter_rows(values_only=True)]


class AssessmentExportCase(AssessmentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._other_company_and_hr_user("aexp")
        cls.assessment = cls._assessment(cls, combine_method="average")
        cls.assessment.action_compute()
        cls.assessment.action_publish()

    def _file(self, user, branches=None, assessment=None):
        Xlsx = self.env["party.points.assessment.xlsx"].with_user(user)
        return Xlsx._assessment_file(
            (assessment or self.assessment).with_user(user),
            (branches or self.env["party.branch"]).with_user(user),
        )


@tagged("post_install", "-at_install")
class TestAssessmentExport(AssessmentExportCase):
    def test_ledger_in_the_superiors_layout(self):
        filename, content = self._file(self.manager)
        self.assertEqual(filename, "Assessment 2031 H1.xlsx")
        rows = sheet_rows(content, 0)
        self.assertEqual(rows[0][0], "Annual Assessment Ledger: 2031 H1")
        header = rows[2]
        self.assertEqual(
            header,
            [
                "No.",
                "Branch",
                "Full Name",
                "Category",
                "2031 Q1",
                "2031 Q2",
                "Year Points",
                "Votes Excellent",
                "Votes Qualified",
                "Votes Basically Qualified",
                "Votes Unqualified",
                "Composite",
                "One-vote Veto",
                "Proposed Grade",
                "Final Grade",
                "Rank in Branch",
                "Objections",
                "Objection Outcome",
            ],
        )
        by_name = {row[2]: row for row in rows[3:-1]}
        wu = by_name["Member Wu"]
        self.assertEqual(wu[1], "Test Committee / Branch A")
        self.assertEqual(wu[3], "Full Member")
        self.assertEqual(wu[4:7], [90, 90, 90])
        self.assertEqual(wu[11], 90)
        self.assertEqual((wu[13], wu[14], wu[15]), ("Excellent", "Excellent", 1))
        zheng = by_name["Member Zheng"]
        self.assertEqual(zheng[4:7], [90, 85, 87.5])
        self.assertEqual(by_name["Member Sun"][3], "Exempt")
        self.assertIn("Member Zhao", by_name, "the committee exports every branch")
        total = rows[-1]
        self.assertEqual(total[0], "Total")
        self.assertEqual(total[1], f"{len(rows) - 4} members")

    def test_objections_and_the_notice_sheet(self):
        line = self.assessment.line_ids.filtered(
            lambda line: line.member_id == self.member_a1
        )
        objection = (
            self.env["party.points.assessment.objection"]
            .with_user(self.user_a1)
            .create({"line_id": line.id, "reason": "漏登会议"})
        )
        objection.with_user(self.officer_a).write({"answer": "已核实"})
        objection.with_user(self.officer_a).action_answer()
        objection.with_user(self.manager).write(
            {"decision_note": "改为合格", "new_grade": "qualified"}
        )
        objection.with_user(self.manager).action_uphold()
        _name, content = self._file(self.officer_a)
        rows = sheet_rows(content, 0)
        zhang = next(row for row in rows[3:-1] if row[2] == "Member Zhang")
        self.assertEqual((zhang[13], zhang[14]), ("Basically Qualified", "Qualified"))
        self.assertEqual((zhang[16], zhang[17]), (1, "Upheld 1"))
        self.assertEqual(rows[-1][16], "=SUBTOTAL(109,Q4:Q8)")
        notice = sheet_rows(content, 1)
        self.assertEqual(
            notice[2], ["No.", "Branch", "Full Name", "Grade", "Rank in Branch"]
        )
        self.assertEqual(
            [row[2:] for row in notice[3:5]],
            [["Member Wu", "Excellent", 1], ["Member Zheng", "Qualified", 2]],
        )
        zhang = next(row for row in notice[3:] if row[2] == "Member Zhang")
        self.assertEqual(zhang[3], "Qualified", "the line as changed and re-published")

    def test_no_rank_anywhere_when_ranking_is_off(self):
        assessment = self._assessment(
            name="2031 不排名", combine_method="average", ranking_enabled=False
        )
        assessment.action_compute()
        _name, content = self._file(self.manager, assessment=assessment)
        ledger, notice = sheet_rows(content, 0), sheet_rows(content, 1)
        self.assertNotIn("Rank in Branch", ledger[2])
        self.assertEqual(notice[2], ["No.", "Branch", "Full Name", "Grade"])
        # unranked: by branch and name, not by composite
        names = [row[2] for row in notice[3:] if row[1].endswith("Branch A")]
        self.assertEqual(names, sorted(names))

    def test_an_officer_exports_only_their_branches(self):
        _name, content = self._file(self.officer_a)
        names = {row[2] for row in sheet_rows(content, 0)[3:-1]}
        self.assertIn("Member Wu", names)
        self.assertNotIn("Member Zhao", names)
        notice = {row[2] for row in sheet_rows(content, 1)[3:]}
        self.assertNotIn("Member Zhao", notice)
        with self.assertRaises(AccessError):
            self._file(self.officer_a, branches=self.branch_b)
        with self.assertRaises(AccessError):
            self._file(self.officer_a, branches=self.branch_a | self.branch_b)

    def test_members_outsiders_and_other_companies_export_nothing(self):
        for user in (self.user_a1, self.hr_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._file(user)
        with self.assertRaises(AccessError):
            self._file(self.other_committee)
        with self.assertRaises(AccessError):
            self._file(self.manager, branches=self.other_branch)
        # the button checks before the download
        action = self.assessment.with_user(self.officer_a).action_export_xlsx()
        self.assertIn(f"assessment_id={self.assessment.id}", action["params"]["url"])
        with self.assertRaises(AccessError):
            self.assessment.with_user(self.user_a1).action_export_xlsx()


@tagged("post_install", "-at_install")
class TestAssessmentExportRoute(AssessmentExportCase, HttpCase):
    def _get(self, login, **params):
        self.authenticate(login, login)
        query = "&".join(f"{key}={value}" for key, value in params.items())
        return self.url_open(f"/party_points/assessment/export?{query}")

    def test_officer_downloads_their_branch(self):
        response = self._get("party_officer_a", assessment_id=self.assessment.id)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], XLSX)
        self.assertEqual(
            response.headers["Content-Disposition"],
            "attachment; filename*=UTF-8''Assessment%202031%20H1.xlsx",
        )
        names = {row[2] for row in sheet_rows(response.content, 0)[3:-1]}
        self.assertIn("Member Wu", names)
        self.assertNotIn("Member Zhao", names)

    def test_others_cannot_download(self):
        crafted = self._get(
            "party_officer_b",
            assessment_id=self.assessment.id,
            branch_ids=self.branch_a.id,
        )
        self.assertEqual(crafted.status_code, 403)
        self.assertNotEqual(crafted.content[:2], b"PK")
        own = self._get("party_officer_b", assessment_id=self.assessment.id)
        names = {row[2] for row in sheet_rows(own.content, 0)[3:-1]}
        self.assertNotIn("Member Wu", names)
        member = self._get("party_member_a1", assessment_id=self.assessment.id)
        self.assertEqual(member.status_code, 403)
        other = self._get("aexp_other_committee", assessment_id=self.assessment.id)
        self.assertEqual(other.status_code, 403)
        self.assertNotEqual(other.content[:2], b"PK")

    def test_malformed_ids(self):
        response = self._get("party_officer_a", assessment_id="x")
        self.assertEqual(response.status_code, 400)
