from odoo import _, fields, models
from odoo.tools import SQL

from odoo.addons.party_points.lib import star_rating

# The ledger's checks of the star-rating catalogue: the four rates of the
# suggestion ledger, the practical matters done and the key projects.
RATE_METHODS = {
    "ledger_response_rate": "response_rate",
    "ledger_closure_rate": "closure_rate",
    "ledger_on_time_rate": "on_time_rate",
    "ledger_satisfaction_rate": "satisfaction_rate",
}
LEDGER_METHODS = [
    ("ledger_response_rate", "Suggestion Response Rate"),
    ("ledger_closure_rate", "Suggestion Closure Rate"),
    ("ledger_on_time_rate", "Suggestion On-time Closure Rate"),
    ("ledger_satisfaction_rate", "Suggestion Satisfaction Rate"),
    ("ledger_practical_matters", "Practical Matters Done"),
    ("ledger_key_projects", "Key Projects on Time"),
]


class PartyRatingCriterion(models.Model):
    _inherit = "party.rating.criterion"

    method = fields.Selection(
        selection_add=LEDGER_METHODS,
        ondelete={method: "set default" for method, _label in LEDGER_METHODS},
    )


class PartyBranchRating(models.Model):
    _inherit = "party.branch.rating"

    def _ledger_rate_figures(self, branches, date_from, date_to):
        """{branch id: (items, {rate field: rate})} of the items received in
        the span, the four rates as the ledger's report computes them."""
        groups = (
            self.env["party.suggestion.report"]
            .sudo()
            ._read_group(
                [
                    ("branch_id", "in", branches.ids),
                    ("date_received", ">=", date_from),
                    ("date_received", "<=", date_to),
                ],
                ["branch_id"],
                ["__count", *(f"{field}:avg" for field in RATE_METHODS.values())],
            )
        )
        return {
            branch.id: (count, dict(zip(RATE_METHODS.values(), rates, strict=True)))
            for branch, count, *rates in groups
        }

    def _ledger_rates(self, criterion, branches, date_from, date_to, memo=None):
        """One of the four rates over the items received in the span."""
        rate_field = RATE_METHODS[criterion.method]
        figures = self._shared(
            memo,
            "ledger_rates",
            lambda: self._ledger_rate_figures(branches, date_from, date_to),
        )
        # (the sentence translated once, as in party_points' checks)
        wording = _("%(rate).1f %% of %(count)s items received this year")
        results = {}
        for branch_id, (count, rates) in figures.items():
            rate = rates[rate_field]
            if rate is None:
                continue
            results[branch_id] = (
                star_rating.at_least(rate, criterion.threshold),
                wording % {"rate": rate, "count": count},
            )
        return results

    _rating_check_ledger_response_rate = _ledger_rates
    _rating_check_ledger_closure_rate = _ledger_rates
    _rating_check_ledger_on_time_rate = _ledger_rates
    _rating_check_ledger_satisfaction_rate = _ledger_rates

    def _rating_check_ledger_practical_matters(
        self, criterion, branches, date_from, date_to, memo=None
    ):
        """Implementation items closed in the span with the staff satisfied,
        at least the threshold's count."""
        done = dict(
            self.env["party.suggestion"]
            .sudo()
            ._read_group(
                [
                    ("branch_id", "in", branches.ids),
                    ("kind", "=", "implementation"),
                    ("state", "=", "done"),
                    ("satisfaction", "in", ("very_satisfied", "satisfied")),
                    ("date_closed", ">=", date_from),
                    ("date_closed", "<", fields.Date.add(date_to, days=1)),
                ],
                ["branch_id"],
                ["__count"],
            )
        )
        wording = _("%(count)s practical matters done to the staff's satisfaction")
        results = {}
        for branch in branches:
            results[branch.id] = (
                done.get(branch, 0) >= criterion.threshold,
                wording % {"count": done.get(branch, 0)},
            )
        return results

    def _rating_check_ledger_key_projects(
        self, criterion, branches, date_from, date_to, memo=None
    ):
        """The key projects due in the span, verified done by their
        deadline: at least the threshold's share."""
        # (before the query: the lookup of the language may run one)
        wording = _("%(on_time)s of %(due)s key projects finished on time")
        self.env["party.practical.project"].flush_model(
            ["branch_id", "state", "date_deadline", "date_verified"]
        )
        self.env.cr.execute(
            SQL(
                """SELECT branch_id, COUNT(*),
                    COUNT(*) FILTER (WHERE state = 'done'
                        AND date_verified::date <= date_deadline)
                FROM party_practical_project
                WHERE branch_id = ANY(%s) AND state != 'cancelled'
                    AND date_deadline BETWEEN %s AND %s
                GROUP BY branch_id""",
                branches.ids,
                date_from,
                date_to,
            )
        )
        results = {}
        for branch_id, due, on_time in self.env.cr.fetchall():
            results[branch_id] = (
                star_rating.at_least(
                    star_rating.share(on_time, due), criterion.threshold
                ),
                wording % {"on_time": on_time, "due": due},
            )
        return results
