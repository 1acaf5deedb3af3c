from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..lib import ledger_rules
from .party_suggestion import OPEN_STATES


class PartySuggestion(models.Model):
    """The deadlines of an item: the response and completion clocks of its
    company, whether it answered and closed on time (what the rates count),
    and the hourly job that reminds, flags overdue items and escalates
    them."""

    # one model in files by concern (see party_suggestion.py), on purpose
    _inherit = "party.suggestion"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------
    # clocks
    # ------------------------------------------------------------------
    @api.depends("date_received", "urgency", "channel", "company_id")
    def _compute_response_deadline(self):
        """The shorter of the urgency's and the channel's answer clock; a
        working-hours clock runs on the company's working time."""
        items = self.filtered("date_received")
        (self - items).response_deadline = False
        for company, company_items in items.grouped(
            lambda item: item.company_id or self.env.company
        ).items():
            clocks = {
                item: company._party_answer_clocks(item.urgency, item.channel)
                for item in company_items
            }
            longest = max(
                hours for item_clocks in clocks.values() for hours, _w in item_clocks
            )
            working = any(w for item_clocks in clocks.values() for _h, w in item_clocks)
            start = min(company_items.mapped("date_received"))
            stop = max(company_items.mapped("date_received"))
            # working time enough for the longest clock: a week of days per
            # 24 working hours and a month to spare, longer when the calendar
            # still falls short (a short week, a long holiday)
            span = timedelta(days=7 * (longest // 24 + 1) + 31)
            while True:
                intervals = (
                    company._party_working_intervals(start, stop + span)
                    if working
                    else ()
                )
                try:
                    for item, item_clocks in clocks.items():
                        item.response_deadline = ledger_rules.earliest_deadline(
                            item.date_received, item_clocks, intervals
                        )
                    break
                except ValueError:
                    if span > timedelta(days=3 * 366):
                        raise UserError(
                            _(
                                "The working time %(calendar)s of %(company)s "
                                "has too few working hours to run the answer "
                                "clocks: give it working days, or count the "
                                "clocks around the clock.",
                                calendar=company.resource_calendar_id.name,
                                company=company.name,
                            )
                        ) from None
                    span *= 2

    @api.depends("date_received", "kind", "urgency", "company_id")
    def _compute_date_deadline(self):
        for item in self:
            company = item.company_id or self.env.company
            item.date_deadline = (
                item.date_received
                and item.kind
                and ledger_rules.completion_deadline(
                    item.date_received,
                    item.kind,
                    item.urgency,
                    company._party_completion_days(),
                    company.party_explanation_days,
                )
            )

    @api.depends(
        "date_first_response", "response_deadline", "date_closed", "date_deadline"
    )
    def _compute_on_time(self):
        for item in self:
            item.responded_on_time = bool(
                item.date_first_response
                and not ledger_rules.is_late(
                    item.response_deadline, item.date_first_response
                )
            )
            item.closed_on_time = bool(
                item.date_closed
                and not ledger_rules.is_late(item.date_deadline, item.date_closed)
            )

    @api.depends("is_overdue")
    def _compute_deadline_status(self):
        for item in self:
            item.deadline_status = "overdue" if item.is_overdue else "on_time"

    # ------------------------------------------------------------------
    # deadline job
    # ------------------------------------------------------------------
    @api.model
    def _cron_check_deadlines(self, now=None):
        """Hourly: remind the responsible person before a deadline, flag
        overdue items and escalate them once to the supervisor and the branch
        officers (activities)."""
        now = now or fields.Datetime.now()
        [(window,)] = (
            self.env["res.company"]
            .sudo()
            ._read_group([], [], ["party_reminder_hours:max"])
        )
        window = window or ledger_rules.DEFAULT_REMINDER_HOURS
        items = self.search(
            [
                ("state", "in", OPEN_STATES),
                "|",
                "|",
                ("is_overdue", "=", True),
                ("date_deadline", "<=", (now + timedelta(hours=window)).date()),
                "&",
                ("date_first_response", "=", False),
                ("response_deadline", "<", now),
            ]
        )
        model_id = self.env["ir.model"]._get_id(self._name)
        reminder_type = self.env.ref(
            "party_ledger.mail_activity_type_deadline_reminder"
        )
        overdue_type = self.env.ref("party_ledger.mail_activity_type_overdue")
        late = items.filtered(
            lambda item: (
                ledger_rules.is_late(item.date_deadline, now=now)
                or (
                    not item.date_first_response
                    and ledger_rules.is_late(item.response_deadline, now=now)
                )
            )
        )
        to_escalate = late.filtered(lambda item: not item.date_escalated)
        to_remind = (items - late).filtered(
            lambda item: (
                not item.date_reminded
                and item.responsible_id.user_id
                and ledger_rules.reminder_due(
                    item.date_deadline, now, item.company_id.party_reminder_hours
                )
            )
        )
        activities = [
            {
                "res_model_id": model_id,
                "res_id": item.id,
                "activity_type_id": overdue_type.id,
                "automated": True,
                "user_id": user.id,
                "summary": item.with_context(lang=user.lang)._deadline_summary(
                    "overdue"
                ),
                "date_deadline": now.date(),
            }
            for item in to_escalate
            for user in item.supervisor_id.user_id | item.branch_id.officer_user_ids
        ] + [
            {
                "res_model_id": model_id,
                "res_id": item.id,
                "activity_type_id": reminder_type.id,
                "automated": True,
                "user_id": item.responsible_id.user_id.id,
                "summary": item.with_context(
                    lang=item.responsible_id.user_id.lang
                )._deadline_summary("reminder"),
                "date_deadline": item.date_deadline,
            }
            for item in to_remind
        ]
        (items.filtered("is_overdue") - late)._workflow_write({"is_overdue": False})
        (late - to_escalate).filtered(lambda item: not item.is_overdue)._workflow_write(
            {"is_overdue": True}
        )
        to_escalate._workflow_write({"is_overdue": True, "date_escalated": now})
        to_remind._workflow_write({"date_reminded": now})
        self.env["mail.activity"].create(activities)
        return True

    def _deadline_summary(self, kind):
        """The summary of an activity the ledger gives a user, in the
        language of the context (the assigned user's)."""
        if kind == "overdue":
            return _("Overdue: %(item)s", item=self.name)
        if kind == "reminder":
            return _("Deadline near: %(item)s", item=self.name)
        return _("Employee unsatisfied: supervise the reopened item")
