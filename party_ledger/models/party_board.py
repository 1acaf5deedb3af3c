"""The suggestion ledger's share of the officer's board: tiles of what waits
(overdue, due this week, to classify), the key projects' tasks of this
month and the four rates of this period against the last one."""

from datetime import timedelta

from odoo import _, api, fields, models

from odoo.addons.party_points.models.party_board import BOARD_TOP, window

from ..lib import ledger_rules
from .party_suggestion import OPEN_STATES

RATES = ["response_rate", "closure_rate", "on_time_rate", "satisfaction_rate"]


class PartyBranch(models.Model):
    _inherit = "party.branch"

    @api.model
    def _board_data(self, branches):
        data = super()._board_data(branches)
        data["tiles"] += self._board_ledger_tiles(branches)
        data["panels"].append(self._board_milestones(branches))
        data["panels"].append(
            self._board_rates(branches, data["period"], data["previous_period"])
        )
        comparison = next(
            (panel for panel in data["panels"] if panel["key"] == "comparison"), None
        )
        if comparison:
            self._board_ledger_comparison(branches, comparison)
        return data

    @api.model
    def _board_ledger_tiles(self, branches):
        Suggestion = self.env["party.suggestion"]
        today = fields.Date.context_today(self)
        scope = [("branch_id", "in", branches.ids), ("state", "in", OPEN_STATES)]
        overdue = scope + [("is_overdue", "=", True)]
        due_week = scope + [
            ("is_overdue", "=", False),
            ("date_deadline", ">=", today),
            ("date_deadline", "<=", today + timedelta(days=6)),
        ]
        to_classify = [("branch_id", "in", branches.ids), ("state", "=", "new")]
        tiles = [
            (
                "overdue",
                _("Overdue Suggestions"),
                _("open items past their deadline"),
                "danger",
                overdue,
            ),
            (
                "due_week",
                _("Due This Week"),
                _("open items due in the next 7 days"),
                "warning",
                due_week,
            ),
            (
                "to_classify",
                _("To Classify"),
                _("new items waiting for the committee"),
                "info",
                to_classify,
            ),
        ]
        return [
            {
                "key": key,
                "label": label,
                "value": Suggestion.search_count(domain),
                "hint": hint,
                "tone": tone,
                "action": window(
                    label, "party.suggestion", domain, views=("list", "kanban", "form")
                ),
            }
            for key, label, hint, tone, domain in tiles
        ]

    @api.model
    def _board_milestones(self, branches):
        month = ledger_rules.first_of_month(fields.Date.context_today(self))
        domain = [
            ("project_id.branch_id", "in", branches.ids),
            ("project_id.state", "not in", ("done", "cancelled")),
            ("month", "=", month),
        ]
        milestones = self.env["party.practical.milestone"].search(
            domain, order="done, project_id, id", limit=BOARD_TOP
        )
        milestones.project_id.fetch(["name", "responsible_id"])
        return {
            "key": "milestones",
            "side": "side",
            "title": _("Key-project Tasks of This Month"),
            "columns": [
                {"key": "project", "label": _("Key Project")},
                {"key": "task", "label": _("Task")},
                {"key": "responsible", "label": _("Responsible")},
                {"key": "status", "label": _("Status")},
            ],
            "rows": [
                {
                    "project": milestone.project_id.name,
                    "task": milestone.task,
                    "responsible": milestone.project_id.responsible_id.name or "",
                    "status": _("Done") if milestone.done else _("To Do"),
                    "classes": {
                        "status": "text-success" if milestone.done else "text-warning"
                    },
                    "action": window(
                        milestone.project_id.name,
                        "party.practical.project",
                        [("id", "=", milestone.project_id.id)],
                        views=("form",),
                    )
                    | {"res_id": milestone.project_id.id},
                }
                for milestone in milestones
            ],
            "empty": _("No key-project task falls in this month."),
            "action": window(
                _("Key Projects"),
                "party.practical.project",
                [
                    ("branch_id", "in", branches.ids),
                    ("milestone_ids.month", "=", month),
                ],
            ),
        }

    @api.model
    def _board_rate_figures(self, branches, period, groupby=()):
        """The four rates (averages of the report's 100/0 columns) of the
        items received in ``period`` (a dict of the board), by ``groupby``."""
        domain = [("branch_id", "in", branches.ids)]
        if period:
            domain += [
                ("date_received", ">=", period["date_start"]),
                ("date_received", "<=", period["date_end"]),
            ]
        # the counts of non-empty values tell an empty rate (no item it is
        # about) from a rate of 0%: the ORM reads an average of nothing as 0
        return self.env["party.suggestion.report"]._read_group(
            domain,
            list(groupby),
            [f"{rate}:avg" for rate in RATES] + [f"{rate}:count" for rate in RATES],
        )

    @api.model
    def _board_rates(self, branches, period, previous):
        labels = {
            "response_rate": _("Response Rate"),
            "closure_rate": _("Closure Rate"),
            "on_time_rate": _("On-time Closure Rate"),
            "satisfaction_rate": _("Satisfaction Rate"),
        }

        def figures(span):
            if not span:
                return {}
            (row,) = self._board_rate_figures(branches, span)
            return {
                rate: value
                for rate, value, count in zip(RATES, row[:4], row[4:], strict=True)
                if count
            }

        current, last = figures(period), figures(previous)

        def percent(value):
            return "—" if value is None else f"{value:.0f}%"

        rows = []
        for rate in RATES:
            now, before = current.get(rate), last.get(rate)
            change = ""
            if now is not None and before is not None:
                change = f"{now - before:+.0f}"
            rows.append(
                {
                    "rate": labels[rate],
                    "current": percent(now),
                    "previous": percent(before),
                    "change": change,
                    "classes": {
                        "change": "text-success"
                        if change.startswith("+") and change != "+0"
                        else "text-danger"
                        if change.startswith("-") and change != "-0"
                        else ""
                    },
                }
            )
        return {
            "key": "rates",
            "side": "side",
            "title": _("The Four Rates"),
            "columns": [
                {"key": "rate", "label": _("Rate")},
                {
                    "key": "current",
                    "label": period["name"] if period else _("This Period"),
                    "numeric": True,
                },
                {
                    "key": "previous",
                    "label": previous["name"] if previous else _("Last Period"),
                    "numeric": True,
                },
                {"key": "change", "label": _("Change"), "numeric": True},
            ],
            "rows": rows if current or last else [],
            "empty": _("No suggestions received in this period or the last one."),
            "action": window(
                _("Rates by Branch"),
                "party.suggestion.report",
                [("branch_id", "in", branches.ids)],
                views=("pivot", "graph"),
            ),
        }

    @api.model
    def _board_ledger_comparison(self, branches, comparison):
        """Add each branch's open, overdue items and satisfaction rate to the
        committee's branch comparison."""
        Suggestion = self.env["party.suggestion"]
        counts = {}
        for branch, overdue, count in Suggestion._read_group(
            [("branch_id", "in", branches.ids), ("state", "in", OPEN_STATES)],
            ["branch_id", "is_overdue"],
            ["__count"],
        ):
            opened, late = counts.get(branch.id, (0, 0))
            counts[branch.id] = (opened + count, late + (count if overdue else 0))
        satisfaction = {
            branch.id: rate
            for branch, rate in self.env["party.suggestion.report"]._read_group(
                [("branch_id", "in", branches.ids)],
                ["branch_id"],
                ["satisfaction_rate:avg"],
            )
        }
        comparison["columns"] += [
            {"key": "open_items", "label": _("Open Items"), "numeric": True},
            {"key": "overdue", "label": _("Overdue"), "numeric": True},
            {"key": "satisfaction", "label": _("Satisfaction Rate"), "numeric": True},
        ]
        for row in comparison["rows"]:
            opened, late = counts.get(row["branch_id"], (0, 0))
            rate = satisfaction.get(row["branch_id"])
            row.update(
                open_items=opened,
                overdue=late,
                satisfaction="" if rate is None else f"{rate:.0f}%",
            )
            if late:
                row.setdefault("classes", {})["overdue"] = "text-danger fw-bold"
