from . import party_xlsx
from . import party_points_ledger_xlsx
from . import party_points_entries_xlsx
from . import party_meeting_compliance_xlsx
from . import party_branch_rating_xlsx
