"""Pages of the honours area: kinds, cycles (rules live on the list, quotas, moving on, the
notice), nominations (entry, the way up, vetting, scores, objections, approval), the honour roll
and the printable certificate.

Thin views: records are found through `visible_to` (out of scope is 404); every write is a
service of gonghui.workforce.honours (services, nominations), which decides who may act.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from gonghui.core import audit, uploads
from gonghui.core.models import AuditAction, AuditEntry
from gonghui.core.roles import EDIT_ROLES
from gonghui.core.scoping import holds_role
from gonghui.core.views.access import RoleRequired, require_role, visible_or_404
from gonghui.core.views.generic import ObjectEditView, ObjectListView, apply_errors
from gonghui.workforce.choices import CycleStatus, NominationStatus
from gonghui.workforce.honours import forms, nominations, queries, services
from gonghui.workforce.honours.filters import (
    CycleFilterSet,
    HonourFilterSet,
    KindFilterSet,
    NominationFilterSet,
)
from gonghui.workforce.models import (
    Honour,
    HonourCycle,
    HonourKind,
    Nomination,
    Objection,
    WorkforceDocument,
)


def error_text(exc) -> str:
    if isinstance(exc, ValidationError):
        return "；".join(exc.messages)
    return str(exc) or _("无权操作")


def post_action(load, perform, done):
    """A POST view that loads its record (`load(request, pk)`, scoped), runs
    `perform(request, record)` and goes back to the record's page with `done` or the refusal."""

    @require_POST
    def view(request, pk):
        record = load(request, pk)
        try:
            perform(request, record)
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, error_text(exc))
        else:
            messages.success(request, done)
        return HttpResponseRedirect(record.get_absolute_url())

    return view


# ---------------------------------------------------------------------------------------------
# Kinds and cycles
# ---------------------------------------------------------------------------------------------


class KindListView(RoleRequired, ObjectListView):
    model = HonourKind
    select_related = ("organisation",)
    filterset_class = KindFilterSet
    template_name = "workforce/honours/kind_list.html"
    default_sort = "pk"


class KindEditView(RoleRequired, ObjectEditView):
    model = HonourKind
    form_class = forms.KindForm
    writes = (services.create_kind, services.update_kind)
    record_name = "honourkind"


class CycleListView(RoleRequired, ObjectListView):
    model = HonourCycle
    select_related = ("kind", "organisation")
    filterset_class = CycleFilterSet
    template_name = "workforce/honours/cycle_list.html"
    default_sort = "-pk"


class CycleAddView(RoleRequired, ObjectEditView):
    model = HonourCycle
    form_class = forms.CycleForm
    writes = (services.create_cycle, None)


def _cycle(request, pk) -> HonourCycle:
    return visible_or_404(request, HonourCycle, pk, "kind", "organisation")


def cycle_detail(request, pk):
    cycle = _cycle(request, pk)
    user = request.user
    listed = queries.nomination_list(cycle)
    may_edit = HonourCycle.objects.editable_by(user).filter(pk=cycle.pk).exists()
    acts = queries.acts_for_cycle(user, cycle)
    visible = (
        Nomination.objects.visible_to(user)
        .filter(cycle=cycle)
        .select_related("member", "employer", "union")
    )
    context = {
        "object": cycle,
        "cycle": cycle,
        "shares": queries.rule_shares(cycle),
        "quotas": queries.quota_use(cycle),
        "nominations": visible.order_by("union__path", "pk"),
        "listed_count": listed.count(),
        "may_edit": may_edit and cycle.status == CycleStatus.OPEN,
        "acts": acts,
        "may_nominate": holds_role(user, EDIT_ROLES) and cycle.status == CycleStatus.OPEN,
        "rule_form": forms.RuleForm(auto_id="rule_%s"),
        "quota_form": forms.QuotaForm(cycle=cycle, auto_id="quota_%s"),
        "notice_form": forms.NoticeForm(auto_id="notice_%s"),
        "decision_form": forms.DecisionForm(auto_id="decision_%s"),
        "history": AuditEntry.objects.for_object(cycle)[:50],
    }
    return render(request, "workforce/honours/cycle_detail.html", context)


def _cycle_post(perform, done):
    return post_action(_cycle, perform, done)


def _form_or_raise(form):
    if not form.is_valid():
        raise ValidationError(
            "；".join(f"{form.fields[k].label}：{' '.join(v)}" for k, v in form.errors.items())
        )
    return form.cleaned_data


cycle_rule = _cycle_post(
    lambda r, c: services.set_rule(actor=r.user, cycle=c, **_form_or_raise(forms.RuleForm(r.POST))),
    gettext_lazy("已保存比例要求"),
)
cycle_quota = _cycle_post(
    lambda r, c: services.set_quota(
        actor=r.user, cycle=c, **_form_or_raise(forms.QuotaForm(r.POST, cycle=c))
    ),
    gettext_lazy("已保存推荐名额"),
)
cycle_advance = _cycle_post(
    lambda r, c: services.advance_cycle(actor=r.user, cycle=c),
    gettext_lazy("推荐已截止，进入审查评审"),
)
cycle_notice = _cycle_post(
    lambda r, c: nominations.publish_notice(
        actor=r.user, cycle=c, **_form_or_raise(forms.NoticeForm(r.POST))
    ),
    gettext_lazy("已发布公示"),
)
cycle_approve = _cycle_post(
    lambda r, c: nominations.approve_all(
        actor=r.user, cycle=c, **_form_or_raise(forms.DecisionForm(r.POST))
    ),
    gettext_lazy("已批准表彰并编发证书编号"),
)


def cycle_notice_page(request, pk):
    """The public notice (公示) as it is posted: names masked."""
    cycle = _cycle(request, pk)
    return render(
        request,
        "workforce/honours/notice.html",
        {
            "cycle": cycle,
            "rows": queries.notice_rows(cycle),
            "days": nominations.notice_days(cycle),
        },
    )


# ---------------------------------------------------------------------------------------------
# Nominations
# ---------------------------------------------------------------------------------------------


class NominationListView(RoleRequired, ObjectListView):
    model = Nomination
    select_related = ("cycle", "member", "employer", "union")
    filterset_class = NominationFilterSet
    template_name = "workforce/honours/nomination_list.html"
    default_sort = "-pk"


def nomination_add(request, pk):
    cycle = _cycle(request, pk)
    require_role(request.user, EDIT_ROLES)
    # ?member=&union= preselect a candidate put forward from a competition's results.
    initial = {k: request.GET[k] for k in ("member", "union") if request.GET.get(k, "").isdigit()}
    form = forms.NominationForm(
        request.POST or None, request.FILES or None, user=request.user, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        upload = data.pop("minutes", None)
        try:
            nomination = nominations.create_nomination(actor=request.user, cycle=cycle, **data)
            if upload:
                nominations.attach_minutes(actor=request.user, nomination=nomination, upload=upload)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("已登记推荐：%(n)s") % {"n": nomination.nominee_name})
            return HttpResponseRedirect(nomination.get_absolute_url())
    return render(
        request,
        "core/object_edit.html",
        {
            "form": form,
            "title": _("推荐：%(c)s") % {"c": cycle},
            "cancel_url": cycle.get_absolute_url(),
        },
    )


def _nomination(request, pk) -> Nomination:
    return visible_or_404(
        request, Nomination, pk, "cycle__kind", "cycle__organisation", "union", "member", "employer"
    )


def nomination_detail(request, pk):
    nomination = _nomination(request, pk)
    user = request.user
    cycle = nomination.cycle
    acts = queries.acts_for_cycle(user, cycle) and not queries.is_party(user, nomination)
    is_candidate = nomination.status == NominationStatus.CANDIDATE
    may_edit_union = Nomination.objects.editable_by(user).filter(pk=nomination.pk).exists()
    context = {
        "object": nomination,
        "n": nomination,
        "cycle": cycle,
        "steps": nomination.steps.select_related("organisation", "decided_by"),
        "documents": nomination.documents.all(),
        "opinions": nomination.opinions.all(),
        "scores": nomination.scores.all(),
        "mean_score": queries.mean_score(nomination),
        "objections": nomination.objections.all(),
        "honour": Honour.objects.filter(nomination=nomination).first(),
        "is_draft": nomination.status == NominationStatus.DRAFT and may_edit_union,
        "may_withdraw": may_edit_union
        and nomination.status in (NominationStatus.DRAFT, NominationStatus.REVIEWING),
        "may_decide_step": queries.may_decide_step(user, nomination),
        "may_vet": acts and is_candidate and cycle.status == CycleStatus.VETTING,
        "may_object": queries.acts_for_cycle(user, cycle)
        and is_candidate
        and cycle.status == CycleStatus.NOTICE,
        "may_approve": acts and is_candidate and cycle.status == CycleStatus.NOTICE,
        "may_refuse_candidate": acts and is_candidate,
        "upload_form": forms.UploadForm(auto_id="upload_%s"),
        "comment_form": forms.CommentForm(auto_id="comment_%s"),
        "reason_form": forms.ReasonForm(auto_id="reason_%s"),
        "opinion_form": forms.OpinionForm(auto_id="opinion_%s"),
        "score_form": forms.ScoreForm(auto_id="score_%s"),
        "objection_form": forms.ObjectionForm(auto_id="objection_%s"),
        "answer_form": forms.AnswerForm(auto_id="answer_%s"),
        "decision_form": forms.DecisionForm(auto_id="decision_%s"),
        "history": AuditEntry.objects.for_object(nomination)[:50],
    }
    return render(request, "workforce/honours/nomination_detail.html", context)


def _nomination_post(perform, done):
    return post_action(_nomination, perform, done)


nomination_upload = _nomination_post(
    lambda r, n: nominations.attach_minutes(
        actor=r.user,
        nomination=n,
        upload=_form_or_raise(forms.UploadForm(r.POST, r.FILES))["upload"],
    ),
    gettext_lazy("已上传材料"),
)
nomination_submit = _nomination_post(
    lambda r, n: nominations.submit(actor=r.user, nomination=n), gettext_lazy("已报送")
)
nomination_send_on = _nomination_post(
    lambda r, n: nominations.send_on(
        actor=r.user, nomination=n, **_form_or_raise(forms.CommentForm(r.POST))
    ),
    gettext_lazy("已同意上报"),
)
nomination_refuse = _nomination_post(
    lambda r, n: nominations.refuse(
        actor=r.user, nomination=n, **_form_or_raise(forms.ReasonForm(r.POST))
    ),
    gettext_lazy("已作不同意处理"),
)
nomination_withdraw = _nomination_post(
    lambda r, n: nominations.withdraw(actor=r.user, nomination=n), gettext_lazy("已撤回")
)
nomination_opinion = _nomination_post(
    lambda r, n: nominations.record_opinion(
        actor=r.user, nomination=n, **_form_or_raise(forms.OpinionForm(r.POST))
    ),
    gettext_lazy("已登记征求意见"),
)
nomination_score = _nomination_post(
    lambda r, n: nominations.record_score(
        actor=r.user, nomination=n, **_form_or_raise(forms.ScoreForm(r.POST))
    ),
    gettext_lazy("已登记评分"),
)
nomination_objection = _nomination_post(
    lambda r, n: nominations.record_objection(
        actor=r.user, nomination=n, **_form_or_raise(forms.ObjectionForm(r.POST))
    ),
    gettext_lazy("已登记公示异议"),
)
nomination_approve = _nomination_post(
    lambda r, n: nominations.approve(
        actor=r.user, nomination=n, **_form_or_raise(forms.DecisionForm(r.POST))
    ),
    gettext_lazy("已批准，证书编号已编发"),
)


@require_POST
def objection_answer(request, pk):
    objection = get_object_or_404(Objection.objects.select_related("nomination"), pk=pk)
    nomination = _nomination(request, objection.nomination_id)
    try:
        nominations.answer_objection(
            actor=request.user,
            objection=objection,
            **_form_or_raise(forms.AnswerForm(request.POST)),
        )
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("已答复公示异议"))
    return HttpResponseRedirect(nomination.get_absolute_url())


def document(request, pk):
    """A stored document (纪要, 命名文件) as an attachment; each viewing is audited."""
    doc = visible_or_404(request, WorkforceDocument, pk, "nomination__union", "studio__union")
    response = uploads.attachment(
        doc.upload, filename=doc.original_name, content_type=doc.content_type
    )
    audit.record(
        actor=request.user,
        action=AuditAction.REVEAL,
        obj=doc,
        changes={_("材料"): [None, _("已下载查看：%(name)s") % {"name": doc.original_name}]},
    )
    return response


# ---------------------------------------------------------------------------------------------
# Honours: the roll and the certificate
# ---------------------------------------------------------------------------------------------


class HonourListView(RoleRequired, ObjectListView):
    model = Honour
    select_related = ("kind", "honouree", "employer", "union")
    filterset_class = HonourFilterSet
    template_name = "workforce/honours/honour_list.html"
    default_sort = "-awarded_on"
    sort_options = {"awarded_on": gettext_lazy("授予日期")}


def honour_detail(request, pk):
    honour = visible_or_404(request, Honour, pk, "kind", "honouree", "employer", "union", "cycle")
    return render(
        request,
        "workforce/honours/honour_detail.html",
        {"object": honour, "honour": honour, "history": AuditEntry.objects.for_object(honour)[:50]},
    )


def certificate(request, pk):
    honour = visible_or_404(request, Honour, pk, "kind__organisation", "honouree", "employer")
    return render(request, "workforce/honours/certificate.html", {"honour": honour})


def cycle_url(cycle) -> str:
    return reverse("workforce:cycle_detail", args=[cycle.pk])
