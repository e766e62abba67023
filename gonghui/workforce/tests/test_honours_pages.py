"""The honours pages end to end through the client: nominate with the minutes, send on, vet,
publish, object and answer, approve; the roll and the figures count it; town B sees nothing."""

import datetime

import pytest
from django.urls import reverse

from gonghui.core.figures import FigureScope, compute_all
from gonghui.workforce.choices import Agency, CycleStatus, NominationStatus
from gonghui.workforce.models import Honour, Nomination
from gonghui.workforce.tests.helpers import make_cycle, minutes

pytestmark = pytest.mark.django_db


def test_the_whole_way_through_pages(client, county, dora, frank, erin, charlie):
    cycle = make_cycle(county)
    client.force_login(dora)
    response = client.post(reverse("workforce:nomination_add", args=[cycle.pk]), {
        "union": county.union_a.pk, "member": county.member_a.pk, "position": "front_line",
        "deeds": "技术能手", "appraised_on": "2026-03-01", "voters": "40", "votes_for": "38",
        "minutes": minutes(),
    })  # fmt: skip
    assert response.status_code == 302, response.content.decode()[-2000:]
    nomination = Nomination.objects.get()
    client.post(reverse("workforce:nomination_submit", args=[nomination.pk]))
    client.force_login(frank)
    client.post(reverse("workforce:nomination_send_on", args=[nomination.pk]), {"comment": "同意"})
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.CANDIDATE
    client.force_login(charlie)
    assert client.get(nomination.get_absolute_url()).status_code == 404
    client.force_login(erin)
    client.post(reverse("workforce:cycle_advance", args=[cycle.pk]))
    for agency in Agency.values:
        client.post(reverse("workforce:nomination_opinion", args=[nomination.pk]),
                    {"agency": agency, "opinion": "agree"})  # fmt: skip
    client.post(reverse("workforce:cycle_notice", args=[cycle.pk]),
                {"starts_on": "2026-01-01", "ends_on": "2026-01-07"})  # fmt: skip
    cycle.refresh_from_db()
    assert cycle.status == CycleStatus.NOTICE
    notice = client.get(reverse("workforce:cycle_notice_page", args=[cycle.pk])).content.decode()
    table = notice[notice.index('id="notice-table"') :]
    table = table[: table.index("</table>")]
    assert "张*明" in table and "张甲明" not in table
    client.post(reverse("workforce:nomination_objection", args=[nomination.pk]),
                {"received_on": "2026-01-03", "content": "有人反映"})  # fmt: skip
    client.post(reverse("workforce:nomination_approve", args=[nomination.pk]),
                {"document_number": "溪工发〔2026〕3号"})  # fmt: skip
    assert not Honour.objects.exists()  # the objection is unanswered
    objection = nomination.objections.get()
    client.post(reverse("workforce:objection_answer", args=[objection.pk]), {"answer": "不属实"})
    client.post(reverse("workforce:nomination_approve", args=[nomination.pk]),
                {"document_number": "溪工发〔2026〕3号", "awarded_on": "2026-04-28"})  # fmt: skip
    honour = Honour.objects.get()
    assert honour.certificate_no == "LM2026-001"
    page = client.get(reverse("workforce:certificate", args=[honour.pk])).content.decode()
    assert "LM2026-001" in page
    roll = client.get(reverse("workforce:honour_list")).content.decode()
    assert "张甲明" in roll
    year = (datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))
    scope = FigureScope(paths=None, date_from=year[0], date_to=year[1], today=year[1])
    values = compute_all(scope)
    assert values["honourees"] == 1 and values["honours_awarded"] == 1
    assert values["honourees_due_checkup"] == 1
    town_b = FigureScope(paths=(county.town_b.path,), date_from=scope.date_from,
                         date_to=scope.date_to, today=scope.today)  # fmt: skip
    assert compute_all(town_b)["honourees"] == 0
    client.force_login(charlie)
    assert "张甲明" not in client.get(reverse("workforce:honour_list")).content.decode()
    assert "张甲明" not in client.get(reverse("workforce:honouree_list")).content.decode()
