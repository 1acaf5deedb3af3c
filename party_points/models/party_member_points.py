"""A member's running score in the open period and last results: one
implementation, used by the member form and the member's portal page."""

from odoo import api, fields, models

from ..lib import scoring

RECENT_RESULTS = 4


class PartyPointsPeriod(models.Model):
    _inherit = "party.points.period"

    @api.model
    def _open_for_member(self, member):
        """The open period scoring the member's branch (sudo): the one holding
        today, else the latest open one; empty when none is open."""
        Period = self.sudo()
        today = fields.Date.context_today(member)
        period = Period._for_dates({(today, member.branch_id.id)}).get(
            (today, member.branch_id.id), Period
        )
        if period.state == "open":
            return period
        for candidate in Period.search([("state", "=", "open")]):
            if member.branch_id in candidate._scored_branches():
                return candidate
        return Period

    def _running_result(self, member):
        """The member's score so far in this (open) period: approved entries
        scored by the same ``lib.scoring`` code that closes the period (sudo).
        The dict of :func:`scoring.compute_results` plus ``veto_entries``
        (records) and, with a veto, ``veto_label``."""
        self.ensure_one()
        period = self.sudo()
        veto_effects, veto_entries = period._vetoes(member)
        result = scoring.compute_results(
            period.ruleset_id._scoring_ruleset(),
            [scoring.Member(member.id, member.branch_id.id, False)],
            *period._approved_points(member),
            veto_effects,
        )[member.id]
        result["veto_entries"] = (
            self.env["party.points.entry"]
            .sudo()
            .browse(veto_entries.get(member.id, []))
        )
        if result["veto_effect"]:
            labels = dict(
                self.env["party.points.rule"]
                ._fields["veto_effect"]
                ._description_selection(self.env)
            )
            result["veto_label"] = labels[result["veto_effect"]]
        return result


class PartyMember(models.Model):
    _inherit = "party.member"

    running_period_id = fields.Many2one(
        "party.points.period",
        string="Open Period",
        compute="_compute_running",
    )
    running_score = fields.Float(
        compute="_compute_running",
        help="The score so far in the open period: the approved entries, "
        "scored as closing the period would score them.",
    )
    running_positive = fields.Float(
        string="Positive Points So Far", compute="_compute_running"
    )
    running_negative = fields.Float(
        string="Negative Points So Far", compute="_compute_running"
    )
    running_veto = fields.Char(string="Veto", compute="_compute_running")
    recent_result_ids = fields.Many2many(
        "party.points.result",
        string="Last Results",
        compute="_compute_recent_results",
    )

    def _compute_running(self):
        Period = self.env["party.points.period"]
        for member in self:
            period = Period._open_for_member(member) if member.id else Period
            values = period and period._running_result(member)
            member.running_period_id = period.id if period else False
            member.running_score = values["score"] if values else 0.0
            member.running_positive = values["positive_points"] if values else 0.0
            member.running_negative = values["negative_points"] if values else 0.0
            member.running_veto = (values or {}).get("veto_label") or False

    def _compute_recent_results(self):
        Result = self.env["party.points.result"]
        for member in self:
            member.recent_result_ids = (
                Result.search(
                    [("member_id", "=", member.id)],
                    order="period_id, id desc",
                    limit=RECENT_RESULTS,
                )
                if member.id
                else Result
            )
