"""Compliance of organisational life: per branch, meeting type and month,
the meetings the types' frequencies require, held, confirmed, and the
attendance of the confirmed ones (issue 14)."""

from datetime import date
from urllib.parse import urlencode

from odoo import _, api, fields, models, tools
from odoo.exceptions import AccessError
from odoo.tools import SQL

from .. import compat
from ..lib import meeting_plan, meetings
from .party_meeting import FREQUENCIES

# The rows are the branches' organisations that hold meetings (branches and
# general branches, not the Party committee) crossed with the types of a
# required frequency whose audience the branch has, over every month of the
# years that hold meetings and of the current year, plus the months where
# meetings of other types were held. The requirement of a month follows
# lib/meeting_plan.required_in_month (a span's meeting counted in its last
# month): the SQL below says MOD(month, span) = 0 with the same spans.
COMPLIANCE_VIEW = """
CREATE OR REPLACE VIEW %(view)s AS (
    WITH span AS (
        SELECT * FROM (VALUES %(spans)s) AS s (frequency, months)
    ),
    applicable AS (
        SELECT b.id AS branch_id, b.company_id, t.id AS type_id, s.months,
            CASE t.audience
                WHEN 'group' THEN (
                    SELECT COUNT(*) FROM party_group g
                    WHERE g.branch_id = b.id AND g.active)
                WHEN 'committee' THEN CASE
                    WHEN b.secretary_id IS NOT NULL OR EXISTS (
                        SELECT 1 FROM party_branch_committee_rel r
                        WHERE r.branch_id = b.id) THEN 1 ELSE 0 END
                ELSE CASE WHEN EXISTS (
                    SELECT 1 FROM party_member pm
                    WHERE pm.branch_id = b.id AND pm.active) THEN 1 ELSE 0 END
            END AS per_span
        FROM party_branch b
        CROSS JOIN party_meeting_type t
        JOIN span s ON s.frequency = t.frequency
        WHERE b.active AND b.org_type != 'committee' AND t.active
            AND t.audience != 'one_to_one'
    ),
    months AS (
        SELECT generate_series(
            date_trunc('year', LEAST(MIN(m.date_start), now())),
            date_trunc('year', GREATEST(MAX(m.date_start), now()))
                + interval '11 months',
            interval '1 month')::date AS month
        FROM party_meeting m
    ),
    held AS (
        SELECT m.branch_id, m.company_id, m.type_id,
            date_trunc('month', m.date_start)::date AS month,
            COUNT(*) FILTER (WHERE m.state = 'planned') AS planned_count,
            COUNT(*) FILTER (WHERE m.state IN ('held', 'confirmed')) AS held_count,
            COUNT(*) FILTER (WHERE m.state = 'confirmed') AS confirmed_count
        FROM party_meeting m
        WHERE m.state != 'cancelled'
        GROUP BY m.branch_id, m.company_id, m.type_id,
            date_trunc('month', m.date_start)
    ),
    lines AS (
        SELECT m.branch_id, m.type_id,
            date_trunc('month', m.date_start)::date AS month,
            COUNT(*) AS expected_count,
            COUNT(*) FILTER (WHERE a.status IN %(attended)s) AS attended_count
        FROM party_meeting_attendance a
        JOIN party_meeting m ON m.id = a.meeting_id
        WHERE m.state = 'confirmed'
        GROUP BY m.branch_id, m.type_id, date_trunc('month', m.date_start)
    ),
    keyed AS (
        SELECT a.branch_id, a.company_id, a.type_id, mo.month, a.months,
            CASE WHEN MOD(EXTRACT(month FROM mo.month)::int, a.months) = 0
                THEN a.per_span ELSE 0 END AS required_count
        FROM applicable a CROSS JOIN months mo
        WHERE a.per_span > 0
        UNION ALL
        SELECT h.branch_id, h.company_id, h.type_id, h.month, 1, 0
        FROM held h
        WHERE NOT EXISTS (
            SELECT 1 FROM applicable a
            WHERE a.branch_id = h.branch_id AND a.type_id = h.type_id
                AND a.per_span > 0)
    ),
    figures AS (
        SELECT k.branch_id, k.company_id, k.type_id, k.month, k.required_count,
            COALESCE(h.planned_count, 0) AS planned_count,
            COALESCE(h.held_count, 0) AS held_count,
            COALESCE(h.confirmed_count, 0) AS confirmed_count,
            COALESCE(l.expected_count, 0) AS expected_count,
            COALESCE(l.attended_count, 0) AS attended_count,
            date_trunc('year', k.month)::date
                + (((EXTRACT(month FROM k.month)::int - 1) / k.months * k.months)
                    || ' months')::interval AS span_start
        FROM keyed k
        LEFT JOIN held h ON h.branch_id = k.branch_id AND h.type_id = k.type_id
            AND h.month = k.month
        LEFT JOIN lines l ON l.branch_id = k.branch_id AND l.type_id = k.type_id
            AND l.month = k.month
    )
    SELECT
        row_number() OVER (ORDER BY f.branch_id, f.type_id, f.month) AS id,
        f.branch_id, f.company_id, f.type_id, t.frequency, f.month,
        f.required_count, f.planned_count, f.held_count, f.confirmed_count,
        f.expected_count, f.attended_count,
        CASE WHEN f.expected_count > 0
            THEN 100.0 * f.attended_count / f.expected_count END
            AS attendance_rate,
        SUM(f.held_count) OVER w >= SUM(f.required_count) OVER w AS compliant
    FROM figures f
    JOIN party_meeting_type t ON t.id = f.type_id
    WINDOW w AS (PARTITION BY f.branch_id, f.type_id, f.span_start)
)
"""


class PartyMeetingComplianceReport(models.Model):
    """One row per branch, meeting type and month: meetings required by the
    type's frequency (a quarter's or a year's counted in its last month),
    planned, held (held or confirmed), confirmed, and the attendance of the
    confirmed ones. ``compliant``: the span the month belongs to (the month,
    the quarter, the year) holds as many meetings held as it requires.

    The attendance rate of any group of rows is attended lines over
    expected lines of the group, not an average of the rows' rates
    (:meth:`_read_group_select`)."""

    _name = "party.meeting.compliance.report"
    _description = "Meeting Compliance Analysis"
    _auto = False
    _order = "month desc, branch_id, type_id"
    _depends = {
        "party.meeting": ["branch_id", "company_id", "date_start", "state", "type_id"],
        "party.meeting.attendance": ["meeting_id", "status"],
        "party.meeting.type": ["active", "audience", "frequency"],
        "party.branch": [
            "active",
            "committee_member_ids",
            "company_id",
            "org_type",
            "secretary_id",
        ],
        "party.group": ["active", "branch_id"],
        "party.member": ["active", "branch_id"],
    }

    branch_id = fields.Many2one("party.branch", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    type_id = fields.Many2one(
        "party.meeting.type", string="Meeting Type", readonly=True
    )
    frequency = fields.Selection(
        FREQUENCIES, string="Required Frequency", readonly=True
    )
    month = fields.Date(readonly=True)
    required_count = fields.Integer(
        string="Required",
        readonly=True,
        help="Meetings the type's frequency requires: one a month, one a "
        "quarter (counted in the quarter's last month), one a year (counted "
        "in December); a Party group meeting once per group.",
    )
    planned_count = fields.Integer(string="Planned", readonly=True)
    held_count = fields.Integer(
        string="Held", readonly=True, help="Meetings held or confirmed."
    )
    confirmed_count = fields.Integer(string="Confirmed", readonly=True)
    expected_count = fields.Integer(
        string="Expected Attendees",
        readonly=True,
        help="Attendance lines of the confirmed meetings.",
    )
    attended_count = fields.Integer(
        string="Attended",
        readonly=True,
        help="Lines of the confirmed meetings marked present or late.",
    )
    attendance_rate = fields.Float(
        string="Attendance Rate (%)",
        readonly=True,
        digits=(16, 1),
        **compat.aggregator("avg"),
        help="Present or late over the expected attendees of the confirmed meetings.",
    )
    compliant = fields.Boolean(
        readonly=True,
        help="The month's span (the month, the quarter or the year of the "
        "type's frequency) holds as many meetings held as it requires.",
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        spans = SQL(", ").join(
            SQL("(%s, %s)", frequency, months)
            for frequency, months in meeting_plan.SPAN_MONTHS.items()
        )
        self.env.cr.execute(
            SQL(
                COMPLIANCE_VIEW,
                view=SQL.identifier(self._table),
                spans=spans,
                attended=tuple(sorted(meetings.ATTENDED)),
            )
        )

    def _read_group_select(self, aggregate_spec, query):
        """The attendance rate of a group: its attended lines over its
        expected lines, whatever the aggregate asked."""
        if aggregate_spec.split(":")[0] != "attendance_rate":
            return super()._read_group_select(aggregate_spec, query)
        attended = super()._read_group_select("attended_count:sum", query)
        expected = super()._read_group_select("expected_count:sum", query)
        if compat.SERIES < 18:
            # 17.0 returns (expression, fields read)
            return (
                SQL(
                    "100.0 * %s / NULLIF(%s, 0)",
                    attended[0],
                    expected[0],
                ),
                attended[1] + expected[1],
            )
        return SQL("100.0 * %s / NULLIF(%s, 0)", attended, expected)

    @api.model
    def _export_rows(self, year, branches):
        """The rows of ``year`` of ``branches`` and the branches below them
        the user reads (their record rules apply), by branch, month and
        type: ``[(branch, month, type, frequency label, required, planned,
        held, confirmed, expected, attended, rate or None, compliant
        label)]``. An AccessError for a user without the report or a branch
        they may not read."""
        if not self.env.user.has_group("party_points.group_party_officer"):
            raise AccessError(
                _("Only branch officers and the Party committee export compliance.")
            )
        branches = self.env["party.points.export"]._readable(branches)
        domain = [
            ("month", ">=", date(year, 1, 1)),
            ("month", "<=", date(year, 12, 1)),
        ]
        if branches:
            branches._check_user_works_here()
            domain.append(("branch_id", "child_of", branches.ids))
        frequencies = dict(self._fields["frequency"]._description_selection(self.env))
        yes, no = _("Yes"), _("No")
        rows = self.search(domain)
        return [
            (
                row.branch_id.complete_name,
                row.month,
                row.type_id.name,
                frequencies.get(row.frequency, ""),
                row.required_count,
                row.planned_count,
                row.held_count,
                row.confirmed_count,
                row.expected_count,
                row.attended_count,
                row.attendance_rate if row.expected_count else None,
                yes if row.compliant else no,
            )
            for row in rows.sorted(
                lambda row: (
                    row.branch_id.complete_name,
                    row.month,
                    row.type_id.sequence,
                    row.type_id.id,
                )
            )
        ]

    def action_export_xlsx(self):
        """Download the year's compliance (the year of the selected rows,
        this year without a selection) of the selected rows' branches, of
        every branch the user reads without a selection."""
        year = self[:1].month.year if self else fields.Date.context_today(self).year
        params = {"year": year}
        if self:
            params["branch_ids"] = ",".join(str(id_) for id_ in self.branch_id.ids)
        self._export_rows(year, self.branch_id)
        return {
            "type": "ir.actions.client",
            "tag": "party_points.download",
            "params": {
                "url": f"/party_points/meeting_compliance/export?{urlencode(params)}"
            },
        }
