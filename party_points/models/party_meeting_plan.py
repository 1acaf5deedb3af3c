"""The yearly plan of a branch's meetings, the agenda pack of a branch
committee meeting and the secretary's warning of members who missed three
confirmed meetings in a row (issue 14)."""

from datetime import datetime, time, timedelta

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .. import compat
from ..lib import meeting_plan
from .party_meeting import PartyMeeting, PartyMeetingAttendance

# the local time of a planned meeting
PLAN_TIME = time(14, 30)
PLAN_HOURS = 2
COMMITTEE_TYPE = "party_points.meeting_type_committee"
# streaks completed by a meeting older than this are history, not news
STREAK_LOOKBACK_DAYS = 90
# items of an agenda pack item named in its printed and Excel versions
AGENDA_DETAIL = 20


class PartyMeetingPlanned(models.Model):
    """The meeting's place in its branch's yearly plan, and the agenda pack
    of a branch committee meeting (支委会): what waits for the committee,
    each item with its count and the list behind it. ``_agenda_items`` is
    the hook other addons extend."""

    _inherit = "party.meeting"
    _sealed_fields = PartyMeeting._sealed_fields | {"plan_year"}

    plan_year = fields.Integer(
        readonly=True,
        copy=False,
        index=True,
        help="The year of the branch's plan this meeting was planned by.",
    )

    is_committee_meeting = fields.Boolean(compute="_compute_is_committee_meeting")

    @api.depends("type_id")
    def _compute_is_committee_meeting(self):
        committee = self.env.ref(COMMITTEE_TYPE, raise_if_not_found=False)
        for meeting in self:
            meeting.is_committee_meeting = bool(committee) and (
                meeting.type_id == committee
            )

    def _agenda_items(self):
        """``[(title, count, action)]``: what the committee of this
        meeting's branch has to see this month, as the current user reads
        it; ``action``: the window action listing the items. Extend it to
        add items (append to the list ``super()`` returns)."""
        self.ensure_one()
        domain = [
            ("state", "=", "submitted"),
            ("branch_id", "child_of", self.branch_id.ids),
        ]
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "party_points.party_points_entry_action_to_approve"
        )
        action.update(domain=domain, context={})
        return [
            (
                _("Entries waiting for approval"),
                self.env["party.points.entry"].search_count(domain),
                action,
            )
        ]

    def _check_agenda_pack(self):
        """Raise unless this is a committee meeting of a branch the user
        works (the pack is for its committee)."""
        self.ensure_one()
        if not self.is_committee_meeting:
            raise UserError(
                _("The agenda pack belongs to the meetings of the branch committee.")
            )
        self._check_officer()

    def _agenda_pack_rows(self):
        """The agenda pack to print or export: ``[(title, count, [names of
        the first AGENDA_DETAIL items])]``, read as the user (their record
        rules apply), after :meth:`_check_agenda_pack`."""
        self._check_agenda_pack()
        rows = []
        for title, count, action in self._agenda_items():
            names = []
            domain = action.get("domain")
            if count and action.get("res_model") and isinstance(domain, list):
                names = (
                    self.env[action["res_model"]]
                    .search(domain, limit=AGENDA_DETAIL)
                    .mapped("display_name")
                )
            rows.append((title, count, names))
        return rows

    def action_agenda_print(self):
        """The agenda pack as a PDF to hand out at the meeting."""
        self._check_agenda_pack()
        return self.env.ref("party_points.action_report_meeting_agenda").report_action(
            self
        )

    def action_agenda_xlsx(self):
        """The agenda pack as an Excel file (checked again by the
        controller)."""
        self._check_agenda_pack()
        return {
            "type": "ir.actions.client",
            "tag": "party_points.download",
            "params": {
                "url": f"/party_points/meeting/agenda/export?meeting_id={self.id}"
            },
        }

    def action_agenda_pack(self):
        """Open the agenda pack of this committee meeting: one line per
        item of :meth:`_agenda_items`."""
        self._check_agenda_pack()
        lines = self.env["party.meeting.agenda.line"].create(
            [
                {
                    "meeting_id": self.id,
                    "sequence": sequence,
                    "name": title,
                    "count": count,
                    "item_action": action,
                }
                for sequence, (title, count, action) in enumerate(self._agenda_items())
            ]
        )
        return {
            "type": "ir.actions.act_window",
            "name": _("Agenda Pack: %(meeting)s", meeting=self.name),
            "res_model": "party.meeting.agenda.line",
            "view_mode": compat.LIST_VIEW,
            "views": [(False, compat.LIST_VIEW)],
            "domain": [("id", "in", lines.ids)],
            "target": "new",
        }

    @api.model
    def _plan_vals(self, branches, year, tz, today):
        """The values of the meetings a plan of ``year`` creates for these
        branches (sudo reads): one per span of each type of a required
        frequency whose audience the branch has, per Party group for the
        group meetings; none before ``today`` (a year planned when it has
        begun is planned from today on)."""
        types = self.env["party.meeting.type"].search(
            [("frequency", "!=", "none"), ("audience", "!=", "one_to_one")]
        )
        groups = (
            self.env["party.group"].sudo().search([("branch_id", "in", branches.ids)])
        )
        vals_list = []
        for branch in branches.sudo():
            has_committee = bool(branch.secretary_id or branch.committee_member_ids)
            has_members = bool(branch.member_ids)
            branch_groups = groups.filtered(
                lambda group, branch=branch: group.branch_id == branch
            )
            for index, meeting_type in enumerate(types):
                if meeting_type.audience == "group":
                    targets = branch_groups
                elif meeting_type.audience == "committee":
                    targets = [False] if has_committee else []
                else:
                    targets = [False] if has_members else []
                for day in meeting_plan.plan_dates(meeting_type.frequency, year, index):
                    if day < today:
                        continue
                    start = (
                        tz.localize(datetime.combine(day, PLAN_TIME))
                        .astimezone(pytz.utc)
                        .replace(tzinfo=None)
                    )
                    for group in targets:
                        vals_list.append(
                            {
                                "name": " ".join(
                                    filter(
                                        None,
                                        [
                                            meeting_type.name,
                                            f"{day:%Y-%m}",
                                            group and group.name,
                                        ],
                                    )
                                ),
                                "type_id": meeting_type.id,
                                "branch_id": branch.id,
                                "group_id": group and group.id,
                                "date_start": start,
                                "date_end": start + timedelta(hours=PLAN_HOURS),
                                "plan_year": year,
                            }
                        )
        return vals_list

    @api.model
    def _plan_year(self, branches):
        """Plan the meetings of the year (``plan_year`` in the context, this
        year otherwise) of ``branches``, as the user: refused for a branch
        whose plan of that year exists (the branch form's button)."""
        if not branches:
            return True
        branches._check_user_works_here()
        year = self.env.context.get("plan_year") or fields.Date.context_today(self).year
        if not isinstance(year, int) or not 2000 <= year <= 2100:
            raise UserError(_("Choose a year between 2000 and 2100 to plan."))
        done = (
            self.sudo()
            .search([("branch_id", "in", branches.ids), ("plan_year", "=", year)])
            .branch_id
        )
        if done:
            raise UserError(
                _(
                    "The meetings of %(year)s are already planned for %(branches)s: "
                    "change the planned meetings themselves instead of planning "
                    "the year again.",
                    year=year,
                    branches=", ".join(done.mapped("complete_name")),
                )
            )
        tz = pytz.timezone(self.env.user.tz or "Asia/Shanghai")
        vals_list = self._plan_vals(branches, year, tz, fields.Date.context_today(self))
        if not vals_list:
            raise UserError(
                _(
                    "Nothing left to plan for %(branches)s in %(year)s: the year "
                    "is over, or no meeting type with a required frequency has "
                    "members to expect here.",
                    branches=", ".join(branches.mapped("complete_name")),
                    year=year,
                )
            )
        planned = self._workflow_env(sudo=False).create(vals_list)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "party_points.party_meeting_action"
        )
        action.update(domain=[("id", "in", planned.ids)], context={})
        return action


class PartyMeetingAttendanceStreak(models.Model):
    _inherit = "party.meeting.attendance"
    _sealed_fields = PartyMeetingAttendance._sealed_fields | {"streak_notified"}

    streak_notified = fields.Boolean(
        readonly=True,
        copy=False,
        help="This unexcused absence was the third in a row of the member: "
        "the branch secretary was given an activity.",
    )

    @api.model
    def _cron_absence_streaks(self, today=None):
        """Daily: an activity to the secretary of the branch (its first
        officer when it has no secretary user) for each member whose
        unexcused absences from confirmed meetings reach three in a row
        (lib/meeting_plan.streak_ends), once per run of absences."""
        today = today or fields.Date.context_today(self)
        since = today - timedelta(days=STREAK_LOOKBACK_DAYS)
        # the attendance of the members with a recent unexcused absence
        # not yet reported, oldest first
        self.env.flush_all()
        self.env.cr.execute(
            """
            SELECT a.member_id, a.id, a.status, a.streak_notified
              FROM party_meeting_attendance a
              JOIN party_meeting m ON m.id = a.meeting_id
             WHERE m.state = 'confirmed'
               AND a.member_id IN (
                    SELECT r.member_id
                      FROM party_meeting_attendance r
                      JOIN party_meeting rm ON rm.id = r.meeting_id
                     WHERE rm.state = 'confirmed' AND r.status = 'absent'
                       AND r.streak_notified IS NOT TRUE AND rm.date_start >= %s)
             ORDER BY a.member_id, m.date_start, m.id
            """,
            [since],
        )
        by_member = {}
        for member_id, line_id, status, notified in self.env.cr.fetchall():
            by_member.setdefault(member_id, []).append((line_id, status, notified))
        ends = []
        for lines in by_member.values():
            for position in meeting_plan.streak_ends([line[1] for line in lines]):
                line_id, _status, notified = lines[position]
                if not notified:
                    ends.append(line_id)
        lines = self.sudo().browse(ends)
        recent = lines.filtered(
            lambda line: fields.Date.to_date(line.meeting_id.date_start) >= since
        )
        activities = []
        model_id = self.env["ir.model"]._get_id("party.member")
        todo = self.env.ref("mail.mail_activity_data_todo")
        for line in recent:
            branch = line.member_id.branch_id
            user = branch.secretary_id.user_id or branch.officer_user_ids[:1]
            if not user:
                continue
            activities.append(
                {
                    "res_model_id": model_id,
                    "res_id": line.member_id.id,
                    "activity_type_id": todo.id,
                    "user_id": user.id,
                    "summary": _("Missed three meetings in a row"),
                    "note": _(
                        "%(member)s missed three confirmed meetings in a row "
                        "without leave, the last %(meeting)s: have a talk.",
                        member=line.member_id.name,
                        meeting=line.meeting_id.name,
                    ),
                    "date_deadline": today,
                }
            )
        if activities:
            self.env["mail.activity"].sudo().create(activities)
        lines._workflow_write({"streak_notified": True})
