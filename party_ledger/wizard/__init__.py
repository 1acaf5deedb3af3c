from . import party_suggestion_wizard
from . import party_suggestion_export
from . import party_ledger_settings
from . import party_wish_wizard
