"""Read-only queries of the contracts area: the establishment rates of the report and the lists the
pages show. Nothing here writes.

Definitions, where the issue leaves a choice:
- The base of every rate is the unionized employers in scope: operating and covered by an active
  union (`gonghui.registry.figures`), the same base as `employers_unionized`.
- An employer has a contract of a kind when a contract of that kind covering it (ContractEmployer,
  whether an enterprise, regional or industry contract) is effective on `scope.today`: effective
  on or before that day and expiring on or after it. Who signed the contract does not matter: a
  county-wide industry contract counts for a town's employer.
- An employer has a workers' congress (职代会) / open factory affairs (厂务公开) when its Democracy
  row says established; no row is "not established".
"""

import datetime

from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from gonghui.core.figures import FigureScope, rate
from gonghui.core.scoping import path_q, scope_paths
from gonghui.registry.figures import COVERED, EMPLOYER_LOOKUPS, covered, operating_employers
from gonghui.registry.models import Employer
from gonghui.rights.choices import ContractKind, OfferResponse
from gonghui.rights.models import CollectiveContract, ContractEmployer, Democracy, RoundOffer

ANY = "any"
EXPIRING_DAYS = 90
# A workers' congress meets at least once a year; a last session older than this is overdue.
SESSION_INTERVAL = datetime.timedelta(days=365)


def unionized_employers(scope: FigureScope) -> QuerySet:
    """Operating employers in scope covered by an active union on `scope.today`: the base of
    every rate here."""
    return operating_employers(scope).filter(covered(scope))


def effective_coverage(today: datetime.date, kind: str | None = None) -> QuerySet:
    """ContractEmployer rows of the employer in the outer query under a contract effective on
    `today` (of `kind` when given): for `Exists(...)`."""
    rows = ContractEmployer.objects.filter(
        employer=OuterRef("pk"),
        contract__effective_on__lte=today,
        contract__expires_on__gte=today,
    )
    return rows.filter(contract__kind=kind) if kind else rows


def contract_coverage(scope: FigureScope) -> dict:
    """Unionized employers covered by an effective contract: `{"any": n, "<kind>": n, ...}`, one
    aggregate query."""

    def query():
        counts = {ANY: Count("pk", filter=Q(Exists(effective_coverage(scope.today))))}
        for kind in ContractKind.values:
            counts[kind] = Count("pk", filter=Q(Exists(effective_coverage(scope.today, kind))))
        return unionized_employers(scope).aggregate(**counts)

    return scope.memo("rights.contract_coverage", query)


def democracy_counts(scope: FigureScope) -> dict:
    """Unionized employers with a workers' congress / open factory affairs, and the base:
    `{"congress": n, "open_affairs": n, "base": n}`, one aggregate query."""

    def query():
        rows = Democracy.objects.filter(employer=OuterRef("pk"))
        return unionized_employers(scope).aggregate(
            congress=Count("pk", filter=Q(Exists(rows.filter(congress_established=True)))),
            open_affairs=Count("pk", filter=Q(Exists(rows.filter(open_affairs_established=True)))),
            base=Count("pk"),
        )

    return scope.memo("rights.democracy_counts", query)


def establishment_rates(scope: FigureScope) -> dict:
    """The rates panel: each share over the unionized employers (two queries)."""
    coverage = contract_coverage(scope)
    democracy = democracy_counts(scope)
    base = democracy["base"]
    contracts = [
        {"key": kind, "label": label, "count": coverage[kind], "rate": rate(coverage[kind], base)}
        for kind, label in ContractKind.choices
    ]
    return {
        "base": base,
        "contract_any": {"count": coverage[ANY], "rate": rate(coverage[ANY], base)},
        "contracts": contracts,
        "congress": {"count": democracy["congress"], "rate": rate(democracy["congress"], base)},
        "open_affairs": {
            "count": democracy["open_affairs"],
            "rate": rate(democracy["open_affairs"], base),
        },
    }


# ---------------------------------------------------------------------------------------------
# Lists
# ---------------------------------------------------------------------------------------------


def contract_status_q(status: str, today: datetime.date) -> Q:
    """effective / expired / pending (not yet effective) on `today`."""
    return {
        "effective": Q(effective_on__lte=today, expires_on__gte=today),
        "expired": Q(expires_on__lt=today),
        "pending": Q(effective_on__gt=today),
    }[status]


def expiring_contracts(user, today: datetime.date, days: int = EXPIRING_DAYS) -> list:
    """Contracts the user sees expiring from today to `days` days on (both inclusive), soonest
    first, each with `days_left` and `employer_names`."""
    contracts = list(
        CollectiveContract.objects.visible_to(user)
        .expiring(today, days)
        .select_related("organisation")
        .order_by("expires_on", "pk")
    )
    names = employer_names([c.pk for c in contracts])
    for contract in contracts:
        contract.days_left = (contract.expires_on - today).days
        contract.employer_names = names.get(contract.pk, [])
    return contracts


def employer_names(contract_ids: list[int]) -> dict[int, list[str]]:
    """Names of the employers each contract covers, in one query."""
    names: dict[int, list[str]] = {}
    rows = (
        ContractEmployer.objects.filter(contract_id__in=contract_ids)
        .order_by("employer__name")
        .values_list("contract_id", "employer__name")
    )
    for contract_id, name in rows:
        names.setdefault(contract_id, []).append(name)
    return names


def without_effective_contract(employers: QuerySet, kind: str, today: datetime.date) -> QuerySet:
    """Those of `employers` not covered by a contract of `kind` effective on `today`."""
    return employers.filter(~Exists(effective_coverage(today, kind)))


def scope_for(user, today: datetime.date | None = None) -> FigureScope:
    """The figure scope of what `user` sees (their organisations' subtrees), as of `today`."""
    today = today or timezone.localdate()
    paths = scope_paths(user)
    return FigureScope(
        paths=None if paths is None else tuple(paths),
        date_from=today.replace(month=1, day=1),
        date_to=today,
        today=today,
    )


def offer_counts(round_) -> dict:
    """Offers of a round per response, every response listed (zero included), and the total."""
    found = dict(
        RoundOffer.objects.filter(round=round_)
        .order_by()
        .values_list("response")
        .annotate(n=Count("pk"))
    )
    rows = [
        {"key": key, "label": label, "count": found.get(key, 0)}
        for key, label in OfferResponse.choices
    ]
    return {"rows": rows, "total": sum(found.values()), **{r["key"]: r["count"] for r in rows}}


def offer_counts_by_round(round_ids: list[int]) -> dict[int, dict]:
    """`{round id: {response: n, "total": n}}` for a page of rounds, one query."""
    counts: dict[int, dict] = {}
    rows = (
        RoundOffer.objects.filter(round_id__in=round_ids)
        .order_by()
        .values_list("round_id", "response")
        .annotate(n=Count("pk"))
    )
    for round_id, response, n in rows:
        entry = counts.setdefault(round_id, {"total": 0})
        entry[response] = n
        entry["total"] += n
    return counts


def round_candidates(
    user, round_, within=None, with_contract: bool = False, today: datetime.date | None = None
) -> QuerySet:
    """Unionized employers the user sees (within `within`'s subtree when given), not yet in the
    round and, unless `with_contract`, without an effective contract of the round's kind: whom to
    send the round's offers to."""
    today = today or timezone.localdate()
    employers = Employer.objects.visible_to(user).operating().filter(COVERED)
    if within is not None:
        employers = employers.filter(path_q(EMPLOYER_LOOKUPS, [within.path]))
    employers = employers.exclude(
        pk__in=RoundOffer.objects.filter(round=round_).values("employer_id")
    )
    if not with_contract:
        employers = without_effective_contract(employers, round_.kind, today)
    return employers.order_by("name", "pk")


def democracy_employers(user, today: datetime.date | None = None) -> QuerySet:
    """Unionized employers the user sees, each annotated with its Democracy row's values
    (`dm_*`; no row: not established, no dates, 0 stars) and `session_overdue` (established
    and the last session more than a year ago, or never held)."""
    today = today or timezone.localdate()
    row = Democracy.objects.filter(employer=OuterRef("pk"))

    def value(name):
        return Subquery(row.values(name)[:1])

    return (
        Employer.objects.visible_to(user)
        .operating()
        .filter(COVERED)
        .select_related("territory", "union")
        .annotate(
            dm_id=value("pk"),
            dm_congress=Coalesce(value("congress_established"), Value(False)),
            dm_congress_on=value("congress_established_on"),
            dm_last_congress_on=value("last_congress_on"),
            dm_open_affairs=Coalesce(value("open_affairs_established"), Value(False)),
            dm_open_affairs_on=value("open_affairs_established_on"),
            dm_stars=Coalesce(value("star_rating"), Value(0)),
        )
        .annotate(
            session_overdue=Case(
                When(
                    Q(dm_congress=True)
                    & (
                        Q(dm_last_congress_on__isnull=True)
                        | Q(dm_last_congress_on__lt=today - SESSION_INTERVAL)
                    ),
                    then=Value(True),
                ),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
    )
