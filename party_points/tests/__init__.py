from . import test_branch_member
from . import test_portal
