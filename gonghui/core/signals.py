"""API tokens end with the authority they were issued under (core.api_auth).

A token stands for its owner until it expires; it must not outlive a password change (the
password may have leaked together with the token) nor the roles it was issued for. Both are
caught at the model, not in one service, because a password also changes through Django's own
pages, the admin and `changepassword`, and a role may be removed from the admin.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from rest_framework.authtoken.models import Token

from gonghui.core.models import RoleAssignment, User


@receiver(post_save, sender=User, dispatch_uid="core.tokens_end_with_password")
def tokens_end_with_password(sender, instance: User, created: bool, **kwargs) -> None:
    # AbstractBaseUser.set_password keeps the new raw password in `_password` until the save
    # has run its post-change hooks: set here means this save changed the password.
    if not created and getattr(instance, "_password", None) is not None:
        Token.objects.filter(user=instance).delete()


@receiver(post_delete, sender=RoleAssignment, dispatch_uid="core.tokens_end_with_roles")
def tokens_end_with_roles(sender, instance: RoleAssignment, **kwargs) -> None:
    Token.objects.filter(user_id=instance.user_id).delete()
