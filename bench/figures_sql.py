"""Every module's figures written by hand in SQL (PostgreSQL), as one would without the ORM: one
statement per module, each table read once where it can be, the scope one path prefix. The
baseline bench/figures.py times `compute()` against, and checks it gives the same numbers.

The definitions are the modules' own (gonghui/<app>/figures.py docstrings); only the turning of
rows into the figures' shapes (labels as keys, rates, rounding) is Python, as it would be in any
hand-written report.
"""

import datetime
from decimal import Decimal

from django.db import connection
from django.utils import timezone

from gonghui.cadres.choices import Grade
from gonghui.core.models import OrgKind
from gonghui.registry.choices import NEW_EMPLOYMENT_FORMS, EmploymentForm
from gonghui.rights.choices import CaseKind, ContractKind
from gonghui.stations.choices import StationKind
from gonghui.workforce.choices import Level

CENT = Decimal("0.01")


class Scope:
    """The scope and period as SQL parameters; `inside(...)` is the scope condition on one or
    more organisation paths (TRUE for the whole county)."""

    def __init__(self, org, today: datetime.date):
        self.org = org
        tz = timezone.get_current_timezone()
        first, last = datetime.date(today.year, 1, 1), datetime.date(today.year, 12, 31)
        self.params = {
            "first": first,
            "last": last,
            "start": datetime.datetime.combine(first, datetime.time.min, tzinfo=tz),
            "end": datetime.datetime.combine(
                last + datetime.timedelta(1), datetime.time.min, tzinfo=tz
            ),
            "today": today,
            "overdue": today - datetime.timedelta(15),
            "year_ago": _years_ago(today, 1),
            "two_years_ago": _years_ago(today, 2),
            "prefix": f"{org.path}%" if org else None,
        }

    def inside(self, *paths: str) -> str:
        if self.org is None:
            return "TRUE"
        return "(" + " OR ".join(f"{p} LIKE %(prefix)s" for p in paths) + ")"


def _years_ago(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def run(sql: str, scope: Scope) -> tuple:
    with connection.cursor() as cursor:
        cursor.execute(sql, scope.params)
        return cursor.fetchone()


def share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def yuan(value) -> Decimal:
    return (value or Decimal(0)).quantize(CENT)


def hand_written(org) -> dict:
    scope = Scope(org, timezone.localdate())
    result: dict = {}
    for module in (registry, aid, rights, stations, workforce, workforce_ii, cadres):
        result.update(module(scope))
    return result


# --------------------------------------------------------------------------------------------
# Registry: employers and organisations read once, members once for the counts and once for
# those employed by unionized employers (plus the small indexed sets of flows).
# --------------------------------------------------------------------------------------------

REGISTRY = """
WITH e AS (
    SELECT e.id, e.headcount, COALESCE(u.status = 'active', FALSE) AS covered
    FROM registry_employer e
    JOIN core_organisation t ON t.id = e.territory_id
    LEFT JOIN core_organisation u ON u.id = e.union_id
    WHERE e.operating_status = 'operating' AND {employers}
), m AS (
    SELECT COUNT(*) AS members,
           COUNT(*) FILTER (WHERE m.joined_on BETWEEN %(first)s AND %(last)s) AS members_new,
           COUNT(*) FILTER (WHERE m.is_migrant_worker) AS members_migrant,
           COUNT(*) FILTER (WHERE m.gender = 'F') AS members_women,
           {forms}
    FROM registry_member m {members}
    WHERE m.status = 'active'
), w AS (
    SELECT COUNT(*) AS employed FROM registry_member m
    WHERE m.status = 'active' AND m.employer_id IN (SELECT id FROM e WHERE covered)
), f AS (
    SELECT COUNT(*) FILTER (WHERE m.source = 'online') AS joined_online,
           COUNT(*) FILTER (WHERE m.source = 'transfer') AS transfers_in,
           COUNT(*) FILTER (WHERE m.source = 'transfer' AND m.status = 'active') AS active_in
    FROM registry_member m {members}
    WHERE m.source IN ('online', 'transfer') AND m.joined_on BETWEEN %(first)s AND %(last)s
), x AS (
    SELECT COUNT(*) AS transfers_out FROM registry_member m {members}
    WHERE m.status = 'transferred_out' AND m.left_on BETWEEN %(first)s AND %(last)s
), a AS (
    SELECT COUNT(*) AS pending, COUNT(*) FILTER (WHERE a.submitted_on < %(overdue)s) AS overdue
    FROM registry_application a {applications} WHERE a.status = 'pending'
), o AS (
    SELECT {kinds}, COUNT(*) FILTER (WHERE term_ends_on < %(today)s) AS overdue
    FROM core_organisation o WHERE status = 'active' AND {orgs}
)
SELECT (SELECT COUNT(*) FROM e),
       (SELECT COUNT(*) FROM e WHERE covered),
       (SELECT COUNT(*) FROM e WHERE headcount >= 25),
       (SELECT COUNT(*) FROM e WHERE covered AND headcount >= 25),
       (SELECT COALESCE(SUM(headcount), 0) FROM e WHERE covered),
       (SELECT employed FROM w),
       m.members, m.members_new, m.members_migrant, m.members_women,
       f.joined_online, f.transfers_in, f.active_in, x.transfers_out, a.pending, a.overdue,
       o.overdue, m.*, o.*
FROM m, o, f, x, a
"""
KIND_COUNT = "COUNT(*) FILTER (WHERE kind = '{0}') AS \"{0}\""  # "group" is a keyword
FORM_COUNT = "COUNT(*) FILTER (WHERE m.employment_form = '{0}') AS \"{0}\""


def registry(scope: Scope) -> dict:
    joins = {
        "members": "JOIN core_organisation mu ON mu.id = m.union_id AND mu.path LIKE %(prefix)s",
        "applications": "JOIN core_organisation au ON au.id = a.union_id "
        "AND au.path LIKE %(prefix)s",
    }
    sql = REGISTRY.format(
        employers=scope.inside("t.path", "u.path"),
        orgs=scope.inside("o.path"),
        kinds=", ".join(KIND_COUNT.format(kind) for kind in OrgKind.values),
        forms=", ".join(FORM_COUNT.format(form) for form in NEW_EMPLOYMENT_FORMS),
        **(joins if scope.org else dict.fromkeys(joins, "")),
    )
    row = run(sql, scope)
    employers, unionized, large, large_unionized, headcount, employed = row[:6]
    members, new, migrant, women = row[6:10]
    online, transfers_in, active_in, transfers_out, pending, late, overdue = row[10:17]
    by_form = dict(zip(NEW_EMPLOYMENT_FORMS, row[21 : 21 + len(NEW_EMPLOYMENT_FORMS)], strict=True))
    by_kind = dict(zip(OrgKind.values, row[-len(OrgKind.values) - 1 : -1], strict=True))
    assert EmploymentForm.STANDARD not in by_form
    return {
        "employers": employers,
        "employers_unionized": unionized,
        "founding_rate": share(unionized, employers),
        "founding_rate_25plus": share(large_unionized, large),
        "employees_unionized": headcount,
        "members": members,
        "members_new": new - active_in,
        "members_new_form": sum(by_form.values()),
        "members_migrant": migrant,
        "members_women": women,
        "members_new_form_by_form": by_form,
        "membership_rate": share(employed, headcount),
        "orgs_by_kind": by_kind,
        "unions_term_overdue": overdue or 0,
        "applications_pending": pending,
        "applications_overdue": late,
        "members_joined_online": online,
        "transfers_in": transfers_in,
        "transfers_out": transfers_out,
    }


# --------------------------------------------------------------------------------------------
# Aid
# --------------------------------------------------------------------------------------------

AID = """
WITH paid AS (
    SELECT p.amount, p.programme_id, a.member_id
    FROM aid_payment p
    LEFT JOIN aid_paymentbatch b ON b.id = p.batch_id
    JOIN aid_aidapplication a ON a.id = p.application_id
    LEFT JOIN core_organisation u ON u.id = a.union_id
    WHERE (p.batch_id IS NULL OR b.status = 'settled')
      AND COALESCE(b.settled_on, p.booked_on) BETWEEN %(first)s AND %(last)s AND {union}
), kinds AS (
    SELECT k.id, k.sort_order, k.name, COALESCE(SUM(paid.amount), 0) AS total
    FROM aid_programmekind k
    LEFT JOIN aid_programme g ON g.kind_id = k.id
    LEFT JOIN paid ON paid.programme_id = g.id
    GROUP BY k.id
)
SELECT (SELECT array_agg(name ORDER BY sort_order, id) FROM kinds),
       (SELECT array_agg(total ORDER BY sort_order, id) FROM kinds),
       (SELECT COUNT(*) FROM (
            SELECT m.id_hash FROM paid JOIN registry_member m ON m.id = paid.member_id
            GROUP BY m.id_hash HAVING SUM(paid.amount) > 0) r),
       (SELECT COUNT(*) FROM aid_hardshipfile h LEFT JOIN core_organisation u ON u.id = h.union_id
        WHERE h.status = 'filed' AND {union}),
       care.*, insured.*, claims.*, benefits.*, refunds.*
FROM (SELECT COUNT(*), SUM(v.cash), SUM(v.goods_value) FROM aid_carevisit v
      LEFT JOIN core_organisation u ON u.id = v.union_id
      WHERE v.visited_on BETWEEN %(first)s AND %(last)s AND {union}) care,
     (SELECT COUNT(*) FROM aid_enrolment e
      JOIN aid_insuranceplan pl ON pl.id = e.plan_id
      LEFT JOIN core_organisation u ON u.id = e.union_id
      WHERE pl.starts_on <= %(last)s AND pl.ends_on >= %(first)s AND {union}) insured,
     (SELECT SUM(cp.amount), COUNT(DISTINCT cp.claim_id) FROM aid_claimpayment cp
      JOIN aid_claim c ON c.id = cp.claim_id LEFT JOIN core_organisation u ON u.id = c.union_id
      WHERE cp.paid_on BETWEEN %(first)s AND %(last)s AND {union}) claims,
     (SELECT COUNT(*), SUM(r.discount) FROM aid_redemption r
      LEFT JOIN core_organisation u ON u.id = r.union_id
      WHERE r.redeemed_on BETWEEN %(first)s AND %(last)s AND {union}) benefits,
     (SELECT SUM(rp.amount), COUNT(DISTINCT f.employer_id) FROM aid_refundpayment rp
      JOIN aid_feerefund f ON f.id = rp.refund_id LEFT JOIN core_organisation u ON u.id = f.union_id
      WHERE rp.paid_on BETWEEN %(first)s AND %(last)s AND {union}) refunds
"""


def aid(scope: Scope) -> dict:
    row = run(AID.format(union=scope.inside("u.path")), scope)
    names, totals, recipients, households = row[:4]
    visits, cash, goods, insured, claims, claim_count, uses, discount, refunds, firms = row[4:]
    by_kind = {name: yuan(total) for name, total in zip(names or [], totals or [], strict=True)}
    return {
        "hardship_households": households,
        "aid_paid": yuan(sum(by_kind.values(), Decimal(0))),
        "aid_paid_by_kind": by_kind,
        "aid_recipients": recipients,
        "care_visits": visits,
        "care_cash": yuan(cash),
        "care_goods": yuan(goods),
        "insured_members": insured,
        "claims_paid": yuan(claims),
        "claims_paid_count": claim_count,
        "benefit_redemptions": uses,
        "benefit_discount": yuan(discount),
        "fee_refunds": yuan(refunds),
        "fee_refund_firms": firms,
    }


# --------------------------------------------------------------------------------------------
# Rights
# --------------------------------------------------------------------------------------------

RIGHTS = """
WITH cases AS (
    SELECT c.kind, c.status, c.received_at, c.closed_at, c.amount_recovered FROM rights_case c
    LEFT JOIN core_organisation u ON u.id = c.union_id
    WHERE {union} AND ((c.received_at >= %(start)s AND c.received_at < %(end)s)
                       OR (c.closed_at >= %(start)s AND c.closed_at < %(end)s))
), base AS (
    SELECT e.id FROM registry_employer e
    JOIN core_organisation t ON t.id = e.territory_id
    JOIN core_organisation eu ON eu.id = e.union_id
    WHERE e.operating_status = 'operating' AND eu.status = 'active' AND {employer}
), cover AS (
    SELECT ce.employer_id, array_agg(DISTINCT k.kind) AS kinds FROM rights_contractemployer ce
    JOIN rights_collectivecontract k ON k.id = ce.contract_id
    WHERE k.effective_on <= %(today)s AND k.expires_on >= %(today)s
    GROUP BY ce.employer_id
), democracy AS (
    SELECT employer_id, bool_or(congress_established) AS congress,
           bool_or(open_affairs_established) AS open_affairs
    FROM rights_democracy GROUP BY employer_id
), received AS (
    SELECT kind, COUNT(*) AS n FROM cases
    WHERE received_at >= %(start)s AND received_at < %(end)s GROUP BY kind
)
SELECT (SELECT array_agg(kind ORDER BY kind) FROM received),
       (SELECT array_agg(n ORDER BY kind) FROM received),
       closed.*, receptions.*, outreach.*, points.*, warnings.*, rates.*, counsel.*
FROM (SELECT COUNT(*), SUM(amount_recovered) FILTER (WHERE kind = 'wages') FROM cases
      WHERE status = 'closed' AND closed_at >= %(start)s AND closed_at < %(end)s) closed,
     (SELECT SUM(r.count) FILTER (WHERE r.kind = 'visit'),
             SUM(r.count) FILTER (WHERE r.kind = 'consultation'), SUM(r.count)
      FROM rights_reception r JOIN rights_servicepoint sp ON sp.id = r.point_id
      LEFT JOIN core_organisation o ON o.id = sp.organisation_id
      WHERE r.date BETWEEN %(first)s AND %(last)s AND {org}) receptions,
     (SELECT COUNT(*), SUM(handbooks) FROM rights_outreach x
      LEFT JOIN core_organisation o ON o.id = x.organisation_id
      WHERE x.date BETWEEN %(first)s AND %(last)s AND {org}) outreach,
     (SELECT COUNT(*) FROM rights_monitoringpoint p
      LEFT JOIN rights_grid g ON g.id = p.grid_id
      LEFT JOIN core_organisation o ON o.id = g.organisation_id
      JOIN registry_employer e ON e.id = p.employer_id
      JOIN core_organisation t ON t.id = e.territory_id
      LEFT JOIN core_organisation eu ON eu.id = e.union_id
      WHERE p.is_active AND {point}) points,
     (SELECT COUNT(*) FROM rights_riskwarning w
      JOIN registry_employer e ON e.id = w.employer_id
      JOIN core_organisation t ON t.id = e.territory_id
      LEFT JOIN core_organisation eu ON eu.id = e.union_id
      WHERE w.opened_at < %(end)s AND (w.handled_at IS NULL OR w.handled_at >= %(end)s)
        AND {employer}) warnings,
     (SELECT COUNT(*) AS base, COUNT(cover.employer_id) AS any_kind, {contract_kinds},
             COUNT(*) FILTER (WHERE democracy.congress) AS congress,
             COUNT(*) FILTER (WHERE democracy.open_affairs) AS open_affairs
      FROM base LEFT JOIN cover ON cover.employer_id = base.id
      LEFT JOIN democracy ON democracy.employer_id = base.id) rates,
     (SELECT COUNT(*) FROM rights_counsel c
      LEFT JOIN core_organisation o ON o.id = c.organisation_id WHERE c.is_active AND {org}) counsel
"""
CONTRACT_KIND = "COUNT(*) FILTER (WHERE '{0}' = ANY(cover.kinds)) AS \"{0}\""


def rights(scope: Scope) -> dict:
    sql = RIGHTS.format(
        union=scope.inside("u.path"),
        org=scope.inside("o.path"),
        employer=scope.inside("t.path", "eu.path"),
        point=scope.inside("o.path", "t.path", "eu.path"),
        contract_kinds=", ".join(CONTRACT_KIND.format(k) for k in ContractKind.values),
    )
    row = run(sql, scope)
    kinds, counts = row[0] or [], row[1] or []
    closed, wages, visits, consultations, receptions, events, handbooks = row[2:9]
    points, warnings, base, any_kind = row[9:13]
    by_contract = row[13 : 13 + len(ContractKind.values)]
    congress, open_affairs, counsel = row[13 + len(ContractKind.values) :]
    received = dict(zip(kinds, counts, strict=True))
    return {
        "cases": sum(received.values()),
        "cases_closed": closed,
        "cases_by_kind": {str(label): received.get(code, 0) for code, label in CaseKind.choices},
        "wages_recovered": yuan(wages),
        "visits": visits or 0,
        "consultations": consultations or 0,
        "receptions": receptions or 0,
        "outreach_events": events,
        "handbooks": handbooks or 0,
        "risk_points": points,
        "warnings_open": warnings,
        "contract_rate": share(any_kind, base),
        "contract_rate_by_kind": {
            str(label): share(n, base)
            for (_code, label), n in zip(ContractKind.choices, by_contract, strict=True)
        },
        "congress_rate": share(congress, base),
        "open_affairs_rate": share(open_affairs, base),
        "counsel_active": counsel,
    }


# --------------------------------------------------------------------------------------------
# Stations: a station is open round the clock when, on each of the seven weekdays, its own
# windows and the previous day's running past midnight leave no gap from 0:00 to 24:00.
# --------------------------------------------------------------------------------------------

STATIONS = """
WITH s AS (
    SELECT s.id, s.kind FROM stations_station s LEFT JOIN core_organisation u ON u.id = s.union_id
    WHERE s.status = 'open' AND {union}
), win AS (
    SELECT w.station_id, w.weekday, w.mode, EXTRACT(EPOCH FROM w.starts) / 60 AS a,
           EXTRACT(EPOCH FROM w.ends) / 60 + CASE WHEN w.ends <= w.starts THEN 1440 ELSE 0 END AS b
    FROM stations_weeklywindow w JOIN s ON s.id = w.station_id
), spans AS (
    SELECT station_id, weekday AS day, a, b FROM win
    UNION ALL
    SELECT station_id, (weekday + 1) %% 7, a - 1440, b - 1440 FROM win WHERE b > 1440
), reach AS (
    SELECT station_id, day, a, b, MAX(b) OVER (
        PARTITION BY station_id, day ORDER BY a ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
    ) AS before FROM spans WHERE b > 0 AND a < 1440
), days AS (
    SELECT station_id FROM reach GROUP BY station_id, day
    HAVING bool_and(CASE WHEN before IS NULL THEN a <= 0 ELSE a <= before OR before >= 1440 END)
       AND MAX(b) >= 1440
), visits AS (
    SELECT v.count, v.people, v.source, v.person_hash FROM stations_visit v
    JOIN stations_station st ON st.id = v.station_id
    LEFT JOIN core_organisation u ON u.id = st.union_id
    WHERE v.date BETWEEN %(first)s AND %(last)s AND {union}
)
SELECT (SELECT array_agg(kind ORDER BY kind) FROM (SELECT DISTINCT kind FROM s) k),
       (SELECT array_agg(n ORDER BY kind) FROM (SELECT kind, COUNT(*) n FROM s GROUP BY kind) k),
       (SELECT COUNT(DISTINCT station_id) FROM win WHERE mode = 'unattended'),
       (SELECT COUNT(*) FROM (SELECT station_id FROM days GROUP BY station_id
                              HAVING COUNT(*) = 7) always),
       (SELECT SUM(count) FROM visits),
       (SELECT COUNT(DISTINCT person_hash) FILTER (WHERE source = 'scan')
             + COALESCE(SUM(people) FILTER (WHERE source = 'walk_in'), 0) FROM visits),
       incidents.*,
       (SELECT COUNT(*) FROM stations_inspection i JOIN stations_station st ON st.id = i.station_id
        LEFT JOIN core_organisation u ON u.id = st.union_id
        WHERE i.inspected_on BETWEEN %(first)s AND %(last)s AND {union}),
       (SELECT COUNT(*) FROM stations_finding f
        JOIN stations_inspection i ON i.id = f.inspection_id
        JOIN stations_station st ON st.id = i.station_id
        LEFT JOIN core_organisation u ON u.id = st.union_id
        WHERE f.fixed_on IS NULL AND f.fix_by < %(today)s AND {union})
FROM (SELECT COUNT(*), percentile_cont(0.5) WITHIN GROUP (
          ORDER BY EXTRACT(EPOCH FROM i.responded_at - i.received_at) / 60
      ) FILTER (WHERE i.responded_at IS NOT NULL)
      FROM stations_incident i JOIN stations_station st ON st.id = i.station_id
      LEFT JOIN core_organisation u ON u.id = st.union_id
      WHERE i.received_at >= %(start)s AND i.received_at < %(end)s AND {union}) incidents
"""


def stations(scope: Scope) -> dict:
    row = run(STATIONS.format(union=scope.inside("u.path")), scope)
    kinds, counts, smart, always, visits, visitors, incidents, median, inspections, late = row
    open_by_kind = dict(zip(kinds or [], counts or [], strict=True))
    return {
        "stations": sum(open_by_kind.values()),
        "stations_by_kind": {
            str(label): open_by_kind.get(code, 0) for code, label in StationKind.choices
        },
        "stations_smart": smart,
        "stations_open_24h": always,
        "station_visits": visits or 0,
        "station_visitors": visitors or 0,
        "incidents": incidents,
        "incident_response_minutes": None if median is None else round(float(median), 1),
        "inspections": inspections,
        "fixes_overdue": late,
    }


# --------------------------------------------------------------------------------------------
# Workforce
# --------------------------------------------------------------------------------------------

WORKFORCE = """
WITH living AS (
    SELECT h.id, h.status, MIN(CASE k.level WHEN 'national' THEN 0 WHEN 'province' THEN 1
                                            WHEN 'city' THEN 2 ELSE 3 END) AS best
    FROM workforce_honouree h
    JOIN workforce_honour hn ON hn.honouree_id = h.id AND hn.status = 'active'
    JOIN workforce_honourkind k ON k.id = hn.kind_id
    LEFT JOIN core_organisation u ON u.id = h.union_id
    WHERE h.status <> 'deceased' AND {union}
    GROUP BY h.id
), checkups AS (
    SELECT honouree_id, MAX("on") AS last FROM workforce_carerecord WHERE kind = 'checkup'
    GROUP BY honouree_id
), awarded AS (
    SELECT k.name, COUNT(*) AS n FROM workforce_honour hn
    JOIN workforce_honourkind k ON k.id = hn.kind_id
    LEFT JOIN core_organisation u ON u.id = hn.union_id
    WHERE hn.status = 'active' AND hn.awarded_on BETWEEN %(first)s AND %(last)s AND {union}
    GROUP BY k.name
), studios AS (
    SELECT st.level, COUNT(*) AS n FROM workforce_studio st
    LEFT JOIN core_organisation u ON u.id = st.union_id
    WHERE st.status <> 'revoked' AND {union} GROUP BY st.level
)
SELECT (SELECT array_agg(best ORDER BY best) FROM living),
       (SELECT array_agg(name ORDER BY name) FROM awarded),
       (SELECT array_agg(n ORDER BY name) FROM awarded),
       (SELECT array_agg(level ORDER BY level) FROM studios),
       (SELECT array_agg(n ORDER BY level) FROM studios),
       (SELECT COUNT(*) FROM workforce_alliance a
        LEFT JOIN core_organisation u ON u.id = a.organisation_id WHERE {union}),
       (SELECT COUNT(*) FROM living LEFT JOIN checkups c ON c.honouree_id = living.id
        WHERE (living.status = 'working' AND (c.last IS NULL OR c.last <= %(year_ago)s))
           OR (living.status = 'retired' AND (c.last IS NULL OR c.last <= %(two_years_ago)s)))
"""
RANKED = [Level.NATIONAL, Level.PROVINCE, Level.CITY, Level.COUNTY]


def workforce(scope: Scope) -> dict:
    best, kinds, awarded, levels, studios, alliances, due = run(
        WORKFORCE.format(union=scope.inside("u.path")), scope
    )
    labels = dict(Level.choices)
    by_level = {str(label): 0 for label in labels.values()}
    for rank in best or []:
        by_level[str(labels[RANKED[rank]])] += 1
    studio_levels = {str(label): 0 for label in labels.values()}
    for level, n in zip(levels or [], studios or [], strict=True):
        studio_levels[str(labels[level])] = n
    by_kind = dict(zip(kinds or [], awarded or [], strict=True))
    return {
        "honourees": len(best or []),
        "honourees_by_level": by_level,
        "honours_awarded": sum(by_kind.values()),
        "honours_awarded_by_kind": by_kind,
        "studios": sum(studio_levels.values()),
        "studios_by_level": studio_levels,
        "studio_alliances": alliances,
        "honourees_due_checkup": due,
    }


WORKFORCE_II = """
SELECT (SELECT COUNT(*) FROM workforce_competition c JOIN core_organisation o
        ON o.id = c.organisation_id
        WHERE c.starts_on <= %(last)s AND c.ends_on >= %(first)s AND {org}),
       (SELECT COUNT(*) FROM workforce_entrant e JOIN core_organisation u ON u.id = e.union_id
        WHERE e.registered_at >= %(start)s AND e.registered_at < %(end)s
          AND e.status <> 'withdrawn' AND {union}),
       p.*, q.*
FROM (SELECT COUNT(*), COUNT(*) FILTER (WHERE p.status IN ('adopted', 'implemented')),
             COUNT(*) FILTER (WHERE p.status = 'implemented'), SUM(p.verified_benefit)
      FROM workforce_proposal p JOIN core_organisation u ON u.id = p.union_id
      WHERE p.submitted_on BETWEEN %(first)s AND %(last)s AND {union}) p,
     (SELECT COALESCE(SUM(x.points) FILTER (WHERE x.kind IN ('award', 'reversal')), 0),
             -COALESCE(SUM(x.points) FILTER (WHERE x.kind IN ('redeem', 'refund')), 0)
      FROM workforce_pointsentry x JOIN workforce_pointsaccount a ON a.id = x.account_id
      JOIN core_organisation u ON u.id = a.union_id
      WHERE x."on" BETWEEN %(first)s AND %(last)s AND {union}) q
"""


def workforce_ii(scope: Scope) -> dict:
    held, entrants, proposals, adopted, implemented, benefit, awarded, redeemed = run(
        WORKFORCE_II.format(org=scope.inside("o.path"), union=scope.inside("u.path")), scope
    )
    return {
        "competitions": held,
        "competition_entrants": entrants,
        "proposals": proposals,
        "proposals_adopted": adopted,
        "proposals_implemented": implemented,
        "proposal_benefit": yuan(benefit),
        "points_awarded": awarded,
        "points_redeemed": redeemed,
    }


# --------------------------------------------------------------------------------------------
# Cadres
# --------------------------------------------------------------------------------------------

CADRES = """
WITH grades AS (
    SELECT a.grade, COUNT(*) AS n FROM cadres_annualassessment a
    JOIN cadres_socialworker w ON w.id = a.worker_id
    LEFT JOIN core_organisation o ON o.id = w.organisation_id
    WHERE a.status = 'signed_off' AND a.year BETWEEN %(first_year)s AND %(last_year)s AND {org}
    GROUP BY a.grade
), ratings AS (
    SELECT r.level, COUNT(*) AS n FROM cadres_orgrating r
    LEFT JOIN core_organisation o ON o.id = r.organisation_id
    WHERE r.year BETWEEN %(first_year)s AND %(last_year)s AND {org} GROUP BY r.level
)
SELECT (SELECT array_agg(grade ORDER BY grade) FROM grades),
       (SELECT array_agg(n ORDER BY grade) FROM grades),
       (SELECT array_agg(level ORDER BY level) FROM ratings),
       (SELECT array_agg(n ORDER BY level) FROM ratings),
       training.*,
       (SELECT COUNT(*) FROM cadres_socialworker w
        LEFT JOIN core_organisation o ON o.id = w.organisation_id WHERE w.is_active AND {org}),
       (SELECT COUNT(*) FROM cadres_monthlyrecord m
        JOIN cadres_socialworker w ON w.id = m.worker_id
        LEFT JOIN core_organisation o ON o.id = w.organisation_id
        WHERE m.status = 'submitted' AND m.month BETWEEN %(first)s AND %(last)s AND {org}),
       (SELECT COUNT(*) FROM cadres_modelhome h
        LEFT JOIN core_organisation o ON o.id = h.organisation_id
        WHERE h.year BETWEEN %(first_year)s AND %(last_year)s AND {org})
FROM (SELECT COUNT(DISTINCT (e.union_id, e.name)), SUM(e.hours_attended) FROM cadres_enrolment e
      JOIN cadres_course c ON c.id = e.course_id
      LEFT JOIN core_organisation o ON o.id = e.union_id
      WHERE e.status = 'completed' AND c.ends_on BETWEEN %(first)s AND %(last)s AND {org}) training
"""


def cadres(scope: Scope) -> dict:
    scope.params["first_year"] = scope.params["first"].year
    scope.params["last_year"] = scope.params["last"].year
    grades, graded, levels, rated, people, hours, workers, records, homes = run(
        CADRES.format(org=scope.inside("o.path")), scope
    )
    by_grade = dict(zip(grades or [], graded or [], strict=True))
    return {
        "social_workers": workers,
        "monthly_records": records,
        "assessments": {str(label): by_grade.get(code, 0) for code, label in Grade.choices},
        "cadres_trained": people,
        "training_hours": (hours or Decimal(0)).quantize(Decimal("0.1")),
        "unions_rated": dict(zip(levels or [], rated or [], strict=True)),
        "model_homes": homes,
    }
