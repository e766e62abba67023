"""The registry's figures (DESIGN.md, "Figures") and the breakdowns the dashboard draws.

Read-only. Every function takes a `gonghui.core.figures.FigureScope`; scoping goes through
`scope.q(...)` with the same lookups as the models' `visible_to` (an employer by its territory or
its covering union, a member by their union, an organisation by its own path).

Definitions, where DESIGN.md leaves a choice:
- The employer base is the operating employers in scope. An employer is unionized when covered by
  an active union; a union past its term (已建未按期换届) still covers, a dormant or dissolved one
  does not.
- `members_new` counts members who are active now and joined within the period: members who
  joined and have since left or transferred out are not counted, so the figure is a part of
  `members` and matches the member list filtered by joining date. A spell that began with a
  transfer is not new to the union movement and is not counted (it is in `transfers_in`).
- Joining and transfer (码上办): `members_joined_online` counts spells that began with an approved
  online application within the period, whatever their status now; `transfers_in` spells that
  began with a transfer within the period, `transfers_out` spells that ended with one (a transfer
  inside the scope is in both). `applications_pending` and `applications_overdue` (pending more
  than 15 days) are stocks as of today, counted at the receiving union.
- `membership_rate`'s numerator is the active members employed by the unionized employers in
  scope, whichever union they belong to (a courier outlet in a town may be covered by a county
  industry union), so that numerator and denominator are about the same employers.
- Members count wherever they belong: a grassroots or joint union, an industry union (couriers,
  riders and drivers join theirs directly) or a town or park taking fallback members (兜底入会);
  scope is the member's union's path as for every member figure. `members_women` counts active
  members whose ID number's gender digit is even (the `gender` column, derived when the number is
  written); `members_new_form_by_form` breaks `members_new_form` down by employment form (every
  new form, zeros included; its values sum to `members_new_form`).
- `orgs_by_kind` counts active organisations only (every kind, zeros included): a dormant or
  dissolved union is not one the county has. `unions_term_overdue`: active organisations whose
  term ended before today.
- As of a date (`scope.today` in the past, 统计时点): every stock counts what held that day, from
  the records' own dates (gonghui/registry/as_of.py): members in a spell that day, employers
  operating, unions active; `members_new` counts those who joined within the period and were in
  their spell on the later of the period's end and `scope.today` (today: active now).
  `applications_pending` counts those submitted by then and not decided before it. Terms use
  the current term's end (earlier terms are not kept).
- Founding-drive targets are operating employers not covered by an active union; "non-public"
  (非公有制) is private, foreign-invested and Hong Kong/Macao/Taiwan-invested ownership, as in the
  ACFTU's founding drives. "Operating one year" needs a known founding date.
"""

import datetime

from django.db.models import Count, Min, OuterRef, Q, Subquery, Sum
from django.utils.translation import gettext_lazy as _

from gonghui.core.figures import FigureScope, rate
from gonghui.core.models import Organisation, OrgKind, OrgStatus
from gonghui.core.models.orgs import PATH_SEGMENT_WIDTH
from gonghui.registry.as_of import (
    covered_q,
    employer_operating_q,
    is_current,
    member_active_q,
    org_active_q,
)
from gonghui.registry.choices import (
    NEW_EMPLOYMENT_FORMS,
    ApplicationStatus,
    EmploymentForm,
    Gender,
    MemberSource,
    MemberStatus,
    OperatingStatus,
    Ownership,
)
from gonghui.registry.models import Application, Employer, Member
from gonghui.registry.models.applications import HANDLING_DAYS

EMPLOYER_LOOKUPS = ("territory__path", "union__path")
MEMBER_LOOKUPS = ("union__path",)
LARGE_HEADCOUNT = 25
NON_PUBLIC = (Ownership.NON_PUBLIC, Ownership.FOREIGN, Ownership.HK_MACAO_TAIWAN)
# An employer is covered when its union is active (`covered` in registry.models.employers);
# without a union the joined status is NULL and the condition is false.
COVERED = Q(union__status=OrgStatus.ACTIVE)  # today; covered(scope) as of the scope's day
LARGE = Q(headcount__gte=LARGE_HEADCOUNT)

LABELS = {
    "employers": _("单位数"),
    "employers_unionized": _("已建会单位"),
    "founding_rate": _("建会率"),
    "founding_rate_25plus": _("25人以上建会率"),
    "employees_unionized": _("已建会单位职工数"),
    "members": _("会员总数"),
    "members_new": _("新增会员"),
    "members_new_form": _("新就业形态会员"),
    "members_migrant": _("农民工会员"),
    "members_women": _("女会员"),
    "members_new_form_by_form": _("新就业形态会员（按职业）"),
    "membership_rate": _("入会率"),
    "orgs_by_kind": _("工会组织数"),
    "unions_term_overdue": _("未按期换届工会"),
    "applications_pending": _("待审核申请"),
    "applications_overdue": _("超期未审核申请"),
    "members_joined_online": _("网上入会"),
    "transfers_in": _("转入会员"),
    "transfers_out": _("转出会员"),
}
RATES = ("founding_rate", "founding_rate_25plus", "membership_rate")  # shares, 0..1


def registry_figures(scope: FigureScope) -> dict:
    """The registry's figures (the keys of LABELS, in that order) for `scope`."""
    employers = employer_tallies(scope)
    members = member_tallies(scope)
    orgs = org_tallies(scope)
    employed = members_of_unionized_employers(scope)
    flows = membership_flows(scope)
    applications = application_tallies(scope)
    return {
        "employers": employers["employers"],
        "employers_unionized": employers["unionized"],
        "founding_rate": rate(employers["unionized"], employers["employers"]),
        "founding_rate_25plus": rate(employers["large_unionized"], employers["large"]),
        "employees_unionized": employers["employees_unionized"],
        "members": members["members"],
        "members_new": members_new_count(scope, members, flows),
        "members_new_form": members["new_form"],
        "members_migrant": members["migrant"],
        "members_women": members["women"],
        "members_new_form_by_form": new_form_by_form(scope),
        "membership_rate": rate(employed, employers["employees_unionized"]),
        "orgs_by_kind": orgs["by_kind"],
        "unions_term_overdue": orgs["overdue"],
        "applications_pending": applications["pending"],
        "applications_overdue": applications["overdue"],
        "members_joined_online": flows["joined_online"],
        "transfers_in": flows["transfers_in"],
        "transfers_out": flows["transfers_out"],
    }


# ---------------------------------------------------------------------------------------------
# One aggregate query per table
# ---------------------------------------------------------------------------------------------


def covered(scope: FigureScope) -> Q:
    return covered_q(scope.today)


def not_covered(scope: FigureScope, employers):
    """`employers` without a union active on `scope.today`. As of a past day the condition
    spans the union's dates through a nullable join, which a negated filter gets wrong for
    employers without a union: the covered ones are taken out by key instead."""
    if is_current(scope.today):
        return employers.exclude(COVERED)
    return employers.exclude(pk__in=Employer.objects.filter(covered(scope)).values("pk"))


def _not_unionized(scope: FigureScope):
    """Every employer (in scope or not) but the operating, covered ones, as keys."""
    if is_current(scope.today):
        return Employer.objects.exclude(
            Q(operating_status=OperatingStatus.OPERATING) & COVERED
        ).values("pk")
    unionized = Employer.objects.filter(employer_operating_q(scope.today) & covered(scope))
    return Employer.objects.exclude(pk__in=unionized.values("pk")).values("pk")


def operating_employers(scope: FigureScope):
    """Employers in scope operating on `scope.today`."""
    return Employer.objects.filter(employer_operating_q(scope.today), scope.q(*EMPLOYER_LOOKUPS))


def active_members(scope: FigureScope, day: datetime.date | None = None):
    """Members in scope in a spell on `day` (default `scope.today`)."""
    return Member.objects.filter(member_active_q(day or scope.today), scope.q(*MEMBER_LOOKUPS))


def new_members_day(scope: FigureScope) -> datetime.date:
    """The day on which `members_new` must still be members (see the module docstring)."""
    return max(scope.date_to, scope.today)


def new_members(scope: FigureScope):
    """`members_new`'s spells: joined within the period (not by transfer), still in them on
    new_members_day."""
    return (
        active_members(scope, new_members_day(scope))
        .filter(joined_on__range=(scope.date_from, scope.date_to))
        .exclude(source=MemberSource.TRANSFER)
    )


def employer_tallies(scope: FigureScope) -> dict:
    def query():
        cov = covered(scope)
        tallies = operating_employers(scope).aggregate(
            employers=Count("id"),
            unionized=Count("id", filter=cov),
            large=Count("id", filter=LARGE),
            large_unionized=Count("id", filter=cov & LARGE),
            employees_unionized=Sum("headcount", filter=cov),
        )
        tallies["employees_unionized"] = tallies["employees_unionized"] or 0
        return tallies

    return scope.memo("registry.employers", query)


def member_tallies(scope: FigureScope) -> dict:
    """Active members in scope, in one pass over a covering index (reports migrations 0001, 0002).

    Each count names a column the index holds (count(*) cannot take a filter in Django, and
    count(id) would visit the table): a million members are a million index entries, no rows.
    """

    def query():
        return active_members(scope).aggregate(
            members=Count("union"),
            new=Count("joined_on", filter=Q(joined_on__range=(scope.date_from, scope.date_to))),
            # NEW_EMPLOYMENT_FORMS is every form but the standard one; one comparison per
            # row is cheaper than a list.
            new_form=Count("employment_form", filter=~Q(employment_form=EmploymentForm.STANDARD)),
            migrant=Count("is_migrant_worker", filter=Q(is_migrant_worker=True)),
            women=Count("gender", filter=Q(gender=Gender.FEMALE)),
            employed=Count("employer"),
            # members_by_form's, in the same pass rather than a second one.
            **{
                f"form_{form}": Count("employment_form", filter=Q(employment_form=form))
                for form in EmploymentForm.values
            },
        )

    return scope.memo("registry.members", query)


def members_new_count(scope: FigureScope, members: dict, flows: dict) -> int:
    if new_members_day(scope) == scope.today or all(
        is_current(day) for day in (scope.today, new_members_day(scope))
    ):
        # The main pass counted the period's joiners among the same members.
        return members["new"] - flows["active_transfers_in"]
    return new_members(scope).count()


def membership_flows(scope: FigureScope) -> dict:
    """Spells begun online or by transfer, and ended by transfer, within the period. Both are
    index-only scans of partial covering indexes (registry migration 0006), which hold only
    those spells."""

    def query():
        period = (scope.date_from, scope.date_to)
        begun = (
            Member.objects.filter(scope.q(*MEMBER_LOOKUPS), joined_on__range=period)
            .filter(source__in=(MemberSource.ONLINE, MemberSource.TRANSFER))
            # Counted over columns the index holds (count(id) would visit every row).
            .aggregate(
                joined_online=Count("source", filter=Q(source=MemberSource.ONLINE)),
                transfers_in=Count("source", filter=Q(source=MemberSource.TRANSFER)),
                active_transfers_in=Count(
                    "status",
                    filter=Q(source=MemberSource.TRANSFER) & member_active_q(scope.today),
                ),
            )
        )
        ended = Member.objects.filter(
            scope.q(*MEMBER_LOOKUPS),
            status=MemberStatus.TRANSFERRED_OUT,
            left_on__range=period,
        ).count()
        return {**begun, "transfers_out": ended}

    return scope.memo("registry.flows", query)


def application_tallies(scope: FigureScope) -> dict:
    """Pending applications at the unions in scope, and those waiting past the handling time."""
    limit = scope.today - datetime.timedelta(HANDLING_DAYS)
    return pending_applications(scope).aggregate(
        pending=Count("id"), overdue=Count("id", filter=Q(submitted_on__lt=limit))
    )


def pending_applications(scope: FigureScope):
    """Applications waiting at the unions in scope on `scope.today`."""
    pending = Application.objects.pending()
    if not is_current(scope.today):
        day = scope.today
        pending = Application.objects.filter(submitted_on__lte=day).filter(
            Q(status=ApplicationStatus.PENDING) | Q(decided_at__date__gt=day)
        )
    return pending.filter(scope.q("union__path"))


def members_of_unionized_employers(scope: FigureScope) -> int:
    """Active members employed by the unionized employers in scope, whatever their union."""

    def query():
        if scope.is_everything:
            # Most employed members work for a unionized employer: count the few who do not and
            # take them from the employed members the main pass counted, rather than test
            # every one of a million members against thousands of employers.
            others = _not_unionized(scope)
            elsewhere = Member.objects.filter(
                member_active_q(scope.today), employer__in=others
            ).count()
            return member_tallies(scope)["employed"] - elsewhere
        # Employer by employer (an index probe each), so a town reads its own employers'
        # members and not the whole index.
        per_employer = (
            Member.objects.filter(member_active_q(scope.today), employer=OuterRef("pk"))
            .order_by()
            .values("employer")
            .annotate(n=Count("employer"))
            .values("n")
        )
        return (
            operating_employers(scope)
            .filter(covered(scope))
            .annotate(n=Subquery(per_employer))
            .aggregate(total=Sum("n"))["total"]
            or 0
        )

    return scope.memo("registry.members_employed", query)


def org_tallies(scope: FigureScope) -> dict:
    def query():
        rows = (
            Organisation.objects.filter(scope.q("path"), org_active_q(scope.today))
            .values_list("kind")
            .annotate(n=Count("id"), overdue=Count("id", filter=Q(term_ends_on__lt=scope.today)))
            .order_by()
        )
        by_kind = dict.fromkeys(OrgKind.values, 0)
        overdue = 0
        for kind, n, late in rows:
            by_kind[kind] = n
            overdue += late
        return {"by_kind": by_kind, "overdue": overdue}

    return scope.memo("registry.orgs", query)


# ---------------------------------------------------------------------------------------------
# Breakdowns for the dashboard
# ---------------------------------------------------------------------------------------------


def members_by_form(scope: FigureScope) -> dict[str, int]:
    """Active members in scope by employment form (forms without members left out)."""

    tallies = member_tallies(scope)
    counts = {form: tallies[f"form_{form}"] for form in EmploymentForm.values}
    return {form: n for form, n in counts.items() if n}


def new_form_by_form(scope: FigureScope) -> dict[str, int]:
    """`members_new_form_by_form`: every new employment form, zeros included, in the choices'
    order (the figure's keys do not depend on the data)."""
    counts = members_by_form(scope)
    return {form: counts.get(form, 0) for form in NEW_EMPLOYMENT_FORMS}


def members_new_by_month(scope: FigureScope) -> list[tuple[datetime.date, int]]:
    """Active members who joined in each month of the period, zeros included, up to the month
    of today (a month still to come would read as a month nobody joined)."""
    # Grouped by day and folded into months here: truncating a date in SQL casts every row to
    # a timestamp with a time zone, which costs more than the grouping.
    day = new_members_day(scope)
    rows = (
        active_members(scope, day)
        .filter(joined_on__range=(scope.date_from, scope.date_to))
        .values_list("joined_on")
        .annotate(n=Count("joined_on"))
        .order_by()
    )
    # Transfers are not new members (see members_new): taken off from their own small index,
    # so the main count stays an index-only scan.
    transfers = (
        active_members(scope, day)
        .filter(joined_on__range=(scope.date_from, scope.date_to))
        .filter(source=MemberSource.TRANSFER)
        .values_list("joined_on")
        .annotate(n=Count("id"))
        .order_by()
    )
    counts: dict[datetime.date, int] = {}
    for day, n in [*rows, *((day, -n) for day, n in transfers)]:
        month = day.replace(day=1)
        counts[month] = counts.get(month, 0) + n
    months = []
    month = scope.date_from.replace(day=1)
    while month <= min(scope.date_to, scope.today):
        months.append((month, counts.get(month, 0)))
        month = (month + datetime.timedelta(days=31)).replace(day=1)
    return months


def founding_by_org(scope: FigureScope, orgs: list[Organisation]) -> list[dict]:
    """Employers and the founding rate in each org's subtree, within the scope, from one grouped
    query: an employer counts for an org when its territory or its covering union is below it,
    exactly as for the org's own figures."""
    rows = (
        operating_employers(scope)
        .values_list("territory__path", "union__path")
        .annotate(n=Count("id"), unionized=Count("id", filter=covered(scope)))
        .order_by()
    )
    totals = {org.path: [0, 0] for org in orgs}
    for territory, union, n, unionized in rows:
        # Each org above the territory or the union, once even when it is above both.
        for path in (_ancestors(territory) | _ancestors(union or "")) & totals.keys():
            totals[path][0] += n
            totals[path][1] += unionized
    return [
        {
            "org": org,
            "employers": totals[org.path][0],
            "unionized": totals[org.path][1],
            "founding_rate": rate(totals[org.path][1], totals[org.path][0]),
        }
        for org in orgs
    ]


def _ancestors(path: str) -> set[str]:
    """The path and its ancestors' paths ("1/2/3/" → "1/", "1/2/", "1/2/3/")."""
    step = PATH_SEGMENT_WIDTH + 1
    return {path[:end] for end in range(step, len(path) + 1, step)}


def _year_before(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def drive_conditions(scope: FigureScope) -> dict[str, Q]:
    """The four kinds of founding-drive target (建会攻坚), among employers without a union."""
    return target_conditions(scope.today)


def target_conditions(today: datetime.date) -> dict[str, Q]:
    """The founding-drive categories as of `today` (the worklist and the dashboard share them)."""
    return {
        "operating_1y": Q(founded_on__lte=_year_before(today)),
        "party_branch": Q(has_party_branch=True),
        "non_public_25": Q(ownership__in=NON_PUBLIC) & LARGE,
        "well_known": Q(is_well_known=True),
    }


def founding_drive(scope: FigureScope, limit: int = 20) -> dict[str, dict]:
    """For each kind of target: how many, and the first `limit` (well-known and largest first)."""
    base = not_covered(scope, operating_employers(scope))
    conditions = drive_conditions(scope)
    counts = base.aggregate(**{key: Count("id", filter=q) for key, q in conditions.items()})
    return {
        key: {
            "count": counts[key],
            "employers": list(
                base.filter(q)
                .select_related("territory")
                .order_by("-is_well_known", "-headcount", "pk")[:limit]
            ),
        }
        for key, q in conditions.items()
    }


def overdue_unions(scope: FigureScope, limit: int = 20) -> list[Organisation]:
    """Active organisations past their term, longest overdue first."""
    return list(
        Organisation.objects.filter(scope.q("path"), org_active_q(scope.today))
        .filter(term_ends_on__lt=scope.today)
        .order_by("term_ends_on", "path")[:limit]
    )


def overdue_applications(scope: FigureScope, limit: int = 20) -> list[dict]:
    """Pending applications past the handling time, by receiving union (whose queue they are
    in), the longest waiting first: the dashboard of the organisation above flags them."""
    rows = list(
        Application.objects.filter(scope.q("union__path"))
        .overdue(scope.today)
        .values("union")
        .annotate(n=Count("id"), oldest=Min("submitted_on"))
        .order_by("oldest", "union")[:limit]
    )
    unions = Organisation.objects.in_bulk([row["union"] for row in rows])
    return [
        {
            "union": unions[row["union"]],
            "count": row["n"],
            "oldest": row["oldest"],
            "days": (scope.today - row["oldest"]).days,
        }
        for row in rows
    ]
