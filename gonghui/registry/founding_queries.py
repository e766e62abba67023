"""Read side of the founding drive (建会攻坚): the worklist of target employers and the figures
per town. Scoped only through `Employer.objects.visible_to(user)`.

A target is an operating employer without an active covering union in at least one of the four
categories of `registry.figures.target_conditions` (the dashboard counts the same). A target
that gets a union leaves the list at once and counts as founded for its town in the year of its
`union_since`.
"""

import datetime
from dataclasses import dataclass

from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Q,
    Subquery,
)
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.core.models import Organisation
from gonghui.core.models.orgs import TERRITORIAL_KINDS, TOWN_ORDER
from gonghui.registry.choices import ContactOutcome
from gonghui.registry.figures import COVERED, target_conditions
from gonghui.registry.models import Employer, FoundingContact

CATEGORY_LABELS = {
    "operating_1y": _("成立一年以上"),
    "party_branch": _("有党组织"),
    "non_public_25": _("25人以上非公"),
    "well_known": _("知名企业"),
}
# The latest contact's columns, annotated as last_<name>.
LAST_CONTACT_FIELDS = ("contacted_on", "outcome", "next_step", "next_on")


def categories(today: datetime.date) -> dict[str, Q]:
    return target_conditions(today)


def any_category(today: datetime.date) -> Q:
    q = Q(pk__in=[])
    for condition in categories(today).values():
        q |= condition
    return q


def targets(user, today: datetime.date | None = None):
    """The user's targets, each annotated with `cat_<category>` and the latest contact
    (`last_contacted_on`, `last_outcome`, `last_next_step`, `last_next_on`): one query for the
    whole page, none per row."""
    today = today or timezone.localdate()
    return with_last_contact(
        target_base(Employer.objects.visible_to(user), today).annotate(
            **{
                f"cat_{key}": ExpressionWrapper(q, output_field=BooleanField())
                for key, q in categories(today).items()
            }
        )
    )


def target_base(employers, today: datetime.date):
    """`employers` narrowed to founding-drive targets."""
    return employers.operating().exclude(COVERED).filter(any_category(today))


def with_last_contact(employers):
    latest = FoundingContact.objects.filter(employer=OuterRef("pk")).order_by(
        "-contacted_on", "-pk"
    )
    return employers.annotate(
        **{f"last_{name}": Subquery(latest.values(name)[:1]) for name in LAST_CONTACT_FIELDS}
    )


def category_labels(employer) -> list[str]:
    """The labels of the categories an annotated target falls in."""
    return [str(label) for key, label in CATEGORY_LABELS.items() if getattr(employer, f"cat_{key}")]


def outcome_label(value: str | None) -> str:
    return str(ContactOutcome(value).label) if value in ContactOutcome.values else ""


def decorate(rows, today: datetime.date) -> list:
    """Give each annotated target what its row shows: category labels, the outcome's label, and
    whether the next step is overdue."""
    rows = list(rows)
    for employer in rows:
        employer.category_labels = category_labels(employer)
        employer.last_outcome_label = outcome_label(employer.last_outcome)
        employer.next_overdue = bool(employer.last_next_on and employer.last_next_on < today)
    return rows


def contacts_of(user, employer: Employer):
    """The contact history of one employer, newest first."""
    return (
        FoundingContact.objects.visible_to(user)
        .filter(employer=employer)
        .select_related("recorded_by")
        .order_by("-contacted_on", "-pk")
    )


# ---------------------------------------------------------------------------------------------
# Figures per town
# ---------------------------------------------------------------------------------------------


@dataclass
class TownFigures:
    town: Organisation | None  # None: the total row
    targets: int = 0
    contacted: int = 0
    founded: int = 0


def town_figures(user, year: int, today: datetime.date | None = None) -> list[TownFigures]:
    """Per town or park the user sees (by the employer's territory): targets now, targets
    contacted in `year`, and employers whose union was founded in `year`. The last row is the
    total. Two grouped queries and one for the towns' names."""
    today = today or timezone.localdate()
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    visible = Employer.objects.visible_to(user)
    contacted = FoundingContact.objects.filter(
        employer=OuterRef("pk"), contacted_on__range=(first, last)
    )
    target_rows = (
        target_base(visible, today)
        .alias(contacted=Exists(contacted))
        .values_list("territory")
        .annotate(n=Count("id"), contacted=Count("id", filter=Q(contacted=True)))
        .order_by()
    )
    founded_rows = (
        visible.filter(union_since__range=(first, last))
        .values_list("territory")
        .annotate(n=Count("id"))
        .order_by()
    )
    by_town: dict[int, TownFigures] = {}
    for territory, n, reached in target_rows:
        row = by_town.setdefault(territory, TownFigures(None))
        row.targets, row.contacted = n, reached
    for territory, n in founded_rows:
        by_town.setdefault(territory, TownFigures(None)).founded = n
    towns = Organisation.objects.visible_to(user).filter(kind__in=TERRITORIAL_KINDS)
    towns = Organisation.objects.filter(Q(pk__in=towns.values("pk")) | Q(pk__in=list(by_town)))
    rows = []
    for town in towns.order_by(*TOWN_ORDER):
        row = by_town.get(town.pk, TownFigures(None))
        row.town = town
        rows.append(row)
    total = TownFigures(
        None,
        targets=sum(r.targets for r in rows),
        contacted=sum(r.contacted for r in rows),
        founded=sum(r.founded for r in rows),
    )
    return [*rows, total]
