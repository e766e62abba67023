from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from gonghui.core.roles import REVEAL_ROLES
from gonghui.core.views.generic import ObjectDetailView, ObjectEditView, ObjectListView
from gonghui.registry import services
from gonghui.registry.filters import EmployerFilterSet, MemberFilterSet
from gonghui.registry.forms import EmployerForm, MemberForm
from gonghui.registry.models import Employer, Member
from gonghui.registry.views.applications import membership_history
from gonghui.registry.views.founding import founding_panel


class EmployerListView(ObjectListView):
    model = Employer
    select_related = ("territory", "union")
    filterset_class = EmployerFilterSet
    template_name = "registry/employer_list.html"
    default_sort = "-pk"
    sort_options = {"name": _("名称"), "headcount": _("职工人数"), "pk": _("登记顺序")}


class EmployerDetailView(ObjectDetailView):
    model = Employer
    select_related = ("territory", "union")
    template_name = "registry/employer_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        members = Member.objects.visible_to(self.request.user).filter(employer=context["object"])
        context["member_count"] = members.active().count()
        context.update(
            founding_panel(self.request.user, context["object"], can_edit=context["can_edit"])
        )
        return context


class EmployerEditView(ObjectEditView):
    model = Employer
    select_related = ("territory", "union")
    form_class = EmployerForm
    writes = (services.create_employer, services.update_employer)
    record_name = "employer"


class CiphertextDeferred:
    """Member pages show masked values only: the ciphertext is neither fetched nor decrypted."""

    def scoped_queryset(self):
        return super().scoped_queryset().defer(*services.REVEALABLE)


class MemberListView(CiphertextDeferred, ObjectListView):
    model = Member
    select_related = ("union", "employer")
    filterset_class = MemberFilterSet
    template_name = "registry/member_list.html"
    default_sort = "-pk"
    sort_options = {"name": _("姓名"), "joined_on": _("入会日期"), "pk": _("登记顺序")}


class MemberDetailView(CiphertextDeferred, ObjectDetailView):
    model = Member
    select_related = ("union", "employer")
    template_name = "registry/member_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        member = context["object"]
        context["can_reveal"] = (
            Member.objects.visible_to(self.request.user, roles=REVEAL_ROLES)
            .filter(pk=member.pk)
            .exists()
        )
        context["membership"] = membership_history(self.request.user, member)
        return context


class MemberEditView(CiphertextDeferred, ObjectEditView):
    model = Member
    select_related = ("union", "employer")
    form_class = MemberForm
    writes = (services.create_member, services.update_member)
    record_name = "member"

    def service_fields(self, form) -> dict:
        return form.service_fields()


@require_POST
def member_reveal(request, pk, field):
    if field not in services.REVEALABLE:
        raise Http404
    # Deferred: only the one field asked for is fetched and decrypted.
    queryset = Member.objects.visible_to(request.user).defer(*services.REVEALABLE)
    member = get_object_or_404(queryset, pk=pk)
    if not Member.objects.visible_to(request.user, roles=REVEAL_ROLES).filter(pk=pk).exists():
        raise PermissionDenied
    value = services.reveal(actor=request.user, member=member, field=field)
    return HttpResponse(format_html('<span class="mono" data-revealed="1">{}</span>', value))
