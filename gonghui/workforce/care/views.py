"""Pages of honourees' files and care: the list, the file (honours, registry spells, care,
allowance), its POST steps, and the due list of health checks and 疗休养."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from gonghui.core.models import AuditEntry
from gonghui.core.views.access import RoleRequired, require_role, visible_or_404
from gonghui.core.views.generic import ObjectListView
from gonghui.registry.models import Member
from gonghui.workforce.care import forms, queries, services
from gonghui.workforce.care.filters import HonoureeFilterSet
from gonghui.workforce.honours.views import _form_or_raise, error_text, post_action
from gonghui.workforce.models import Honour, Honouree


class HonoureeListView(RoleRequired, ObjectListView):
    model = Honouree
    select_related = ("union", "employer")
    filterset_class = HonoureeFilterSet
    template_name = "workforce/care/honouree_list.html"
    default_sort = "pk"


def _honouree(request, pk) -> Honouree:
    return visible_or_404(request, Honouree, pk, "union", "employer", "member")


def honouree_detail(request, pk):
    honouree = _honouree(request, pk)
    spells = Member.objects.visible_to(request.user).filter(id_hash=honouree.id_hash)
    context = {
        "object": honouree,
        "h": honouree,
        "honours": honouree.honours.select_related("kind"),
        "spells": spells.select_related("union", "employer").order_by("joined_on"),
        "care": honouree.care_records.all()[:50],
        "allowances": honouree.allowances.order_by("-year"),
        "standard": queries.allowance_standard(honouree),
        "can_edit": Honouree.objects.editable_by(request.user).filter(pk=pk).exists(),
        "care_form": forms.CareForm(auto_id="care_%s"),
        "allowance_form": forms.AllowanceForm(
            auto_id="allowance_%s", initial={"year": timezone.localdate().year}
        ),
        "status_form": forms.StatusForm(auto_id="status_%s", initial={"status": honouree.status}),
        "hardship_form": forms.HardshipForm(
            auto_id="hardship_%s",
            initial={"in_hardship": honouree.in_hardship, "note": honouree.hardship_note},
        ),
        "revoke_form": forms.RevokeForm(auto_id="revoke_%s"),
        "history": AuditEntry.objects.for_object(honouree)[:50],
    }
    return render(request, "workforce/care/honouree_detail.html", context)


def _post(perform, done):
    return post_action(_honouree, perform, done)


honouree_care = _post(
    lambda r, h: services.record_care(
        actor=r.user, honouree=h, **_form_or_raise(forms.CareForm(r.POST))
    ),
    gettext_lazy("已登记"),
)
honouree_allowance = _post(
    lambda r, h: services.pay_allowance(
        actor=r.user,
        honouree=h,
        idempotency_key=r.POST.get("idempotency_key"),
        **_form_or_raise(forms.AllowanceForm(r.POST)),
    ),  # fmt: skip
    gettext_lazy("已发放津贴"),
)
honouree_status = _post(
    lambda r, h: services.set_status(
        actor=r.user, honouree=h, **_form_or_raise(forms.StatusForm(r.POST))
    ),
    gettext_lazy("已更新状态"),
)
honouree_hardship = _post(
    lambda r, h: services.set_hardship(
        actor=r.user, honouree=h, **_form_or_raise(forms.HardshipForm(r.POST))
    ),
    gettext_lazy("已更新困难劳模标记"),
)
honouree_follow = _post(
    lambda r, h: services.follow_registry(actor=r.user, honouree=h),
    gettext_lazy("已按会员登记更新所在工会和单位"),
)


@require_POST
def honour_revoke(request, pk):
    honour = visible_or_404(request, Honour, pk, "union")
    try:
        services.revoke_honour(
            actor=request.user,
            honour=honour,
            **_form_or_raise(forms.RevokeForm(request.POST, request.FILES)),
        )
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, gettext_lazy("已撤销荣誉"))
    return HttpResponseRedirect(honour.get_absolute_url())


def checkup_due(request):
    require_role(request.user)
    mine = Honouree.objects.visible_to(request.user).select_related("union", "employer")
    return render(
        request,
        "workforce/care/due.html",
        {
            "checkups": queries.checkup_due(mine).order_by("name")[:500],
            "sanatoriums": queries.sanatorium_due(mine).order_by("name")[:500],
        },
    )
