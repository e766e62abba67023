"""API tokens end with the authority they were issued under (core.api_auth).

A token stands for its owner until it expires; it must not outlive a password change (the
password may have leaked together with the token) nor the roles it was issued for. Both are
caught at the model, not in one service, because a password also changes through Django's own
pages, the admin and `changepassword`, and a role may be removed from the admin.

Every audited write also bumps the versions the workbench and the figures are cached under
(core.versions); a change of a role tells the workbench (core.workbench) to count afresh.
"""

from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from rest_framework.authtoken.models import Token

from gonghui.core import versions, workbench
from gonghui.core.models import AuditAction, AuditEntry, RoleAssignment, User


@receiver(post_save, sender=User, dispatch_uid="core.tokens_end_with_password")
def tokens_end_with_password(sender, instance: User, created: bool, **kwargs) -> None:
    # AbstractBaseUser.set_password keeps the new raw password in `_password` until the save
    # has run its post-change hooks: set here means this save changed the password.
    if not created and getattr(instance, "_password", None) is not None:
        Token.objects.filter(user=instance).delete()


@receiver(post_delete, sender=RoleAssignment, dispatch_uid="core.tokens_end_with_roles")
def tokens_end_with_roles(sender, instance: RoleAssignment, **kwargs) -> None:
    Token.objects.filter(user_id=instance.user_id).delete()


@receiver(post_save, sender=AuditEntry, dispatch_uid="core.audited_write")
def audited_write(sender, instance: AuditEntry, **kwargs) -> None:
    # Whatever waits, and whatever a figure counts, is written with an audit entry; a reveal of
    # personal data is audited too but changes nothing.
    if instance.action != AuditAction.REVEAL:
        versions.audited_write()


@receiver(post_save, sender=RoleAssignment, dispatch_uid="core.workbench_scope_saved")
@receiver(post_delete, sender=RoleAssignment, dispatch_uid="core.workbench_scope_deleted")
def workbench_counts_afresh(sender, **kwargs) -> None:
    # A role changes what a user sees. Once now, for the pages this request still renders, and
    # once at commit, so that another request counting in between is not kept for the TTL.
    workbench.invalidate()
    transaction.on_commit(workbench.invalidate)


@receiver(user_logged_in, dispatch_uid="core.workbench_at_sign_in")
def workbench_at_sign_in(sender, request, user, **kwargs) -> None:
    # Counted once at sign-in, so the pages that follow read the badges from the cache.
    workbench.warm(user)
