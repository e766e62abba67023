"""Which figures make up each section of the annual report: the one table a new module adds a
line to. A section appears when any of its figures is registered and not zero (a module without
data has no section); figures not registered (a module not installed) are left out.

Each figure has its unit (人, 家 …; "" for rates and for labels that name their unit, such as
"帮扶资金发放（元）"). `towns` are the figures of the section's table by town (the direct
children of the report's organisation); the first of them is the section's chart.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    figures: tuple[tuple[str, str], ...]  # (figure key, unit)
    towns: tuple[str, ...] = ()


SECTIONS: tuple[Section, ...] = (
    Section("organisation", "组织建设", (
        ("employers", "家"), ("employers_unionized", "家"), ("founding_rate", ""),
        ("founding_rate_25plus", ""), ("employees_unionized", "人"), ("orgs_by_kind", "个"),
        ("unions_term_overdue", "个"),
    ), towns=("employers_unionized", "employers", "founding_rate")),
    Section("members", "会员", (
        ("members", "人"), ("members_new", "人"), ("membership_rate", ""),
        ("members_new_form", "人"), ("members_new_form_by_form", "人"), ("members_migrant", "人"),
        ("members_women", "人"), ("members_joined_online", "人"), ("transfers_in", "人"),
        ("transfers_out", "人"),
    ), towns=("members", "members_new", "members_new_form")),
    Section("aid", "帮扶", (
        ("hardship_households", "户"), ("aid_paid", ""), ("aid_paid_by_kind", ""),
        ("aid_recipients", "人"), ("care_visits", "人次"), ("care_cash", ""), ("care_goods", ""),
        ("insured_members", "人次"), ("claims_paid", ""), ("claims_paid_count", "件"),
        ("benefit_redemptions", "次"), ("benefit_discount", ""), ("fee_refunds", ""),
        ("fee_refund_firms", "家"),
    ), towns=("aid_paid", "aid_recipients", "care_visits")),
    Section("rights", "维权", (
        ("cases", "件"), ("cases_closed", "件"), ("cases_by_kind", "件"),
        ("wages_recovered", ""), ("visits", "人次"), ("consultations", "人次"),
        ("receptions", "人次"), ("outreach_events", ""), ("handbooks", ""),
        ("risk_points", "个"), ("warnings_open", "条"), ("contract_rate", ""),
        ("congress_rate", ""), ("open_affairs_rate", ""), ("counsel_active", "人"),
    ), towns=("cases", "wages_recovered", "consultations")),
    Section("workforce", "产改", (
        ("honourees", ""), ("honourees_by_level", "人"), ("honours_awarded", "项"),
        ("honours_awarded_by_kind", "项"), ("studios", "个"), ("studios_by_level", "个"),
        ("studio_alliances", "个"),
    ), towns=("honourees", "studios")),
    Section("stations", "驿站", (
        ("stations", "个"), ("stations_by_kind", "个"), ("stations_smart", "个"),
        ("stations_open_24h", "个"), ("station_visits", "人次"), ("station_visitors", "人"),
        ("incidents", "起"), ("incident_response_minutes", ""), ("inspections", "次"),
        ("fixes_overdue", "项"),
    ), towns=("stations", "station_visits")),
    Section("cadres", "社工", (
        ("social_workers", "人"), ("monthly_records", "份"), ("assessments", "人"),
        ("cadres_trained", "人"), ("training_hours", "学时"), ("unions_rated", "个"),
        ("model_homes", "个"),
    ), towns=("social_workers", "cadres_trained")),
)  # fmt: skip


def town_keys() -> list[str]:
    """Every figure a town table shows, once."""
    return list(dict.fromkeys(key for section in SECTIONS for key in section.towns))
