"""The roles a user can hold at an organisation, and what each may do."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("管理员")
    CLERK = "clerk", _("经办人")
    REVIEWER = "reviewer", _("审核人")
    VIEWER = "viewer", _("领导(只读)")
    LAWYER = "lawyer", _("律师")
    STATION_KEEPER = "station_keeper", _("驿站管理员")
    SOCIAL_WORKER = "social_worker", _("工会社工")


# Roles that see the registry of their subtree. Lawyers, station keepers and social workers see only
# what is assigned to them in their own modules.
REGISTRY_ROLES = frozenset({Role.ADMIN, Role.CLERK, Role.REVIEWER, Role.VIEWER})
EDIT_ROLES = frozenset({Role.ADMIN, Role.CLERK})
# Who may reveal a masked ID number or phone (each reveal is audited).
REVEAL_ROLES = frozenset({Role.ADMIN, Role.CLERK, Role.REVIEWER})
USER_ADMIN_ROLES = frozenset({Role.ADMIN})
