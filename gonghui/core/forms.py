"""Form plumbing shared by every module: Tabler widget classes and scoped choices."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gonghui.core.models import Organisation
from gonghui.core.roles import USER_ADMIN_ROLES, Role
from gonghui.core.scoping import holds_role_at, scope_paths


class ScopedModelForm(forms.ModelForm):
    """Every choice of a related object is limited to what the user may edit. Saving is never
    done by the form: views pass `cleaned_data` to a service function."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        for name, field in self.fields.items():
            queryset = getattr(field, "queryset", None)
            if queryset is not None and hasattr(queryset, "editable_by"):
                field.queryset = keep_current(queryset.editable_by(user), self.initial.get(name))
            style(field)

    def save(self, commit=True):  # pragma: no cover - guard against bypassing the services
        raise NotImplementedError("save through a service function")


class ServiceModelForm(ScopedModelForm):
    """A form whose record is checked and written by a service: the form cleans the fields it
    shows, and leaves the model's own validation (full_clean, unique checks) to the service, which
    holds the lock and names every error by field. Views show the service's ValidationError on
    the form with `form.add_error(None, exc)`."""

    def _post_clean(self):
        pass  # the service validates the whole record under its lock


def keep_current(queryset, current_pk):
    """The choices a user may pick, plus the record's current value even when it lies outside
    their scope: an edit must never silently drop a relation it could not show."""
    if not current_pk:
        return queryset
    return queryset.model.objects.filter(Q(pk__in=queryset.values("pk")) | Q(pk=current_pk))


def style(field: forms.Field) -> None:
    widget = field.widget
    if isinstance(widget, forms.CheckboxInput):
        css = "form-check-input"
    elif isinstance(widget, forms.Select | forms.SelectMultiple):
        css = "form-select"
    else:
        css = "form-control"
    widget.attrs["class"] = (widget.attrs.get("class", "") + " " + css).strip()
    if isinstance(widget, forms.DateInput):
        widget.input_type = "date"
        widget.format = "%Y-%m-%d"


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class OrganisationForm(ScopedModelForm):
    class Meta:
        model = Organisation
        fields = [
            "name",
            "kind",
            "parent",
            "credit_code",
            "chair",
            "founded_on",
            "term_ends_on",
            "status",
            "takes_fallback_members",
        ]
        widgets = {"founded_on": DateInput(), "term_ends_on": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # Moving is its own action (it carries a whole subtree), not an edit of a field.
            del self.fields["parent"]
            may_mark = holds_role_at(self.user, self.instance, USER_ADMIN_ROLES)
        else:
            self.fields["parent"].required = not self.user.is_superuser
            may_mark = scope_paths(self.user, USER_ADMIN_ROLES) != []
        if not may_mark:
            # 兜底入会 is the administrator's to set (the service checks it again).
            del self.fields["takes_fallback_members"]


class MoveForm(forms.Form):
    new_parent = forms.ModelChoiceField(label=_("新的上级工会"), queryset=None)

    def __init__(self, *args, user, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_parent"].queryset = Organisation.objects.editable_by(user).exclude(
            path__startswith=organisation.path
        )
        style(self.fields["new_parent"])


class UserCreateForm(forms.Form):
    username = forms.CharField(label=_("用户名"), max_length=150)
    name = forms.CharField(label=_("姓名"), max_length=50)
    password = forms.CharField(label=_("初始密码"), widget=forms.PasswordInput, strip=False)
    role = forms.ChoiceField(label=_("角色"))
    organisation = forms.ModelChoiceField(label=_("所在组织"), queryset=None)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = Role.choices
        self.fields["organisation"].queryset = Organisation.objects.visible_to(
            user, roles=USER_ADMIN_ROLES
        )
        for field in self.fields.values():
            style(field)


class GrantForm(UserCreateForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("username", "name", "password"):
            del self.fields[name]
