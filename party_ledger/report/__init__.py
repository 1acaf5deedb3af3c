from . import party_suggestion_report
