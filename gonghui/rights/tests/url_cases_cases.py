"""The staff case pages and the cases API in the permission matrix
(gonghui/tests/test_url_scoping.py): town B (charlie) gets 404 on town A's case, alice reaches
it."""

from pathlib import Path

LIST_URLS = {
    "rights:case_list": 200,
    "rights:case_add": 200,
    "rights-case-list": 200,
}


def town_a_case(county, user) -> int:
    """王甲骑's unpaid-wages case with town A, as received (a fixture, not the feature)."""
    from gonghui.rights.tests.conftest import make_case

    return make_case(county).pk


def town_a_in(status: str):
    def make(county, user) -> int:
        from gonghui.rights.tests.portal_helpers import case_in

        return case_in(county, status).pk

    return make


town_a_mediating = town_a_in("mediating")


def town_a_exported(county, user) -> int:
    """A case in mediation that has been exported to the court platform."""
    from django.utils import timezone

    from gonghui.rights.models import CaseEvent

    pk = town_a_mediating(county, user)
    CaseEvent.objects.create(case_id=pk, action="court_export", at=timezone.now())
    return pk


def a_counsel(county) -> dict:
    from gonghui.rights.models import Counsel

    counsel = Counsel.objects.create(organisation=county.county, name="矩阵律师")
    return {"counsel": counsel.pk}


def court_result(county) -> dict:
    """The platform's result for the latest case (the one the URL was just built for)."""
    import datetime

    from gonghui.rights.models import Case

    return {
        "schema": "gonghui.court-mediation.result", "version": 1,
        "case_number": Case.objects.order_by("-pk").first().number,
        "court_ref": "(2026)鄂0324民调1号", "result": "success", "amount_recovered": "500.00",
        "decided_on": datetime.date.today().isoformat(),
    }  # fmt: skip


def town_a_case_document(county, user) -> int:
    """A document of a town-A case. Its bytes sit at one fixed name in private storage, so the
    matrix leaves no new file behind each run."""
    from django.conf import settings

    from gonghui.rights.models import Case, CaseDocument
    from gonghui.rights.tests.portal_helpers import png_bytes

    name = "rights/url-matrix-case"
    path = Path(settings.GONGHUI_PRIVATE_ROOT) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    data = png_bytes()
    path.write_bytes(data)
    document = CaseDocument.objects.create(
        case=Case.objects.get(pk=town_a_case(county, user)), kind="证据材料", upload=name,
        original_name="王甲骑欠条.png", content_type="image/png", size=len(data),
        sha256="0" * 64,
    )  # fmt: skip
    return document.pk


def _case(name, method="POST", make=town_a_case):
    return (method, lambda c, u: {"pk": make(c, u)})


OBJECT_URLS = {
    "rights:case_detail": _case("detail", "GET"),
    "rights:case_accept": _case("accept"),
    "rights:case_decline": _case("decline"),
    "rights:case_assign": _case("assign"),
    "rights:case_mediate": _case("mediate"),
    "rights:case_outcome": _case("outcome", make=town_a_mediating),
    "rights:case_recovery": _case("recovery"),
    "rights:case_withdraw": _case("withdraw"),
    "rights:case_close": _case("close"),
    "rights:case_reopen": _case("reopen"),
    "rights:case_note_add": _case("note"),
    "rights:case_document_add": _case("document"),
    "rights:case_document": ("GET", lambda c, u: {"pk": town_a_case_document(c, u)}),
    "rights:case_court_export": _case("court_export"),
    "rights:case_court_import": _case("court_import"),
    "rights-case-detail": _case("api", "GET"),
    "rights-case-accept": _case("api"),
    "rights-case-decline": _case("api"),
    "rights-case-assign": _case("api", make=town_a_in("accepted")),
    "rights-case-mediate": _case("api", make=town_a_in("assigned")),
    "rights-case-outcome": _case("api", make=town_a_mediating),
    "rights-case-recovery": _case("api", make=town_a_in("agreement")),
    "rights-case-close": _case("api", make=town_a_in("agreement")),
    "rights-case-reopen": _case("api", make=town_a_in("declined")),
    "rights-case-withdraw": _case("api"),
    "rights-case-notes": _case("api", "GET"),
    "rights-case-court-export": _case("api"),
    "rights-case-court-import": _case("api", make=town_a_exported),
}

POST_DATA = {
    "rights:case_decline": lambda c: {"reason": "不属于劳动争议"},
    "rights:case_outcome": lambda c: {"outcome": "agreement", "amount_recovered": "800.00"},
    "rights:case_note_add": lambda c: {"text": "已电话联系单位"},
    "rights-case-decline": lambda c: {"reason": "不属于劳动争议"},
    "rights-case-outcome": lambda c: {"outcome": "agreement", "amount_recovered": "800.00"},
    "rights-case-assign": a_counsel,
    "rights-case-recovery": lambda c: {"amount_recovered": "900.00"},
    "rights-case-reopen": lambda c: {"reason": "职工补充了证据"},
    "rights:case_reopen": lambda c: {"reason": "职工补充了证据"},
    "rights-case-court-import": court_result,
}
