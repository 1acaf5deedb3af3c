from . import portal
from . import export
from . import wish_portal
