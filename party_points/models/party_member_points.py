"""A member's running score in the open period and last results, on the
member form; the score is the period's :meth:`_running_result`, which the
member's portal page shows too."""

from odoo import fields, models

RECENT_RESULTS = 4


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
