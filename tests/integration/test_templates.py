"""The import templates in data/templates load through Odoo's standard import
(``Model.load``, what the import dialog calls) without errors."""

import csv
from pathlib import Path

from odoo.tests import TransactionCase, tagged

TEMPLATES = Path(__file__).resolve().parents[2] / "data" / "templates"


@tagged("post_install", "-at_install")
class TestImportTemplates(TransactionCase):
    def _load(self, model):
        with (TEMPLATES / f"{model}.csv").open(encoding="utf-8") as fh:
            rows = list(csv.reader(fh))
        result = self.env[model].load(rows[0], rows[1:])
        self.assertFalse(
            [m for m in result["messages"] if m["type"] == "error"], result["messages"]
        )
        self.assertEqual(len(result["ids"]), len(rows) - 1)
        return self.env[model].browse(result["ids"])

    def test_rule_book_templates(self):
        ruleset = self._load("party.points.ruleset")
        categories = self._load("party.points.category")
        rules = self._load("party.points.rule")
        self.assertEqual(categories.ruleset_id, ruleset)
        self.assertEqual(rules.ruleset_id, ruleset)
        self.assertEqual(ruleset.base_score, 70)
        self.assertEqual(
            set(rules.filtered("is_veto").mapped("veto_effect")),
            {"zero", "no_excellent"},
        )
        innovation = rules.filtered(lambda rule: rule.code == "XF01")
        self.assertTrue(innovation.is_range)
        self.assertEqual(innovation.list_type, "positive")
        self.assertTrue(
            all(rule.list_type == "negative" for rule in rules.filtered("is_veto"))
        )

    def test_member_template(self):
        with (TEMPLATES / "party.member.csv").open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        Employee = self.env["hr.employee"]
        Branch = self.env["party.branch"]
        for row in rows:
            employee = Employee.search([("name", "=", row["employee_id"])])
            if not employee:
                employee = Employee.create({"name": row["employee_id"]})
            # the demo plant already holds these people: start them afresh
            self.env["party.member"].search(
                [("employee_id", "in", employee.ids)]
            ).write({"active": False})
            if not Branch.search([("name", "=", row["branch_id"])]):
                Branch.create({"name": row["branch_id"]})
        members = self._load("party.member")
        self.assertEqual(
            sorted(members.mapped("member_type")),
            ["activist", "full", "full", "probationary"],
        )
        self.assertEqual(
            set(members.branch_id.mapped("name")), {row["branch_id"] for row in rows}
        )
