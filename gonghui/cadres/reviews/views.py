"""Pages of quarterly reviews (季度评议), the county's weights and the annual assessments
(年度考核): lists, giving a part of a quarter's review, the assessment page (述职 upload,
scores, sign-off, appeal and its answer) and the weights of each year.

Staff of the union served and above, and the worker (their own only: anything else is 404).
Who may give which part is the service's rule (gonghui.cadres.reviews.services); the pages only
offer what the user may do.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from gonghui.cadres.access import (
    CADRE_ROLES,
    is_self,
    may_act_as_county,
    may_write_file,
    require_cadre_user,
)
from gonghui.cadres.choices import AppealStatus
from gonghui.cadres.models import (
    AnnualAssessment,
    AssessmentReport,
    AssessmentWeights,
    QuarterlyReview,
)
from gonghui.cadres.reviews import forms, services
from gonghui.cadres.reviews.filters import AssessmentFilterSet, ReviewFilterSet
from gonghui.cadres.workers.views import worker_of
from gonghui.core.models import Organisation, OrgKind
from gonghui.core.roles import EDIT_ROLES
from gonghui.core.scoping import holds_role_at
from gonghui.core.uploads import attachment
from gonghui.core.views.access import RoleRequired, require_role
from gonghui.core.views.generic import ObjectListView, apply_errors


def _fail(request, exc: ValidationError) -> None:
    messages.error(request, "；".join(exc.messages))


# ---------------------------------------------------------------------------------------------
# Quarterly reviews
# ---------------------------------------------------------------------------------------------


class ReviewListView(RoleRequired, ObjectListView):
    roles = CADRE_ROLES
    model = QuarterlyReview
    select_related = ("worker", "worker__organisation")
    filterset_class = ReviewFilterSet
    template_name = "cadres/reviews/review_list.html"
    default_sort = "-year"
    sort_options = {"year": gettext_lazy("年度")}


def review_detail(request, pk):
    require_cadre_user(request.user)
    review = get_object_or_404(
        QuarterlyReview.objects.visible_to(request.user).select_related("worker__organisation"),
        pk=pk,
    )
    return render(request, "cadres/reviews/review_detail.html", {"object": review})


def review_give(request, pk):
    """Give one's part of a quarter's review of worker `pk`."""
    worker = worker_of(request, pk)
    parts = [p for p in services.PARTS if services.may_give(request.user, worker, p)]
    if not parts:
        raise PermissionDenied
    form = forms.ReviewForm(request.POST or None, parts=parts)
    if request.method == "POST" and form.is_valid():
        try:
            review = services.review_quarter(actor=request.user, worker=worker, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("已保存：%(r)s") % {"r": review})
            return redirect(review)
    return render(request, "core/object_edit.html", {
        "form": form, "title": _("季度评议：%(w)s") % {"w": worker.name},
        "cancel_url": worker.get_absolute_url(),
    })  # fmt: skip


# ---------------------------------------------------------------------------------------------
# Weights
# ---------------------------------------------------------------------------------------------


def _counties(user):
    return [
        c for c in Organisation.objects.visible_to(user).filter(kind=OrgKind.COUNTY_FEDERATION)
        if holds_role_at(user, c, EDIT_ROLES)
    ]  # fmt: skip


def weights_list(request):
    require_role(request.user)
    counties = _counties(request.user)
    form = forms.WeightsForm(request.POST or None) if counties else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                weights = services.set_weights(
                    actor=request.user, county=counties[0], **form.cleaned_data
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("已保存考核权重：%(w)s") % {"w": weights})
                return redirect("cadres:weights_list")
    rows = AssessmentWeights.objects.visible_to(request.user).select_related("county")
    return render(request, "cadres/reviews/weights_list.html", {"objects": rows, "form": form})


# ---------------------------------------------------------------------------------------------
# Annual assessments
# ---------------------------------------------------------------------------------------------


class AssessmentListView(RoleRequired, ObjectListView):
    roles = CADRE_ROLES
    model = AnnualAssessment
    select_related = ("worker", "worker__organisation")
    filterset_class = AssessmentFilterSet
    template_name = "cadres/reviews/assessment_list.html"
    default_sort = "-year"
    sort_options = {"year": gettext_lazy("年度")}


def assessment_of(request, pk) -> AnnualAssessment:
    require_cadre_user(request.user)
    queryset = AnnualAssessment.objects.visible_to(request.user).select_related(
        "worker__organisation", "worker__user", "weights"
    )
    return get_object_or_404(queryset, pk=pk)


def assessment_detail(request, pk):
    assessment = assessment_of(request, pk)
    user, worker = request.user, assessment.worker
    county = may_act_as_county(user, worker)
    locked = assessment.is_locked
    context = {
        "object": assessment,
        "reports": assessment.reports.all(),
        "weights": assessment.weights or services.weights_for(worker, assessment.year),
        "quarters": worker.quarterly_reviews.filter(year=assessment.year).order_by("quarter"),
        "report_form": forms.ReportForm() if may_write_file(user, worker) and not locked else None,
        "score_form": forms.ScoreForm(initial={
            "host_score": assessment.host_score, "county_score": assessment.county_score,
            "appraisal_score": assessment.appraisal_score,
            "appraisal_votes": assessment.appraisal_votes, "note": assessment.note,
        }) if county and not locked else None,
        "sign_off_form": forms.SignOffForm() if county and not locked else None,
        "appeal_form": forms.AppealForm()
        if is_self(user, worker) and locked and not assessment.appeal_status else None,
        "answer_form": forms.AnswerForm()
        if county and assessment.appeal_status == AppealStatus.OPEN else None,
    }  # fmt: skip
    return render(request, "cadres/reviews/assessment_detail.html", context)


@require_POST
def assessment_open(request, pk):
    worker = worker_of(request, pk)
    if not (is_self(request.user, worker) or may_act_as_county(request.user, worker)):
        raise PermissionDenied
    form = forms.OpenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请填写年度"))
        return redirect(worker)
    try:
        assessment = services.open_assessment(
            actor=request.user, worker=worker, year=form.cleaned_data["year"]
        )
    except ValidationError as exc:
        _fail(request, exc)
        return redirect(worker)
    return redirect(assessment)


def _assessment_step(form_class, service, done, allowed):
    @require_POST
    def view(request, pk):
        assessment = assessment_of(request, pk)
        if not allowed(request.user, assessment.worker):
            # Someone who sees the assessment but whose step this is not (the county cannot
            # appeal for the worker, the worker cannot sign off): told so on the page.
            messages.error(request, _("此环节不由您办理"))
            return redirect(assessment)
        form = form_class(request.POST, request.FILES)
        if not form.is_valid():
            messages.error(request, "；".join(e for errs in form.errors.values() for e in errs))
            return redirect(assessment)
        try:
            service(actor=request.user, assessment=assessment, **form.cleaned_data)
        except ValidationError as exc:
            _fail(request, exc)
        else:
            messages.success(request, done)
        return redirect(assessment)

    return view


assessment_report = _assessment_step(
    forms.ReportForm, services.upload_report, gettext_lazy("已上传述职报告"), may_write_file
)
assessment_score = _assessment_step(
    forms.ScoreForm, services.score_assessment, gettext_lazy("已保存评分"), may_act_as_county
)
assessment_sign_off = _assessment_step(
    forms.SignOffForm, services.sign_off, gettext_lazy("已审定，考核结果已锁定"), may_act_as_county
)
assessment_appeal = _assessment_step(
    forms.AppealForm, services.appeal, gettext_lazy("已提交申诉，等待县总答复"), is_self
)
assessment_answer = _assessment_step(
    forms.AnswerForm, services.answer_appeal, gettext_lazy("已答复申诉"), may_act_as_county
)


def report_download(request, pk):
    require_cadre_user(request.user)
    document = get_object_or_404(AssessmentReport.objects.visible_to(request.user), pk=pk)
    return attachment(document.upload, filename=document.original_name,
                      content_type=document.content_type)  # fmt: skip
