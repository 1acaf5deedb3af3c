from . import test_branch_member
