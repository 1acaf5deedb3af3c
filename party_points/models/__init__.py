from . import party_branch
from . import party_member
from . import hr_employee
from . import res_users
