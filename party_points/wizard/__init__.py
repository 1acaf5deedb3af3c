from . import party_points_reason_wizard
from . import party_points_grade_wizard
from . import party_points_export
from . import portal_wizard
from . import party_meeting_agenda_line
from . import party_points_assessment_line_wizard
