"""The exchange with the court's mediation platform (gonghui/rights/cases/court.py, documented in
docs/court-mediation.md): a case goes out as versioned JSON (phone masked), the platform's
result comes back and is applied through the case service; bad input names the field and
changes nothing."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from gonghui.rights.cases import court
from gonghui.rights.cases import services as cases
from gonghui.rights.choices import CaseAction, CaseStatus
from gonghui.rights.models import Counsel
from gonghui.rights.tests.conftest import make_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def assigned(county, alice, lena):
    case = make_case(county)
    cases.accept_case(actor=alice, case=case)
    cases.assign_case(actor=alice, case=case, counsel=Counsel.objects.get(user=lena))
    case.refresh_from_db()
    return case


def result(case, **changes) -> dict:
    payload = {
        "schema": court.RESULT_SCHEMA,
        "version": court.VERSION,
        "case_number": case.number,
        "court_ref": "(2026)鄂0324诉前调1234号",
        "result": "success",
        "amount_recovered": "8800.00",
        "decided_on": "2026-01-15",
    }
    payload.update(changes)
    return payload


def test_the_export_is_versioned_json_with_the_phone_masked(alice, assigned):
    document = court.export_case(actor=alice, case=assigned)
    text = json.dumps(document, ensure_ascii=False)
    assert document["schema"] == court.EXPORT_SCHEMA and document["version"] == court.VERSION
    assert assigned.number in text and "9000.00" in text
    assert "13900000011" not in text and "139****0011" in text
    assert assigned.events.filter(action=CaseAction.COURT_EXPORT).exists()


def test_the_result_closes_the_loop_with_the_yuan_recovered(alice, assigned):
    court.export_case(actor=alice, case=assigned)
    case = court.import_result(actor=alice, case=assigned, payload=result(assigned))
    case.refresh_from_db()
    assert case.status == CaseStatus.AGREEMENT and str(case.amount_recovered) == "8800.00"
    assert case.court_ref == "(2026)鄂0324诉前调1234号"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"schema": "other"}, "schema"),
        ({"version": 9}, "version"),
        ({"result": "maybe"}, "result"),
        ({"amount_recovered": 8800.0}, "amount_recovered"),
        ({"decided_on": "15/01/2026"}, "decided_on"),
        ({"case_number": "WQ0000-000000"}, "case_number"),
        ({"surprise": 1}, "surprise"),
    ],
)
def test_bad_results_name_the_field_and_change_nothing(alice, assigned, changes, field):
    court.export_case(actor=alice, case=assigned)
    with pytest.raises(ValidationError) as error:
        court.import_result(actor=alice, case=assigned, payload=result(assigned, **changes))
    assert field in error.value.message_dict
    assigned.refresh_from_db()
    assert assigned.status == CaseStatus.ASSIGNED and assigned.court_ref == ""


def test_the_pages_export_and_import(client, alice, assigned):
    client.force_login(alice)
    exported = client.post(reverse("rights:case_court_export", args=[assigned.pk]), {})
    assert exported.status_code == 200
    assert json.loads(exported.content)["case"]["number"] == assigned.number
    response = client.post(
        reverse("rights:case_court_import", args=[assigned.pk]),
        {"payload": json.dumps(result(assigned), ensure_ascii=False)},
    )
    assert response.status_code == 302
    assigned.refresh_from_db()
    assert assigned.status == CaseStatus.AGREEMENT
