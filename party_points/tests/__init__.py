from . import test_branch_member
from . import test_portal
from . import test_multicompany
from . import test_backoffice_tours
from . import test_recipient_language
from . import test_portal_phone
from . import test_demo_plant
