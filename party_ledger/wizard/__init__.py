from . import party_suggestion_wizard
