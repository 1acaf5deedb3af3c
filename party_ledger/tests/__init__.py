from . import test_intake_anonymity
from . import test_workflow
from . import test_points_link
from . import test_deadlines
from . import test_rates
from . import test_access
from . import test_portal
from . import test_portal_employee
