from . import res_company
from . import party_points_ruleset
from . import res_config_settings
from . import party_zone
from . import party_suggestion_tag
from . import party_practical_project
from . import party_suggestion
from . import party_board
