from . import party_suggestion_wizard
from . import party_suggestion_export
