from . import portal
from . import export
from . import portal_meetings
from . import portal_assessment
from . import export_compliance
from . import export_rating
from . import portal_staff_rating
