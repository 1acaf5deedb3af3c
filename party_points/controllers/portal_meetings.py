from odoo import _, fields, http
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

# Meetings of the member's history shown on /my/meetings.
HISTORY_LIMIT = 50


class PartyMeetingPortal(CustomerPortal):
    """/my/meetings: the member's upcoming meetings, with a leave request
    each, and their attendance history. Portal members have no access to
    meetings: the pages read as superuser, only what the member's own
    branch and attendance lines allow (the back office's record rules,
    said once more here), and the leave request checks who asks
    (:meth:`party.meeting._request_leave`)."""

    @staticmethod
    def _upcoming_domain(member):
        """The coming meetings ``member`` sees: of their branch, planned,
        not started, and, for a type only its attendees see, with them on
        the list."""
        return [
            ("branch_id", "=", member.branch_id.id),
            ("state", "=", "planned"),
            ("date_start", ">", fields.Datetime.now()),
            "|",
            ("attendees_only", "=", False),
            ("attendance_ids.member_id", "=", member.id),
        ]

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "meeting_count" in counters:
            member = request.env.user._party_member()
            values["meeting_count"] = (
                request.env["party.meeting"]
                .sudo()
                .search_count(self._upcoming_domain(member))
                if member
                else 0
            )
        return values

    @classmethod
    def _meeting_values(cls, member, error=None, sent=False):
        upcoming = (
            request.env["party.meeting"]
            .sudo()
            .search(cls._upcoming_domain(member), order="date_start, id")
        )
        Line = request.env["party.meeting.attendance"].sudo()
        mine = Line.search(
            [("member_id", "=", member.id), ("meeting_id", "in", upcoming.ids)]
        )
        return {
            "member": member,
            "upcoming": upcoming,
            "my_lines": {line.meeting_id.id: line for line in mine},
            "history": Line.search(
                [("member_id", "=", member.id), ("state", "=", "confirmed")],
                order="date_start desc, id desc",
                limit=HISTORY_LIMIT,
            ),
            "error": error,
            "sent": sent,
            "page_name": "meetings",
        }

    @http.route(["/my/meetings"], type="http", auth="user", website=True)
    def portal_my_meetings(self, sent=None, **kw):
        member = request.env.user._party_member()
        if not member:
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        values.update(self._meeting_values(member, sent=bool(sent)))
        return request.render("party_points.portal_my_meetings", values)

    @http.route(
        ["/my/meetings/<int:meeting_id>/leave"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_meeting_leave(self, meeting_id, reason=None, member_id=None, **kw):
        user = request.env.user
        own = user._party_member()
        if not own:
            return request.redirect("/my")
        meeting = request.env["party.meeting"].sudo().browse(meeting_id).exists()
        try:
            if not meeting:
                raise UserError(_("This meeting does not exist."))
            named = request.env["party.member"].sudo()
            if member_id:
                try:
                    named = named.browse(int(member_id)).exists() or named.browse(-1)
                except ValueError:
                    named = named.browse(-1)
            meeting._request_leave(user, reason, member=named)
        except UserError as error:
            values = self._prepare_portal_layout_values()
            values.update(self._meeting_values(own, error=error.args[0]))
            return request.render("party_points.portal_my_meetings", values)
        return request.redirect("/my/meetings?sent=1")
