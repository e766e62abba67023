"""The 困难劳模 flag as an aid programme's eligibility rule (through core.eligibility)."""

import pytest
from django.core.exceptions import ValidationError

from gonghui.aid.programmes import applications
from gonghui.aid.tests.conftest import make_programme
from gonghui.workforce.care import services
from gonghui.workforce.honours import nominations

pytestmark = pytest.mark.django_db


def test_programme_for_hardship_honourees(county, dora):
    programme = make_programme(county, eligibility="hard_model")
    with pytest.raises(ValidationError) as exc:
        applications.apply(programme=programme, member=county.member_a, amount_requested="500.00",
                           actor=dora)  # fmt: skip
    assert "困难劳模" in str(exc.value)
    honouree = nominations.honouree_for(county.member_a)
    services.set_hardship(actor=dora, honouree=honouree, in_hardship=True, note="因病致困")
    application = applications.apply(
        programme=programme, member=county.member_a, amount_requested="500.00", actor=dora
    )
    assert application.pk
    assert ("hard_model", "困难劳模") in [
        (v, str(lbl)) for v, lbl in programme._meta.get_field("eligibility").choices
    ]
