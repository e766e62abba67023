"""Pages of studios and alliances: lists and detail pages (writes through studios.services)."""

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from gonghui.core.filters import SubtreeFilter
from gonghui.core.models import AuditEntry
from gonghui.core.roles import EDIT_ROLES
from gonghui.core.views.access import RoleRequired, require_role, visible_or_404
from gonghui.core.views.generic import ObjectListView, apply_errors
from gonghui.workforce.choices import Level, StudioStatus
from gonghui.workforce.honours.views import _form_or_raise, error_text
from gonghui.workforce.models import Alliance, Studio
from gonghui.workforce.studios import forms, services


class StudioFilterSet(django_filters.FilterSet):
    level = django_filters.ChoiceFilter(label=_("命名级别"), choices=Level.choices)
    status = django_filters.ChoiceFilter(label=_("状态"), choices=StudioStatus.choices)
    within = SubtreeFilter(label=_("所在工会"), path_lookups=("union__path",))

    class Meta:
        model = Studio
        fields = ["level", "status", "within"]


class AllianceFilterSet(django_filters.FilterSet):
    class Meta:
        model = Alliance
        fields = ["basis"]


class StudioListView(RoleRequired, ObjectListView):
    model = Studio
    select_related = ("union", "employer", "leader_honouree", "leader_member")
    filterset_class = StudioFilterSet
    template_name = "workforce/studios/studio_list.html"
    default_sort = "pk"


def studio_detail(request, pk):
    studio = visible_or_404(request, Studio, pk, "union", "employer", "leader_honouree",
                            "leader_member")  # fmt: skip
    context = {
        "object": studio,
        "s": studio,
        "members": studio.members.all(),
        "grants": studio.grants.order_by("-granted_on"),
        "results": studio.results.all(),
        "reports": studio.reports.all(),
        "reviews": studio.reviews.all(),
        "alliances": studio.alliances.all(),
        "history": AuditEntry.objects.for_object(studio)[:50],
        "can_edit": Studio.objects.editable_by(request.user).filter(pk=pk).exists(),
        "grant_form": forms.GrantForm(auto_id="grant_%s"),
        "result_form": forms.ResultForm(auto_id="result_%s"),
        "report_form": forms.ReportForm(auto_id="report_%s"),
        "review_form": forms.ReviewForm(auto_id="review_%s"),
        "founding_form": forms.FoundingForm(auto_id="founding_%s"),
        "documents": studio.documents.all(),
    }
    return render(request, "workforce/studios/studio_detail.html", context)


def _add(request, form_class, create, title):
    require_role(request.user, EDIT_ROLES)
    form = form_class(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            obj = create(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, gettext("已保存：%(o)s") % {"o": obj})
            return HttpResponseRedirect(obj.get_absolute_url())
    return render(request, "core/object_edit.html", {"form": form, "title": title})


def studio_add(request):
    return _add(request, forms.StudioForm, services.create_studio, _("登记创新工作室"))


def alliance_add(request):
    return _add(request, forms.AllianceForm, services.create_alliance, _("登记工作室联盟"))


def _post(model, form_class, perform, done, related="studio"):
    @require_POST
    def view(request, pk):
        obj = visible_or_404(request, model, pk)
        try:
            perform(request.user, obj, _form_or_raise(form_class(request.POST)))
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, error_text(exc))
        else:
            messages.success(request, done)
        return HttpResponseRedirect(obj.get_absolute_url())

    return view


studio_grant = _post(
    Studio,
    forms.GrantForm,
    lambda u, s, d: services.add_grant(actor=u, studio=s, **d),
    _("已登记经费"),
)
studio_result = _post(
    Studio,
    forms.ResultForm,
    lambda u, s, d: services.add_result(actor=u, studio=s, **d),
    _("已登记成果"),
)
studio_report = _post(
    Studio,
    forms.ReportForm,
    lambda u, s, d: services.add_report(actor=u, studio=s, **d),
    _("已登记季度报告"),
)
studio_review = _post(
    Studio,
    forms.ReviewForm,
    lambda u, s, d: services.review(actor=u, studio=s, **d),
    _("已登记年度考核"),
)


@require_POST
def studio_document(request, pk):
    studio = visible_or_404(request, Studio, pk)
    try:
        services.attach_founding_document(
            actor=request.user, studio=studio,
            upload=_form_or_raise(forms.FoundingForm(request.POST, request.FILES))["upload"],
        )  # fmt: skip
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("已上传命名文件"))
    return HttpResponseRedirect(studio.get_absolute_url())


alliance_activity = _post(Alliance, forms.ActivityForm,
                          lambda u, a, d: services.add_activity(actor=u, alliance=a, **d),
                          _("已登记联盟活动"))  # fmt: skip


class AllianceListView(RoleRequired, ObjectListView):
    model = Alliance
    select_related = ("organisation",)
    filterset_class = AllianceFilterSet
    template_name = "workforce/studios/alliance_list.html"
    default_sort = "pk"


def alliance_detail(request, pk):
    alliance = visible_or_404(request, Alliance, pk, "organisation")
    studios = Studio.objects.visible_to(request.user).filter(alliances=alliance)
    return render(
        request,
        "workforce/studios/alliance_detail.html",
        {"object": alliance, "a": alliance, "studios": studios,
         "activities": alliance.activities.all(),
         "activity_form": forms.ActivityForm(auto_id="activity_%s"),
         "can_edit": Alliance.objects.editable_by(request.user).filter(pk=pk).exists(),
         "history": AuditEntry.objects.for_object(alliance)[:50]},
    )  # fmt: skip
