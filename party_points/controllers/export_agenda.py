from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request

from .export import parse_ids, xlsx_response


class PartyMeetingAgendaExportController(http.Controller):
    @http.route("/party_points/meeting/agenda/export", type="http", auth="user")
    def party_meeting_agenda_export(self, meeting_id=None):
        """Stream a committee meeting's agenda pack; the meeting is read and
        checked as the user, whatever the URL names."""
        env = request.env
        meeting = env["party.meeting"].browse(parse_ids(meeting_id)[:1])
        meeting = env["party.points.export"]._readable(meeting)
        if not meeting:
            raise NotFound()
        filename, content = env["party.meeting.agenda.xlsx"]._agenda_file(meeting)
        return xlsx_response(filename, content)
