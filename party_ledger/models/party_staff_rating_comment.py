from odoo import SUPERUSER_ID, _, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.party_points import compat

# A suggestion's title: the comment's first words.
TITLE_LENGTH = 60


class PartyStaffRatingComment(models.Model):
    """A comment of the half-year staff rating becomes an item of the
    suggestion ledger (channel ``survey``), anonymous and without
    submitter: nothing of its author is known, so nothing is passed on."""

    _inherit = "party.staff.rating.comment"

    suggestion_id = fields.Many2one(
        "party.suggestion",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
        help="The item of the suggestion ledger this comment became.",
    )

    def action_create_suggestion(self):
        """Record each comment as an anonymous suggestion of its branch
        (Party committee only, on the comments it may read)."""
        if not self.env.user.has_group("party_points.group_party_manager"):
            raise AccessError(
                _("Only the Party committee turns staff comments into suggestions.")
            )
        # the comments the committee may read: closed rounds, branches of
        # five respondents or more
        compat.check_access(self, "read")
        done = self.filtered("suggestion_id")
        if done:
            raise UserError(
                _(
                    "This comment is already suggestion %(item)s.",
                    item=done[0].suggestion_id.name,
                )
            )
        Suggestion = self.env["party.suggestion"]
        compat.check_access(Suggestion.browse(), "create")
        for comment in self:
            body = comment.body.strip()
            title = body.splitlines()[0] if body else ""
            if len(title) > TITLE_LENGTH:
                title = title[: TITLE_LENGTH - 1] + "…"
            # as superuser: no user of the committee stands in for the
            # author as the item's submitter or in its log columns
            item = (
                Suggestion.with_user(SUPERUSER_ID)
                .create(
                    {
                        "title": title or _("Staff rating comment"),
                        "description": body,
                        "channel": "survey",
                        "is_anonymous": True,
                        "branch_id": comment.branch_id.id,
                    }
                )
                .with_env(self.env)
            )
            item.message_post(
                body=_(
                    "Recorded from an anonymous comment of %(round)s.",
                    round=comment.round_id.name,
                )
            )
            comment.sudo().suggestion_id = item
        if len(self) == 1:
            return {
                "type": "ir.actions.act_window",
                "res_model": "party.suggestion",
                "res_id": self.suggestion_id.id,
                "view_mode": "form",
                "views": [(False, "form")],
            }
        return True
