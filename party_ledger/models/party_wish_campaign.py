from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..lib import ledger_rules

CAMPAIGN_STATES = [
    ("draft", "Draft"),
    ("open", "Open"),
    ("closed", "Closed"),
]
# Wishes the campaign's members see: accepted, and from then on.
PUBLISHED_STATES = ("accepted", "claimed", "fulfilled")


class PartyWishCampaign(models.Model):
    """A wish list (心愿清单): for a time, employees of some branches raise
    small wishes (微心愿), the branch accepts and publishes them, and Party
    members claim and fulfil them."""

    _name = "party.wish.campaign"
    _description = "Wish Campaign"
    _inherit = ["party.workflow.seal.mixin", "mail.thread", "party.input.mixin"]
    _order = "date_open desc, id desc"
    _sealed_fields = frozenset({"state"})
    _check_company_auto = True

    name = fields.Char(string="Title", required=True, tracking=True)
    description = fields.Text()
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    branch_ids = fields.Many2many(
        "party.branch",
        "party_wish_campaign_branch_rel",
        "campaign_id",
        "branch_id",
        string="Branches",
        required=True,
        check_company=True,
        help="The branches whose employees raise wishes and whose members claim them.",
    )
    date_open = fields.Date(
        string="Opens On", required=True, default=fields.Date.context_today
    )
    date_close = fields.Date(string="Closes On", required=True)
    eligibility = fields.Selection(
        [("all", "All Employees"), ("listed", "Named Employees")],
        string="Who May Raise Wishes",
        required=True,
        default="all",
        tracking=True,
    )
    eligible_employee_ids = fields.Many2many(
        "hr.employee",
        "party_wish_campaign_employee_rel",
        "campaign_id",
        "employee_id",
        string="Named Employees",
        check_company=True,
        help="Only these employees raise wishes (for instance employees in "
        "hardship, 困难职工).",
    )
    is_anonymous = fields.Boolean(
        string="Publish Without Names",
        default=True,
        tracking=True,
        help="Members see the published wishes without the name of the "
        "employee who raised them; the branch officers still see it.",
    )
    fulfil_days = fields.Integer(
        string="Days to Fulfil",
        default=30,
        help="Days a member has to fulfil a wish they claimed; after them "
        "the wish goes back to the list.",
    )
    state = fields.Selection(
        CAMPAIGN_STATES,
        required=True,
        default="draft",
        readonly=True,
        index=True,
        tracking=True,
        copy=False,
    )
    wish_ids = fields.One2many("party.wish", "campaign_id", string="Wishes")
    collected_count = fields.Integer(string="Collected", compute="_compute_figures")
    accepted_count = fields.Integer(string="Accepted", compute="_compute_figures")
    claimed_count = fields.Integer(string="Claimed", compute="_compute_figures")
    fulfilled_count = fields.Integer(string="Fulfilled", compute="_compute_figures")
    satisfied_count = fields.Integer(string="Satisfied", compute="_compute_figures")

    def _seal_refusal(self, fnames, creating=False):
        return _("A wish campaign opens and closes only through its buttons.")

    @api.constrains("date_open", "date_close")
    def _check_dates(self):
        for campaign in self:
            if campaign.date_close < campaign.date_open:
                raise ValidationError(
                    _(
                        "Wish campaign %(campaign)s closes before it opens.",
                        campaign=campaign.name,
                    )
                )

    @api.constrains("fulfil_days")
    def _check_fulfil_days(self):
        for campaign in self:
            if not 1 <= campaign.fulfil_days <= 366:
                raise ValidationError(
                    _("Give between 1 and 366 days to fulfil a claimed wish.")
                )

    # ------------------------------------------------------------------
    # figures
    # ------------------------------------------------------------------
    def _wish_figures(self):
        """The campaign report: ``{campaign id: {collected, accepted,
        claimed, fulfilled, satisfied}}`` counted in one query (sudo: the
        figures are public, the wishes are not)."""
        figures = {
            campaign.id: dict.fromkeys(
                ("collected", "accepted", "claimed", "fulfilled", "satisfied"), 0
            )
            for campaign in self
        }
        groups = (
            self.env["party.wish"]
            .sudo()
            ._read_group(
                [("campaign_id", "in", self.ids)],
                ["campaign_id", "state", "satisfaction"],
                ["__count"],
            )
        )
        for campaign, state, satisfaction, count in groups:
            counts = figures[campaign.id]
            counts["collected"] += count
            if state in PUBLISHED_STATES:
                counts["accepted"] += count
            if state in ("claimed", "fulfilled"):
                counts["claimed"] += count
            if state == "fulfilled":
                counts["fulfilled"] += count
                if satisfaction in ledger_rules.SATISFIED:
                    counts["satisfied"] += count
        return figures

    def _compute_figures(self):
        figures = self.filtered("id")._wish_figures()
        for campaign in self:
            counts = figures.get(campaign.id) or {}
            campaign.collected_count = counts.get("collected", 0)
            campaign.accepted_count = counts.get("accepted", 0)
            campaign.claimed_count = counts.get("claimed", 0)
            campaign.fulfilled_count = counts.get("fulfilled", 0)
            campaign.satisfied_count = counts.get("satisfied", 0)

    # ------------------------------------------------------------------
    # workflow
    # ------------------------------------------------------------------
    def _check_officer(self):
        self.branch_ids._check_user_works_here()

    def action_open(self):
        self._check_officer()
        if self.filtered(lambda campaign: campaign.state != "draft"):
            raise UserError(_("Only a draft wish campaign opens."))
        for campaign in self:
            if campaign.eligibility == "listed" and not campaign.eligible_employee_ids:
                raise UserError(
                    _(
                        "Name the employees who may raise wishes in "
                        "%(campaign)s, or open it to all employees.",
                        campaign=campaign.name,
                    )
                )
        self._workflow_write({"state": "open"}, sudo=False)
        return True

    def action_close(self):
        self._check_officer()
        if self.filtered(lambda campaign: campaign.state != "open"):
            raise UserError(_("Only an open wish campaign closes."))
        self._workflow_write({"state": "closed"}, sudo=False)
        return True

    def _check_open_to(self, employee, day=None):
        """Raise unless ``employee`` may raise a wish in this campaign on
        ``day`` (today)."""
        self.ensure_one()
        day = day or fields.Date.context_today(self)
        if self.state != "open" or not self.date_open <= day <= self.date_close:
            raise UserError(
                _(
                    "Wish campaign %(campaign)s is not taking wishes now.",
                    campaign=self.name,
                )
            )
        if self.eligibility == "listed" and employee not in self.eligible_employee_ids:
            raise UserError(
                _(
                    "Wish campaign %(campaign)s takes wishes from named "
                    "employees only, and %(employee)s is not among them.",
                    campaign=self.name,
                    employee=employee.name,
                )
            )

    def action_view_wishes(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "party_ledger.party_wish_action"
        )
        action["domain"] = [("campaign_id", "=", self.id)]
        action["context"] = {"default_campaign_id": self.id}
        return action
