from odoo import fields, models, tools
from odoo.tools import SQL

from odoo.addons.party_points import compat

from ..models.party_suggestion import (
    CHANNELS,
    KINDS,
    ROUTES,
    SATISFACTIONS,
    STATES,
    URGENCIES,
)


class PartySuggestionReport(models.Model):
    """One row per suggestion that was not cancelled, for pivot and graph.

    Each rate column holds 100 or 0 for the items it is about (NULL for the
    others), so the pivot's average of a column is the rate of the group:
    response rate and closure rate over all items, on-time closure rate over
    closed items, satisfaction rate over rated items, "basically satisfied"
    counting as satisfied where the company says so
    (the one place the rates are computed: the board, the Excel ledger and
    the pivots read them here; tests/rates_oracle.py counts them in plain
    Python for the tests to hold this view to)."""

    _name = "party.suggestion.report"
    _description = "Suggestion Ledger Analysis"
    _auto = False
    _order = "date_received desc"
    # what the view reads: flushed before the report is searched or grouped
    _depends = {
        "party.suggestion": [
            "branch_id",
            "channel",
            "closed_on_time",
            "company_id",
            "date_received",
            "is_supervised",
            "kind",
            "project_id",
            "reopen_count",
            "responded_on_time",
            "route",
            "satisfaction",
            "state",
            "urgency",
            "zone_id",
        ],
        "res.company": ["party_basic_counts_satisfied"],
    }
    _rec_name = "suggestion_id"

    suggestion_id = fields.Many2one("party.suggestion", readonly=True)
    date_received = fields.Date(string="Received", readonly=True)
    branch_id = fields.Many2one("party.branch", readonly=True)
    zone_id = fields.Many2one("party.zone", readonly=True)
    channel = fields.Selection(CHANNELS, readonly=True)
    kind = fields.Selection(KINDS, readonly=True)
    urgency = fields.Selection(URGENCIES, readonly=True)
    route = fields.Selection(ROUTES, readonly=True)
    project_id = fields.Many2one(
        "party.practical.project", string="Key Project", readonly=True
    )
    state = fields.Selection(STATES, readonly=True)
    satisfaction = fields.Selection(SATISFACTIONS, readonly=True)
    is_supervised = fields.Boolean(string="Supervised", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    item_count = fields.Integer(string="Items", readonly=True)
    closed_count = fields.Integer(string="Closed", readonly=True)
    reopen_count = fields.Integer(string="Reopenings", readonly=True)
    response_rate = fields.Float(
        string="Response Rate (%)", **compat.aggregator("avg"), readonly=True
    )
    closure_rate = fields.Float(
        string="Closure Rate (%)", **compat.aggregator("avg"), readonly=True
    )
    on_time_rate = fields.Float(
        string="On-time Closure Rate (%)", **compat.aggregator("avg"), readonly=True
    )
    satisfaction_rate = fields.Float(
        string="Satisfaction Rate (%)",
        **compat.aggregator("avg"),
        readonly=True,
        help="Items rated satisfied or very satisfied among the rated items; "
        "basically satisfied ones count too where the ledger settings say so.",
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
            CREATE OR REPLACE VIEW %s AS (
                SELECT
                    s.id AS id,
                    s.id AS suggestion_id,
                    s.date_received::date AS date_received,
                    s.branch_id,
                    s.zone_id,
                    s.channel,
                    s.kind,
                    s.urgency,
                    s.route,
                    s.project_id,
                    s.state,
                    s.satisfaction,
                    s.is_supervised,
                    s.company_id,
                    1 AS item_count,
                    CASE WHEN s.state = 'done' THEN 1 ELSE 0 END AS closed_count,
                    s.reopen_count,
                    CASE WHEN s.responded_on_time THEN 100.0 ELSE 0.0 END
                        AS response_rate,
                    CASE WHEN s.state = 'done' THEN 100.0 ELSE 0.0 END
                        AS closure_rate,
                    CASE
                        WHEN s.state != 'done' THEN NULL
                        WHEN s.closed_on_time THEN 100.0
                        ELSE 0.0
                    END AS on_time_rate,
                    CASE
                        WHEN s.satisfaction IS NULL THEN NULL
                        WHEN s.satisfaction IN ('very_satisfied', 'satisfied')
                            THEN 100.0
                        WHEN s.satisfaction = 'basic'
                            AND company.party_basic_counts_satisfied
                            THEN 100.0
                        ELSE 0.0
                    END AS satisfaction_rate
                FROM party_suggestion s
                LEFT JOIN res_company company ON company.id = s.company_id
                WHERE s.state != 'cancelled'
            )
            """,
                SQL.identifier(self._table),
            )
        )
