"""The officer's first screen (支部工作看板): what needs doing and how the
branches stand, read in a constant number of queries whatever the size of
the branches. ``party_ledger`` adds its tiles and panels by overriding
:meth:`PartyBranch._board_data` (through ``super()``)."""

from odoo import _, api, fields, models

BOARD_TOP = 10


def window(name, model, domain, views=("list", "form"), context=None):
    """An act_window dict the board's tiles open with ``doAction``."""
    return {
        "type": "ir.actions.act_window",
        "name": name,
        "res_model": model,
        "domain": domain,
        "views": [[False, view] for view in views],
        "context": context or {},
        "target": "current",
    }


class PartyBranch(models.Model):
    _inherit = "party.branch"

    @api.model
    def get_board_data(self):
        """Everything the board shows, as one dict (see ``_board_data``)."""
        if not self.env.user.has_group("party_points.group_party_officer"):
            # members land on their own ledger
            return {
                "redirect": self.env["ir.actions.act_window"]._for_xml_id(
                    "party_points.party_points_entry_action"
                )
            }
        return self._board_data(self._board_scope())

    @api.model
    def _board_scope(self):
        """The branches the board covers: all of the company's for the
        Party committee, else those the officer works (here or above)."""
        if self.env.user.has_group("party_points.group_party_manager"):
            return self.search([("company_id", "in", self.env.companies.ids)])
        return self.search([("access_user_ids", "in", self.env.uid)])

    @api.model
    def _board_periods(self, branches):
        """``(open, previous)``: the open period holding today for most of
        ``branches``, and the period before it for the same branches."""
        Period = self.env["party.points.period"]
        today = fields.Date.context_today(self)
        found = Period._for_dates({(today, branch.id) for branch in branches})
        periods = [period for period in found.values() if period.state == "open"]
        if not periods:
            return Period, Period
        current = max(set(periods), key=periods.count).with_env(self.env)
        previous = Period.search(
            [
                ("company_id", "=", current.company_id.id),
                ("ruleset_id", "=", current.ruleset_id.id),
                ("date_end", "<", current.date_start),
            ],
            order="date_end desc",
            limit=1,
        )
        return current, previous

    @api.model
    def _board_data(self, branches):
        is_committee = self.env.user.has_group("party_points.group_party_manager")
        period, previous = self._board_periods(branches)
        data = {
            "title": _("Branch Work Board"),
            "is_committee": is_committee,
            "scope": _(
                "%(branches)s and %(count)s more",
                branches=", ".join(branches[:3].mapped("name")),
                count=len(branches) - 3,
            )
            if len(branches) > 3
            else ", ".join(branches.mapped("name")),
            "period": period
            and {
                "id": period.id,
                "name": period.name,
                "date_start": fields.Date.to_string(period.date_start),
                "date_end": fields.Date.to_string(period.date_end),
            },
            "previous_period": previous
            and {
                "id": previous.id,
                "name": previous.name,
                "date_start": fields.Date.to_string(previous.date_start),
                "date_end": fields.Date.to_string(previous.date_end),
            },
            "bulk_label": _("Approve All"),
            "open_label": _("See All"),
            "tiles": [],
            "panels": [],
        }
        data["tiles"] += self._board_points_tiles(branches)
        if period:
            data["panels"].append(self._board_standings(branches, period))
        if is_committee:
            data["panels"].append(self._board_comparison(branches, period))
        return data

    @api.model
    def _board_points_tiles(self, branches):
        Entry = self.env["party.points.entry"]
        scope = [("branch_id", "in", branches.ids)]
        waiting = scope + [
            ("state", "=", "submitted"),
            ("member_id.user_id", "!=", self.env.uid),
        ]
        drafts = scope + [("state", "=", "draft")]
        counts = dict(
            Entry._read_group(
                scope + [("state", "in", ("draft", "submitted"))],
                ["state"],
                ["__count"],
            )
        )
        own_waiting = Entry.search_count(
            scope
            + [("state", "=", "submitted"), ("member_id.user_id", "=", self.env.uid)]
        )
        return [
            {
                "key": "claims",
                "label": _("Claims Waiting"),
                "value": counts.get("submitted", 0) - own_waiting,
                "hint": _("submitted entries of your members"),
                "tone": "warning",
                "bulk_approve": True,
                "action": window(
                    _("Claims Waiting"),
                    "party.points.entry",
                    waiting,
                    views=("list", "kanban", "form"),
                ),
            },
            {
                "key": "drafts",
                "label": _("Draft Entries"),
                "value": counts.get("draft", 0),
                "hint": _("recorded, not yet submitted or approved"),
                "tone": "info",
                "action": window(_("Draft Entries"), "party.points.entry", drafts),
            },
        ]

    @api.model
    def _board_standings(self, branches, period):
        """The open period's running standings of the scope's members, as
        closing the period now would compute them (one set-based pass)."""
        Member = self.env["party.member"]
        members = Member.search([("branch_id", "in", branches.ids)])
        results, _vetoes = period.sudo()._compute_results(members)
        show_rank = period.ruleset_id.sudo().rank_visible_to_members
        names = {member.id: member for member in members}
        rank_key = "rank_in_branch" if len(branches) == 1 else "rank_overall"
        columns = [{"key": "member", "label": _("Member")}]
        if len(members.branch_id) > 1:
            columns.append({"key": "branch", "label": _("Branch")})
        columns.append({"key": "score", "label": _("Score"), "numeric": True})
        if show_rank:
            columns.insert(0, {"key": "rank", "label": _("Rank"), "numeric": True})
        rows = []
        for member_id, values in sorted(
            results.items(), key=lambda item: -item[1]["score"]
        )[:BOARD_TOP]:
            member = names[member_id]
            row = {
                "member": member.name,
                "branch": member.branch_id.name,
                "score": round(values["score"], 2),
                "action": window(
                    member.name,
                    "party.member",
                    [("id", "=", member_id)],
                    views=("form",),
                )
                | {"res_id": member_id},
            }
            if show_rank:
                row["rank"] = values[rank_key] or ""
            rows.append(row)
        return {
            "key": "standings",
            "side": "main",
            "title": _("Running Standings · %(period)s", period=period.name),
            "columns": columns,
            "rows": rows,
            "empty": _("No approved points in this period yet."),
            "action": window(
                _("Approved Entries"),
                "party.points.entry",
                [
                    ("branch_id", "in", branches.ids),
                    ("period_id", "=", period.id),
                    ("state", "=", "approved"),
                ],
                views=("list", "pivot", "form"),
            ),
        }

    @api.model
    def _board_comparison(self, branches, period):
        """One row per branch (the committee's comparison)."""
        Entry = self.env["party.points.entry"]
        members = dict(
            self.env["party.member"]._read_group(
                [("branch_id", "in", branches.ids)], ["branch_id"], ["__count"]
            )
        )
        waiting = dict(
            Entry._read_group(
                [("branch_id", "in", branches.ids), ("state", "=", "submitted")],
                ["branch_id"],
                ["__count"],
            )
        )
        points = {}
        if period:
            points = dict(
                Entry._read_group(
                    [
                        ("branch_id", "in", branches.ids),
                        ("period_id", "=", period.id),
                        ("state", "=", "approved"),
                    ],
                    ["branch_id"],
                    ["points:sum"],
                )
            )
        rows = []
        for branch in branches:
            count = members.get(branch, 0)
            if not count:
                continue
            rows.append(
                {
                    "branch_id": branch.id,
                    "branch": branch.name,
                    "members": count,
                    "claims": waiting.get(branch, 0),
                    "average": round(points.get(branch, 0.0) / count, 1),
                    "action": window(
                        branch.name,
                        "party.points.entry",
                        [("branch_id", "=", branch.id), ("state", "=", "submitted")],
                    ),
                }
            )
        return {
            "key": "comparison",
            "side": "wide",
            "title": _("Branch Comparison"),
            "columns": [
                {"key": "branch", "label": _("Branch")},
                {"key": "members", "label": _("Members"), "numeric": True},
                {"key": "claims", "label": _("Claims Waiting"), "numeric": True},
                {
                    "key": "average",
                    "label": _("Approved Points per Member"),
                    "numeric": True,
                },
            ],
            "rows": rows,
            "empty": _("No branch has members yet."),
        }
