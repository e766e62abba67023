"""Pages of union ratings (六有 / 十星级工会) and model homes: schemes (criteria, levels, rounds),
a round's self-assessments, a union's self-assessment (scores with evidence, documents, submit),
the town's check and the county's decision, and the model homes selected.

Staff only (the registry roles). Schemes and rounds are seen by every union below the county;
a self-assessment by its union's subtree and those above. What each step needs is the
service's rule (gonghui.cadres.ratings.services); the pages offer only what the user may do.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.cadres.choices import SelfAssessmentStatus as Status
from gonghui.cadres.models import (
    ModelHome,
    RatingEvidence,
    RatingScheme,
    SelfAssessment,
)
from gonghui.cadres.ratings import forms, queries, services
from gonghui.core.models import Organisation, OrgKind
from gonghui.core.roles import EDIT_ROLES
from gonghui.core.scoping import holds_role_at, may_edit_org
from gonghui.core.uploads import attachment
from gonghui.core.views.access import require_role
from gonghui.core.views.generic import apply_errors


def _errors(request, form) -> None:
    messages.error(request, "；".join(e for errs in form.errors.values() for e in errs))


def _counties(user) -> list[Organisation]:
    return [
        c for c in Organisation.objects.visible_to(user).filter(kind=OrgKind.COUNTY_FEDERATION)
        if holds_role_at(user, c, EDIT_ROLES)
    ]  # fmt: skip


def scheme_list(request):
    require_role(request.user)
    counties = _counties(request.user)
    form = forms.SchemeForm(request.POST or None) if counties else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                scheme = services.create_scheme(
                    actor=request.user, county=counties[0], **form.cleaned_data
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                return redirect(scheme)
    return render(request, "cadres/ratings/scheme_list.html", {
        "objects": RatingScheme.objects.visible_to(request.user),
        "rounds": queries.rounds_for(request.user)[:50],
        "form": form,
    })  # fmt: skip


def _scheme(request, pk) -> RatingScheme:
    require_role(request.user)
    return get_object_or_404(RatingScheme.objects.visible_to(request.user), pk=pk)


def scheme_detail(request, pk):
    scheme = _scheme(request, pk)
    county = holds_role_at(request.user, scheme.county, EDIT_ROLES)
    return render(request, "cadres/ratings/scheme_detail.html", {
        "object": scheme, "criteria": scheme.criteria.all(), "rounds": scheme.rounds.all(),
        "criterion_form": forms.CriterionForm() if county else None,
        "round_form": forms.RoundForm() if county else None,
    })  # fmt: skip


@require_POST
def scheme_criterion(request, pk):
    scheme = _scheme(request, pk)
    form = forms.CriterionForm(request.POST)
    if not form.is_valid():
        _errors(request, form)
        return redirect(scheme)
    try:
        services.add_criterion(actor=request.user, scheme=scheme, **form.cleaned_data)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    return redirect(scheme)


@require_POST
def scheme_round(request, pk):
    scheme = _scheme(request, pk)
    form = forms.RoundForm(request.POST)
    if not form.is_valid():
        _errors(request, form)
        return redirect(scheme)
    try:
        rating_round = services.open_round(actor=request.user, scheme=scheme, **form.cleaned_data)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
        return redirect(scheme)
    return redirect(rating_round)


def _round(request, pk):
    require_role(request.user)
    return get_object_or_404(queries.rounds_for(request.user), pk=pk)


def _own_unions(user, rating_round):
    return (
        Organisation.objects.editable_by(user)
        .filter(kind__in=services.RATED_KINDS, path__startswith=rating_round.scheme.county.path)
        .order_by("path")
    )


def round_detail(request, pk):
    rating_round = _round(request, pk)
    assessments = queries.assessments_for(request.user).filter(round=rating_round)
    done = set(assessments.values_list("union", flat=True))
    own = [u for u in _own_unions(request.user, rating_round)[:200]]
    return render(request, "cadres/ratings/round_detail.html", {
        "object": rating_round, "assessments": assessments,
        "own": [(u, u.pk in done) for u in own] if rating_round.is_open else [],
    })  # fmt: skip


def self_assess(request, pk, union_pk):
    rating_round = _round(request, pk)
    union = get_object_or_404(_own_unions(request.user, rating_round), pk=union_pk)
    current = SelfAssessment.objects.filter(round=rating_round, union=union).first()
    form = forms.SelfAssessForm(request.POST or None, scheme=rating_round.scheme, current=current)
    if request.method == "POST" and form.is_valid():
        try:
            assessment = services.self_assess(
                actor=request.user, rating_round=rating_round, union=union,
                **form.service_kwargs(),
            )  # fmt: skip
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("已保存自评，可上传佐证材料后提交"))
            return redirect(assessment)
    return render(request, "core/object_edit.html", {
        "form": form, "title": _("%(u)s · %(r)s自评") % {"u": union.name, "r": rating_round},
        "cancel_url": rating_round.get_absolute_url(),
    })  # fmt: skip


def _assessment(request, pk) -> SelfAssessment:
    require_role(request.user)
    return get_object_or_404(queries.assessments_for(request.user), pk=pk)


def self_assessment_detail(request, pk):
    assessment = _assessment(request, pk)
    user = request.user
    open_ = assessment.status in (Status.DRAFT, Status.RETURNED)
    own = may_edit_org(user, assessment.union)
    return render(request, "cadres/ratings/self_assessment_detail.html", {
        "object": assessment,
        "scores": assessment.scores.select_related("criterion"),
        "documents": assessment.documents.all(),
        "may_edit": own and open_,
        "evidence_form": forms.EvidenceForm() if own and open_ else None,
        "check_form": forms.CheckForm()
        if assessment.status == Status.SUBMITTED and services.may_check(user, assessment) else None,
        "decide_form": forms.DecideForm(levels=assessment.round.scheme.level_list,
                                        initial={"level": assessment.claimed_level})
        if assessment.status == Status.CHECKED and services.may_decide(user, assessment) else None,
    })  # fmt: skip


def _act(request, assessment, call, done):
    try:
        call()
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    except PermissionDenied as exc:
        messages.error(request, str(exc) or _("此环节不由您办理"))
    else:
        messages.success(request, done)
    return redirect(assessment)


@require_POST
def self_assessment_submit(request, pk):
    assessment = _assessment(request, pk)
    return _act(request, assessment, lambda: services.submit_self_assessment(
        actor=request.user, assessment=assessment), _("已提交乡镇审核"))  # fmt: skip


@require_POST
def self_assessment_check(request, pk):
    assessment = _assessment(request, pk)
    form = forms.CheckForm(request.POST)
    if not form.is_valid():
        _errors(request, form)
        return redirect(assessment)
    return _act(request, assessment, lambda: services.check_self_assessment(
        actor=request.user, assessment=assessment, **form.cleaned_data), _("已审核"))  # fmt: skip


@require_POST
def self_assessment_decide(request, pk):
    assessment = _assessment(request, pk)
    form = forms.DecideForm(request.POST, levels=assessment.round.scheme.level_list)
    if not form.is_valid():
        _errors(request, form)
        return redirect(assessment)
    return _act(request, assessment, lambda: services.decide(
        actor=request.user, assessment=assessment, **form.cleaned_data), _("已评定"))  # fmt: skip


@require_POST
def self_assessment_attach(request, pk):
    assessment = _assessment(request, pk)
    form = forms.EvidenceForm(request.POST, request.FILES)
    if not form.is_valid():
        _errors(request, form)
        return redirect(assessment)
    return _act(request, assessment, lambda: services.attach_evidence(
        actor=request.user, assessment=assessment, **form.cleaned_data), _("已上传"))  # fmt: skip


def evidence_download(request, pk):
    require_role(request.user)
    document = get_object_or_404(RatingEvidence.objects.visible_to(request.user), pk=pk)
    return attachment(document.upload, filename=document.original_name,
                      content_type=document.content_type)  # fmt: skip


def _home_orgs(user):
    """Unions the user may select: below an organisation they edit (not their own)."""
    editable = Organisation.objects.editable_by(user)
    return (
        editable.filter(parent__in=editable.values("pk"))
        .filter(kind__in=(*services.RATED_KINDS, OrgKind.GROUP))
        .order_by("path")
    )


def home_list(request):
    require_role(request.user)
    organisations = _home_orgs(request.user)
    form = forms.HomeForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            services.select_model_home(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("已登记"))
            return redirect("cadres:home_list")
    homes = ModelHome.objects.visible_to(request.user).select_related("organisation")[:500]
    return render(request, "cadres/ratings/home_list.html", {
        "objects": homes, "form": form if organisations.exists() else None,
    })  # fmt: skip
