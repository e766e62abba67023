"""Union ratings: the county's scheme, the grassroots self-assessment with evidence, the town's
check, the county's decision (never by the union's own), the rating on the organisation, model
homes, and the figures."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gonghui.cadres.choices import SelfAssessmentStatus as Status
from gonghui.cadres.models import OrgRating, RatingScheme, SelfAssessment
from gonghui.cadres.ratings import services
from gonghui.conftest import make_user
from gonghui.core.figures import FigureScope, compute_all
from gonghui.core.models import RoleAssignment
from gonghui.core.roles import Role

pytestmark = pytest.mark.django_db

YEAR = 2025
LEVELS = "达标\n三星\n五星"


@pytest.fixture
def scheme(county, alice):
    return services.create_scheme(
        actor=alice,
        county=county.county,
        name="六有达标暨十星级工会",
        levels=LEVELS,
        criteria=[
            ("有健全的组织", 30, "选举批复"),
            ("有活动阵地", 30, "照片"),
            ("有服务职工实效", 40, "台账"),
        ],
    )


@pytest.fixture
def rating_round(alice, scheme):
    return services.open_round(actor=alice, scheme=scheme, year=YEAR)


def scores(scheme, *points):
    return {c.pk: (p, "见附件") for c, p in zip(scheme.criteria.all(), points, strict=True)}


def test_a_scheme_needs_levels_and_is_the_countys(county, alice, bob):
    with pytest.raises(ValidationError) as exc:
        services.create_scheme(actor=bob, county=county.county, name="", levels="一星\n一星")
    assert set(exc.value.message_dict) == {"county", "name", "levels"}
    with pytest.raises(ValidationError):
        services.create_scheme(actor=alice, county=county.town_a, name="x", levels="一星")


def test_towns_see_the_scheme_but_do_not_edit_it(county, bob, scheme):
    assert scheme in RatingScheme.objects.visible_to(bob)
    with pytest.raises(PermissionDenied):
        services.add_criterion(actor=bob, scheme=scheme, title="x", points=1)


def test_self_assessment_check_decision_and_the_rating_on_the_org(
    county, alice, dora, frank, bob, scheme, rating_round
):
    with pytest.raises(ValidationError) as exc:
        services.self_assess(
            actor=dora,
            rating_round=rating_round,
            union=county.union_a,
            scores=scores(scheme, 31, 30, 40),
            claimed_level="十星",
        )
    assert set(exc.value.message_dict) == {"claimed_level", f"points_{scheme.criteria.first().pk}"}
    with pytest.raises(ValidationError):  # a town does not assess itself
        services.self_assess(
            actor=bob,
            rating_round=rating_round,
            union=county.town_a,
            scores=scores(scheme, 1, 1, 1),
            claimed_level="达标",
        )
    assessment = services.self_assess(
        actor=dora,
        rating_round=rating_round,
        union=county.union_a,
        scores=scores(scheme, 28, 30, 36),
        claimed_level="五星",
    )
    assert assessment.points == 94
    services.attach_evidence(
        actor=dora,
        assessment=assessment,
        upload=SimpleUploadedFile("选举批复.pdf", b"%PDF-1.4\n", "application/pdf"),
    )
    services.submit_self_assessment(actor=dora, assessment=assessment)
    with pytest.raises(ValidationError):  # submitted: no more changes
        services.self_assess(
            actor=dora,
            rating_round=rating_round,
            union=county.union_a,
            scores=scores(scheme, 30, 30, 40),
            claimed_level="五星",
        )
    with pytest.raises(PermissionDenied):  # the union does not check itself
        services.check_self_assessment(actor=dora, assessment=assessment, passed=True)
    with pytest.raises(ValidationError):  # a return needs its reason
        services.check_self_assessment(actor=bob, assessment=assessment, passed=False)
    services.check_self_assessment(actor=bob, assessment=assessment, passed=True, note="属实")
    with pytest.raises(PermissionDenied):  # the town does not decide
        services.decide(actor=bob, assessment=assessment, level="五星")
    services.decide(actor=alice, assessment=assessment, level="三星", note="服务台账不全")
    rating = OrgRating.objects.get(organisation=county.union_a)
    assert (rating.year, rating.level) == (YEAR, "三星")
    assessment.refresh_from_db()
    assert assessment.status == Status.DECIDED


def test_a_self_assessment_cannot_be_decided_by_its_own_union(
    county, alice, dora, bob, scheme, rating_round
):
    # The county administrator who is also the union's clerk may not decide the union's rating,
    # nor may whoever submitted it.
    both = make_user("both", Role.ADMIN, county.county, "兼职主席")
    RoleAssignment.objects.create(user=both, role=Role.CLERK, organisation=county.union_a)
    assessment = services.self_assess(
        actor=both,
        rating_round=rating_round,
        union=county.union_a,
        scores=scores(scheme, 30, 30, 40),
        claimed_level="五星",
    )
    services.submit_self_assessment(actor=both, assessment=assessment)
    services.check_self_assessment(actor=bob, assessment=assessment, passed=True)
    with pytest.raises(PermissionDenied):
        services.decide(actor=both, assessment=assessment, level="五星")
    assert not services.may_decide(both, assessment) and services.may_decide(alice, assessment)
    services.decide(actor=alice, assessment=assessment, level="五星")


def test_model_homes_are_selected_from_above(county, alice, dora, bob):
    with pytest.raises(ValidationError):
        services.select_model_home(
            actor=dora, organisation=county.union_a, kind="home", level="county", year=YEAR
        )
    services.select_model_home(
        actor=bob, organisation=county.union_a, kind="home", level="county", year=YEAR
    )
    with pytest.raises(ValidationError):
        services.select_model_home(
            actor=alice, organisation=county.union_a, kind="home", level="city", year=YEAR
        )


def test_figures_tree_and_org_page(client, county, alice, bob, dora, scheme, rating_round):
    assessment = services.self_assess(
        actor=dora,
        rating_round=rating_round,
        union=county.union_a,
        scores=scores(scheme, 30, 30, 40),
        claimed_level="五星",
    )
    services.submit_self_assessment(actor=dora, assessment=assessment)
    services.check_self_assessment(actor=bob, assessment=assessment, passed=True)
    services.decide(actor=alice, assessment=assessment, level="五星")
    services.select_model_home(
        actor=bob, organisation=county.union_a, kind="small_home", level="county", year=YEAR
    )
    scope = FigureScope(
        paths=None,
        date_from=datetime.date(YEAR, 1, 1),
        date_to=datetime.date(YEAR, 12, 31),
        today=datetime.date(YEAR, 12, 31),
    )
    values = compute_all(scope)
    assert values["unions_rated"] == {"五星": 1} and values["model_homes"] == 1
    client.force_login(bob)
    page = client.get(reverse("core:org_detail", args=[county.union_a.pk])).content.decode()
    assert 'data-rating="五星"' in page and 'data-home="small_home"' in page
    tree = client.get(reverse("core:org_tree_children", args=[county.town_a.pk])).content.decode()
    assert "评级 五星" in tree


def test_the_pages_walk_the_round(client, county, alice, dora, bob, scheme, rating_round):
    client.force_login(dora)
    page = client.get(rating_round.get_absolute_url()).content.decode()
    assert f'data-assess="{county.union_a.pk}"' in page
    body = {f"points_{c.pk}": "20" for c in scheme.criteria.all()} | {"claimed_level": "达标"}
    client.post(reverse("cadres:self_assess", args=[rating_round.pk, county.union_a.pk]), body)
    assessment = SelfAssessment.objects.get()
    assert assessment.points == 60
    client.post(reverse("cadres:self_assessment_submit", args=[assessment.pk]))
    client.force_login(bob)
    client.post(reverse("cadres:self_assessment_check", args=[assessment.pk]), {"passed": "1"})
    client.force_login(alice)
    client.post(reverse("cadres:self_assessment_decide", args=[assessment.pk]), {"level": "达标"})
    assessment.refresh_from_db()
    assert assessment.decided_level == "达标"
