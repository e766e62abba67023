"""The cases API answers as its schema says: an unassigned case's counsel_name is null (and the
schema allows it), a case's first event comes from no status (null, not "")."""

import pytest

from gonghui.rights.cases import services as cases

pytestmark = pytest.mark.django_db


def received_case(county, bob):
    return cases.receive_case(
        actor=bob, union=county.town_a, kind="wages", channel="clerk", complainant_name="王甲骑",
        phone="13900000011", employer=county.employer_a, employer_name=county.employer_a.name,
        facts="拖欠三个月工资", amount_claimed="9000.00",
    )  # fmt: skip


def test_an_unassigned_case_and_its_first_event_answer_null(client, county, bob):
    case = received_case(county, bob)
    client.force_login(bob)
    detail = client.get(f"/api/rights/cases/{case.pk}/").json()
    assert detail["counsel_name"] is None
    assert detail["events"][0]["from_status"] is None
    assert detail["events"][0]["to_status"] == "received"


def test_the_schema_says_so(client, alice):
    client.force_login(alice)
    schema = client.get("/api/schema/", {"format": "json"}).json()
    components = schema["components"]["schemas"]
    case = next(s for name, s in components.items() if "counsel_name" in s.get("properties", {}))
    assert case["properties"]["counsel_name"].get("nullable") is True
    event = next(s for s in components.values() if "from_status" in s.get("properties", {}))
    assert event["properties"]["from_status"].get("nullable") is True


def test_a_cases_notes_do_not_take_the_case_lists_filters(client, county, bob):
    case = received_case(county, bob)
    client.force_login(bob)
    notes = client.get(f"/api/rights/cases/{case.pk}/notes/", {"status": "closed"})
    assert notes.status_code == 200 and notes.json() == []  # the open case is still found
    schema = client.get("/api/schema/", {"format": "json"}).json()
    operation = schema["paths"]["/api/rights/cases/{id}/notes/"]["get"]
    assert {p["name"] for p in operation.get("parameters", [])} == {"id"}
