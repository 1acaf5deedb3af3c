from . import test_branch_member
from . import test_portal
from . import test_multicompany
from . import test_backoffice_tours
from . import test_board
from . import test_evidence
