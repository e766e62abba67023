"""The organisation picker (选择组织): one widget for every form and filter that chooses an
organisation or a union. A county has hundreds of unions, so a flat select of them all is
unusable; the picker is a type-ahead over the scoped organisation search (name, pinyin initials
from any character, credit code; `gonghui.core.search.text_q`) that shows each match's place in
the tree (县 › 镇 › 单位).

What a user may choose is a *source*: a function `(user, **params) -> Organisation queryset`
registered by name (core's own below; a module registers its own from `AppConfig.ready()`).
`use_picker()` sets both the field's queryset (what the form accepts) and the widget (what it
suggests) from the same source, so the two never disagree. The widget's address carries the
source's name and parameters signed, never a queryset, and the search endpoint
(`core:org_pick`) applies them to the requesting user: the suggestions are scoped exactly as the
form is.

The page side is `static/gonghui/org_picker.js` (no inline script: the Content-Security-Policy
allows scripts from this site only); without JavaScript the widget is a plain number field.
"""

from collections.abc import Callable

from django import forms
from django.core import signing
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gonghui.core.models import Organisation
from gonghui.core.models.orgs import SIBLING_ORDER
from gonghui.core.roles import EDIT_ROLES, USER_ADMIN_ROLES
from gonghui.core.search import text_q

SALT = "gonghui.org-picker"
LIMIT = 20  # suggestions shown at once: a clerk narrows by typing, not by scrolling
SEPARATOR = " › "

_sources: dict[str, Callable] = {}


def register_source(name: str, source: Callable) -> None:
    _sources[name] = source


def choices(source: str, user, **params):
    """The organisations `user` may choose from `source`; `kinds` narrows any source, and so
    does `admitting` (only those that hold members: Organisation.admits_members)."""
    kinds = params.pop("kinds", None)
    admitting = params.pop("admitting", False)
    queryset = _sources[source](user, **params)
    if kinds:
        queryset = queryset.filter(kind__in=list(kinds))
    if admitting:
        queryset = queryset.admitting_members()
    return queryset


register_source("visible", lambda user: Organisation.objects.visible_to(user))
register_source("editable", lambda user: Organisation.objects.visible_to(user, roles=EDIT_ROLES))
register_source(
    "user_admin", lambda user: Organisation.objects.visible_to(user, roles=USER_ADMIN_ROLES)
)


def _move_targets(user, *, organisation: int):
    moving = Organisation.objects.get(pk=organisation)
    return Organisation.objects.editable_by(user).exclude(path__startswith=moving.path)


register_source("move_target", _move_targets)


def _editable_within(user, *, within: str):
    return Organisation.objects.editable_by(user).filter(path__startswith=within)


register_source("editable_within", _editable_within)


def search(queryset, q: str):
    """Matches of `q` in `queryset`, the nearest the root first (towns before their unions),
    then in the county's order; without `q`, the first levels of the choices."""
    q = (q or "").strip()
    if q:
        queryset = queryset.filter(text_q(q, credit_code="credit_code"))
    return queryset.order_by("depth", *SIBLING_ORDER)


def path_labels(orgs) -> dict[int, str]:
    """Each organisation's place in the tree, `竹溪县总工会 › 城关镇总工会 › 甲机械厂工会`, all in
    one query. Ancestors are names of the tree a user's own organisations sit in (union names
    are public: every union has a join poster)."""
    orgs = list(orgs)
    prefixes = set()
    for org in orgs:
        segments = org.path.split("/")[:-1]
        prefixes.update("/".join(segments[: i + 1]) + "/" for i in range(len(segments)))
    names = dict(Organisation.objects.filter(path__in=prefixes).values_list("path", "name"))
    labels = {}
    for org in orgs:
        segments = org.path.split("/")[:-1]
        chain = ["/".join(segments[: i + 1]) + "/" for i in range(len(segments))]
        labels[org.pk] = SEPARATOR.join(names.get(p, "") for p in chain if p in names)
    return labels


def results(queryset, q: str, limit: int = LIMIT) -> list[dict]:
    orgs = list(search(queryset, q)[:limit])
    labels = path_labels(orgs)
    return [
        {"id": o.pk, "name": o.name, "path": labels[o.pk], "kind": o.get_kind_display()}
        for o in orgs
    ]


class OrgPicker(forms.Select):
    """A hidden input holding the chosen organisation's id and a search box for its name."""

    template_name = "core/widgets/org_picker.html"

    def __init__(self, *, source: str = "visible", params: dict | None = None, attrs=None):
        super().__init__(attrs)
        self.source, self.params = source, dict(params or {})

    def __deepcopy__(self, memo):
        copy = super().__deepcopy__(memo)
        copy.params = dict(self.params)
        return copy

    def token(self) -> str:
        return signing.dumps({"s": self.source, "p": self.params}, salt=SALT, compress=True)

    def chosen(self, value):
        """The chosen organisation, looked up within the field's own choices only, so that a
        forged id never shows the name of an organisation out of the user's scope."""
        if value in (None, ""):
            return None
        queryset = getattr(self.choices, "queryset", None)
        if queryset is None:
            return None
        try:
            return queryset.filter(pk=int(value)).first()
        except (TypeError, ValueError):
            return None

    def format_value(self, value):
        if isinstance(value, list | tuple):
            value = value[0] if value else None
        return "" if value is None else str(value)

    def get_context(self, name, value, attrs):
        context = forms.Widget.get_context(self, name, value, attrs)
        value = context["widget"]["value"]
        org = self.chosen(value)
        attrs = context["widget"]["attrs"]
        css = attrs.pop("class", "").replace("form-select", "").strip()
        context["widget"].update(
            value=str(org.pk) if org else "",
            label=org.name if org else "",
            path=path_labels([org])[org.pk] if org else "",
            url=reverse("core:org_pick") + "?s=" + self.token(),
            input_class=("form-control " + css).strip(),
            placeholder=self.attrs.get("placeholder") or _("输入名称、拼音首字母或信用代码"),
            list_id=f"{attrs.get('id') or name}-list",
        )
        return context

    def value_from_datadict(self, data, files, name):
        return data.get(name)


def use_picker(
    field: forms.ModelChoiceField, *, user, source: str = "visible", keep=None, **params
):
    """Make `field` a picker over `source`: its queryset is the source's choices for `user`
    (plus `keep`, the record's current value, which an edit must never silently drop)."""
    from gonghui.core.forms import keep_current

    if "kinds" in params:
        params["kinds"] = sorted(str(k) for k in params["kinds"])
    field.queryset = keep_current(choices(source, user, **params), keep)
    widget = OrgPicker(source=source, params=params, attrs=field.widget.attrs)
    widget.is_required = field.required
    widget.choices = field.choices
    field.widget = widget
    return field
