"""The ledger's criteria of the star rating (issue 16): the sample
catalogue's figures, and the ledger's checks reading the same numbers as
the ledger's own report."""

from datetime import date

from odoo.tests import TransactionCase, tagged

from .common import LedgerCase


@tagged("post_install", "-at_install")
class TestLedgerRatingChecks(LedgerCase):
    def setUp(self):
        super().setUp()
        self.year = self.RECEIVED.year
        done = self._done()
        done.with_user(self.user_emp).action_feedback("satisfied")
        self._done(title="Broken lamp").with_user(self.user_emp).action_feedback(
            "unsatisfied"
        )
        self._classified(title="Noisy fan")
        self.project = self.env["party.practical.project"].create(
            {
                "name": "Coal yard dust screens",
                "branch_id": self.branch_a.id,
                "date_deadline": date(self.year, 3, 31),
            }
        )
        Criterion = self.env["party.rating.criterion"]
        self.criteria = Criterion.search(
            [
                (
                    "method",
                    "in",
                    (
                        "ledger_response_rate",
                        "ledger_closure_rate",
                        "ledger_on_time_rate",
                        "ledger_satisfaction_rate",
                        "ledger_practical_matters",
                        "ledger_key_projects",
                    ),
                )
            ]
        )
        self.rating = (
            self.env["party.branch.rating"]
            .with_user(self.officer_a)
            ._rate(self.branch_a, self.year)
        )

    def _figure(self, method):
        line = self.rating.line_ids.filtered(lambda line: line.method == method)
        return line.met, line.figure

    def test_the_sample_catalogue_has_the_seeds_figures(self):
        counts = self.env["party.rating.criterion"]._catalogue_counts()
        self.assertEqual(counts["sub_items"], 53)
        self.assertEqual(counts["automatic"], 18)
        self.assertEqual(counts["hard"], {3: 24, 4: 39, 5: 52})
        self.assertEqual(len(self.criteria), 6)
        self.assertEqual(len(self.env["party.rating.class"].search([])), 6)

    def test_the_four_rates_are_the_reports(self):
        Report = self.env["party.suggestion.report"]
        domain = [
            ("branch_id", "=", self.branch_a.id),
            ("date_received", ">=", date(self.year, 1, 1)),
        ]
        for method, field in (
            ("ledger_response_rate", "response_rate"),
            ("ledger_closure_rate", "closure_rate"),
            ("ledger_on_time_rate", "on_time_rate"),
            ("ledger_satisfaction_rate", "satisfaction_rate"),
        ):
            with self.subTest(method=method):
                [(rate, count)] = Report._read_group(
                    domain, [], [f"{field}:avg", "__count"]
                )
                met, figure = self._figure(method)
                self.assertEqual(count, 3)
                self.assertEqual(figure, f"{rate:.1f} % of 3 items received this year")
                criterion = self.criteria.filtered(lambda c, m=method: c.method == m)
                self.assertEqual(met, rate >= criterion.threshold)
        # one of the two rated items satisfied
        self.assertEqual(
            self._figure("ledger_satisfaction_rate"),
            (False, "50.0 % of 3 items received this year"),
        )

    def test_practical_matters_and_key_projects(self):
        self.assertEqual(
            self._figure("ledger_practical_matters"),
            (False, "1 practical matters done to the staff's satisfaction"),
        )
        self.assertEqual(
            self._figure("ledger_key_projects"),
            (False, "0 of 1 key projects finished on time"),
        )


@tagged("post_install", "-at_install")
class TestDemoStarRatings(TransactionCase):
    """The demo year's star ratings read the demo's own records, as a
    secretary sees them late in the year: 3, 4 and 5 stars, the 3 stars
    held there by a single criterion."""

    def setUp(self):
        super().setUp()
        self.ops = self.env.ref(
            "party_points.party_branch_ops_demo", raise_if_not_found=False
        )
        if not self.env.ref(
            "party_ledger.party_zone_control_demo", raise_if_not_found=False
        ):
            self.skipTest("the database has no demo data")
        ratings = self.env["party.branch.rating"].search(
            [("branch_id.company_id", "=", self.ops.company_id.id)]
        )
        self.by_branch = {rating.branch_id: rating for rating in ratings}
        self.maint = self.env.ref("party_points.party_branch_maint_demo")
        self.office = self.env.ref("party_points.party_branch_office_demo")

    def test_the_demo_branches_are_evaluated_from_their_records(self):
        ratings = self.env["party.branch.rating"].union(*self.by_branch.values())
        self.assertEqual(len(ratings), 3)
        self.assertEqual(set(ratings.mapped("state")), {"evaluated"})
        for rating in ratings:
            with self.subTest(branch=rating.branch_id.name):
                self.assertEqual(len(rating.line_ids), 53)
                automatic = rating.line_ids.filtered(lambda l: l.method != "evidence")
                self.assertEqual(len(automatic), 18)
                self.assertTrue(all(automatic.mapped("figure")))
        evidence = self.by_branch[self.maint].line_ids.filtered(
            lambda l: l.method == "evidence"
        )
        self.assertEqual(set(evidence.mapped("evidence_state")), {"accepted"})
        refused = self.by_branch[self.office].line_ids.filtered(
            lambda l: l.evidence_state == "refused"
        )
        self.assertEqual(len(refused), 1)
        self.assertEqual(refused.level, "5")
        self.assertTrue(refused.refusal_reason)
        self.assertFalse(refused.met)
        pending = self.by_branch[self.ops].line_ids.filtered(
            lambda l: l.evidence_state == "submitted"
        )
        self.assertEqual(len(pending), 1)
        self.assertFalse(pending.met)

    def test_3_4_and_5_stars_one_held_by_a_single_criterion(self):
        levels = {
            branch: rating.proposed_level for branch, rating in self.by_branch.items()
        }
        self.assertEqual(levels, {self.maint: "5", self.office: "4", self.ops: "3"})
        maint = self.by_branch[self.maint]
        self.assertFalse(
            maint.line_ids.filtered(lambda l: l.kind == "required" and not l.met)
        )
        # what stands between the operations branch and 4 stars: its
        # ledger's closure rate, and nothing else
        ops = self.by_branch[self.ops]
        blocking = ops.line_ids.filtered(
            lambda line: (
                line.level in ("3", "4") and line.kind == "required" and not line.met
            )
        )
        self.assertEqual(blocking.method, "ledger_closure_rate")
        self.assertIn(blocking.criterion_id.name, ops.blocker_note)
