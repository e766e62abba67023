"""Users and the roles they hold at organisations."""

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from gonghui.core.fields import link
from gonghui.core.roles import Role
from gonghui.core.scoping import ScopedQuerySet


class UserQuerySet(ScopedQuerySet):
    # A user is visible to an administrator when any role of theirs lies in the admin's subtree.
    scope_lookups = ("role_assignments__organisation__path",)
    scope_roles = frozenset({Role.ADMIN})

    def visible_to(self, user, roles=None):
        return super().visible_to(user, roles).distinct()


class GonghuiUserManager(UserManager.from_queryset(UserQuerySet)):
    pass


class User(AbstractUser):
    name = models.CharField(_("姓名"), max_length=50, blank=True)

    objects = GonghuiUserManager()

    class Meta:
        verbose_name = _("用户")
        verbose_name_plural = _("用户")

    def get_full_name(self) -> str:
        return self.name or self.username

    def __str__(self) -> str:
        return self.get_full_name()

    def has_role(self, *roles: str) -> bool:
        return self.is_superuser or self.role_assignments.filter(role__in=roles).exists()


class RoleAssignment(models.Model):
    user = models.ForeignKey(
        User, verbose_name=_("用户"), on_delete=models.CASCADE, related_name="role_assignments"
    )
    role = models.CharField(_("角色"), max_length=20, choices=Role.choices)
    organisation = link("core.Organisation", _("所在组织"), related_name="role_assignments")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("角色")
        verbose_name_plural = _("角色")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "organisation"], name="role_assignment_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()} @ {self.organisation}"
