"""The benchmark's generator (tools/bench, ``make bench``) at a tiny size: the
shape it promises, the stored computed columns as the ORM would fill them,
the product's close and approve working on what it made, and the measures
of the member page and the exports running on it."""

import importlib.util
from collections import Counter
from pathlib import Path

from odoo import Command
from odoo.tests import TransactionCase, tagged

from odoo.addons.party_ledger.lib import ledger_rules
from odoo.addons.party_points.lib import scoring

BENCH = Path(__file__).resolve().parents[2] / "tools" / "bench"


def _load(name):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


generate = _load("generate")
measures = _load("measures")


@tagged("post_install", "-at_install")
class TestBenchGenerator(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.size = generate.Size(
            branches=8, members=60, entries=3000, suggestions=400, seed=3
        )
        cls.data = generate.generate(cls.env, cls.size)
        cls.company = cls.data["company"]
        cls.year = cls.data["year_period"]
        cls.open = cls.data["open_period"]

    def _rows(self, query, *params):
        self.env.cr.execute(query, params)
        return self.env.cr.fetchall()

    def test_counts_and_marker(self):
        Member = self.env["party.member"]
        domain = [("company_id", "=", self.company.id)]
        self.assertEqual(Member.search_count(domain), 60)
        self.assertEqual(self.env["hr.employee"].search_count(domain), 90)
        self.assertEqual(self.env["party.branch"].search_count(domain), 8)
        self.assertEqual(self.env["party.points.entry"].search_count(domain), 3000)
        self.assertEqual(self.env["party.suggestion"].search_count(domain), 400)
        self.assertEqual(generate.existing(self.env.cr), self.size)
        self.assertEqual(generate.locate(self.env), self.data)

    def test_assessed_year(self):
        """The year before the ledger's: four closed quarters scoring every
        member between 60 and 100, assessed, with the votes counted."""
        quarters = self.data["quarters"]
        self.assertEqual(len(quarters), 4)
        self.assertEqual(set(quarters.mapped("state")), {"closed"})
        self.assertEqual(quarters[0].date_start.year, self.year.date_start.year - 1)
        self.assertEqual(self.data["assessment"].period_ids, quarters)
        scores = quarters.result_ids.mapped("score")
        self.assertEqual(len(scores), 4 * 60)
        self.assertTrue(all(60 <= score <= 100 for score in scores))
        lines = self.data["assessment"].line_ids
        self.assertEqual(len(lines), 60)
        self.assertEqual(
            {
                line.review_excellent
                + line.review_qualified
                + line.review_basic
                + line.review_unqualified
                for line in lines
            },
            {generate.VOTES_PER_MEMBER},
        )

    def test_ledger_shape(self):
        Entry = self.env["party.points.entry"]
        states = dict(
            Entry._read_group(
                [("company_id", "=", self.company.id)], ["state"], ["__count"]
            )
        )
        self.assertGreater(states["approved"], 0.9 * 3000)
        self.assertTrue(states["rejected"])
        self.assertEqual(states["submitted"], 60)
        queue = Entry.search(
            [("company_id", "=", self.company.id), ("state", "=", "submitted")]
        )
        self.assertEqual(queue.period_id, self.open)
        self.assertTrue(
            Entry.search_count(
                [("period_id", "=", self.year.id), ("is_veto", "=", True)]
            )
        )
        mirrors = Entry.search([("reversal_of_id.period_id", "=", self.year.id)])
        self.assertEqual(len(mirrors), 45)
        self.assertEqual(mirrors.reversal_of_id.reversed_by_id, mirrors)
        for mirror in mirrors[:10]:
            self.assertEqual(mirror.points, -mirror.reversal_of_id.points)

    def test_stored_columns_match_the_orm(self):
        """branch, category, list type, veto flag, period and signed points
        are what the ORM computes."""
        entries = self.env["party.points.entry"].search(
            [("company_id", "=", self.company.id)], limit=300, order="id"
        )
        periods = self.env["party.points.period"]._for_dates(
            {(entry.date, entry.branch_id.id) for entry in entries}
        )
        for entry in entries:
            rule = entry.rule_id
            self.assertEqual(entry.branch_id, entry.member_id.branch_id)
            self.assertEqual(entry.category_id, rule.category_id)
            self.assertEqual(entry.list_type, rule.list_type)
            self.assertEqual(entry.is_veto, rule.is_veto)
            self.assertEqual(entry.period_id, periods[(entry.date, entry.branch_id.id)])
            if rule.is_range:
                self.assertTrue(rule.points_min <= entry.unit_points <= rule.points_max)
            else:
                self.assertEqual(entry.unit_points, rule.points)
            self.assertAlmostEqual(
                entry.points,
                scoring.entry_points(
                    entry.unit_points,
                    entry.quantity,
                    rule.list_type,
                    reversal=bool(entry.reversal_of_id),
                ),
                places=2,
            )

    def test_no_duplicate_live_entries(self):
        live = self._rows(
            """SELECT member_id, rule_id, date, quantity FROM party_points_entry
            WHERE company_id = %s AND state <> 'rejected'
              AND reversal_of_id IS NULL AND reversed_by_id IS NULL""",
            self.company.id,
        )
        self.assertEqual(max(Counter(live).values()), 1)

    def test_suggestions_shape(self):
        Suggestion = self.env["party.suggestion"]
        items = Suggestion.search([("company_id", "=", self.company.id)])
        self.assertEqual(len(set(items.mapped("name"))), 400)
        self.assertGreater(len(set(items.mapped("channel"))), 4)
        done = items.filtered(lambda item: item.state == "done")
        self.assertGreater(len(done), 0.6 * 400)
        self.assertTrue(all(item.date_closed for item in done))
        self.assertGreater(len(done.filtered("satisfaction")), 0.9 * len(done))
        self.assertFalse(items.filtered(lambda item: item.state == "new" and item.kind))
        # online groups answer within their channel's 24 hours, as the ORM
        # computes the deadline
        online = items.filtered(lambda item: item.channel == "online_group")
        self.assertTrue(online)
        for item in online[:20]:
            self.assertEqual(
                item.response_deadline,
                ledger_rules.earliest_deadline(
                    item.date_received,
                    self.company._party_answer_clocks(item.urgency, item.channel),
                ),
            )
        # the ledger's own numbering carries on after the generated items
        new = Suggestion.create(
            {"title": "测试", "branch_id": items[0].branch_id.id, "channel": "portal"}
        )
        self.assertNotIn(new.name, items.mapped("name"))
        rates = self.env["party.suggestion.report"]._read_group(
            [("company_id", "=", self.company.id)],
            [],
            ["response_rate:avg", "satisfaction_rate:avg"],
        )[0]
        self.assertTrue(50 < rates[0] < 100 and 50 < rates[1] < 100)

    def test_close_and_approve_work_on_it(self):
        queue = self.env["party.points.entry"].search(
            [("period_id", "=", self.open.id), ("state", "=", "submitted")]
        )
        queue.action_approve()
        self.assertEqual(set(queue.mapped("state")), {"approved"})
        self.year.action_close()
        self.assertEqual(self.year.state, "closed")
        results = self.year.result_ids
        self.assertEqual(len(results), 60)
        self.assertTrue(results.filtered("vetoed").veto_entry_ids)
        sums = dict(
            self._rows(
                """SELECT member_id, sum(points) FROM party_points_entry
                WHERE period_id = %s AND state = 'approved' GROUP BY 1""",
                self.year.id,
            )
        )
        self.assertEqual(len(sums), 60)
        graded = results.filtered("grade")
        self.assertTrue(graded)
        self.assertTrue(graded.filtered("rank_overall"))

    def _bench(self):
        admin = self.env.ref("base.user_admin")
        admin.company_ids = [Command.link(self.company.id)]
        env = self.env(user=admin, context={"allowed_company_ids": self.company.ids})
        return measures.Bench(
            env, {key: value.with_env(env) for key, value in self.data.items()}, 1
        )

    def test_member_page_measure(self):
        """GET /my/points rendered in-process for a portal member; without a
        small database the page is its own floor, so the queries match."""
        page, count = measures.page_timing(self._bench())
        counts = self._rows(
            """SELECT count(*) FROM party_points_entry WHERE company_id = %s
            GROUP BY member_id""",
            self.company.id,
        )
        self.assertEqual(count, min((c for (c,) in counts), key=lambda c: abs(c - 100)))
        self.assertGreater(page.queries, 5)
        rows = measures.member_page(self._bench())
        self.assertEqual(
            [r["name"] for r in rows], ["member page", "member page queries"]
        )
        self.assertEqual(rows[1]["value"], rows[1]["floor"])
        self.assertFalse(
            self.env["res.users"].search([("login", "=like", "bench.member.%")])
        )

    def test_floor_writes_every_cell_of_the_export(self):
        """The floor's cells are the product's: each sheet's title,
        subtitle and header, then its rows."""
        Branch = self.env["party.branch"]
        member = self.env["party.member"].search(
            [("company_id", "=", self.company.id)], limit=1
        )
        with measures.recorded_cells() as sheets:
            self.env["party.points.export"]._export_file(
                "member", self.year, Branch, member
            )
        [(_sheet, rows)] = sheets
        self.assertEqual(rows[0], ["Points Entries Ledger"])
        self.assertIn(member.name, rows[1][0])
        self.assertEqual(rows[2][:3], ["No.", "Full Name", "Date"])
        self.assertEqual(rows[-1][0], "Total")
        entries = self.env["party.points.entry"].search_count(
            [("period_id", "=", self.year.id), ("member_id", "=", member.id)]
        )
        # title, subtitle, header, the entries, the totals
        self.assertEqual(len(rows), 3 + entries + 1)

    def test_export_measures(self):
        bench = self._bench()
        state = self.year.state
        ledger = measures.points_ledger_export(bench)
        self.assertEqual(
            [r["name"] for r in ledger],
            ["points ledger export", "points ledger export memory"],
        )
        self.assertEqual(ledger[0]["branches"], 8)
        self.assertGreater(ledger[0]["cells"], 60 * 10)
        self.assertEqual(self.year.state, state)  # the close was rolled back
        entries = measures.member_ledger_export(bench)
        self.assertGreater(entries[0]["entries"], 1000)
        self.assertEqual(entries[0]["sheets"], entries[0]["branches"])
        for result in (ledger[1], entries[1]):
            self.assertTrue(0 < result["value"] < 100, result)

    def test_compliance_assess_and_assessment_page_measures(self):
        """The measures of issues 14 and 15 run on the generated data and
        leave nothing behind: the floor of the compliance report gives the
        report's figures, the generated assessment counts four votes a
        member, and the pages make as many queries as themselves."""
        bench = self._bench()
        [compliance] = measures.compliance(bench)
        self.assertTrue(compliance["same_figures"], compliance)
        self.assertGreater(compliance["meetings"], 7 * 12)
        self.assertGreater(compliance["attendance"], compliance["meetings"])
        [assess] = measures.assess(bench)
        self.assertEqual(assess["members"], 60)
        self.assertEqual(assess["votes"], 4 * 60)
        self.assertEqual(assess["periods"], 4)
        pages = measures.assessment_page(bench)
        self.assertEqual(
            [r["name"] for r in pages],
            [
                "assessment page",
                "assessment page queries",
                "branch notice page queries",
            ],
        )
        self.assertEqual(pages[1]["value"], pages[1]["floor"])
        self.assertEqual(pages[2]["value"], pages[2]["floor"])
        # the generated assessment, still computed, is the company's only one
        self.assertEqual(
            self.env["party.points.assessment"].search(
                [("company_id", "=", self.company.id)]
            ),
            self.data["assessment"],
        )
        self.assertEqual(self.data["assessment"].state, "computed")
        self.assertFalse(
            self.env["party.meeting"].search([("company_id", "=", self.company.id)])
        )
