from . import party_suggestion_report
from . import party_suggestion_ledger_xlsx
