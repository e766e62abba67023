"""The union side of joining and transfer (入会/转会审核): the queue, an application's page and its
decision, and a clerk starting a member's transfer or recording their leaving.

Thin views: scoping through `visible_to` / `editable_by`, every write through
gonghui.registry.membership, whose errors are shown as they come.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from gonghui.core.scoping import holds_role
from gonghui.core.views.generic import (
    ObjectDetailView,
    ObjectEditView,
    ObjectListView,
    apply_errors,
)
from gonghui.registry import membership
from gonghui.registry.choices import ApplicationKind, ApplicationStatus, MemberStatus
from gonghui.registry.filters_applications import ApplicationFilterSet
from gonghui.registry.forms_membership import LeaveForm, RefuseForm, TransferForm
from gonghui.registry.membership_queries import CIPHERTEXT, REVIEW_ROLES, may_review, spells_of
from gonghui.registry.models import Application, Member


class ApplicationScope:
    """Applications show masked personal data only: the ciphertext is never fetched."""

    model = Application
    select_related = ("union", "from_union", "employer", "submitted_by", "decided_by", "decided_as")

    def scoped_queryset(self):
        return super().scoped_queryset().defer(*CIPHERTEXT)


class ApplicationListView(ApplicationScope, ObjectListView):
    select_related = ("union", "from_union", "employer")
    filterset_class = ApplicationFilterSet
    template_name = "registry/application_list.html"
    # A queue is worked oldest first.
    default_sort = "submitted_at"
    sort_options = {"submitted_at": gettext_lazy("提交时间"), "name": gettext_lazy("姓名")}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        user = self.request.user
        for application in context["objects"]:
            application.days_waiting = (today - application.submitted_on).days
            application.overdue = application.is_overdue(today)
            application.reviewable = application.is_pending and may_review(user, application)
        context["can_review"] = any(a.reviewable for a in context["objects"])
        return context

    def post(self, request, *args, **kwargs):
        """批量通过: approve the ticked applications, reporting each one that failed by name."""
        back = HttpResponseRedirect(request.get_full_path())
        if not holds_role(request.user, REVIEW_ROLES):
            raise PermissionDenied
        try:
            pks = {int(pk) for pk in request.POST.getlist("pk")}
        except ValueError:
            messages.error(request, _("所选申请无效，请重新勾选"))
            return back
        if not pks:
            messages.warning(request, _("请先勾选要通过的申请"))
            return back
        chosen = list(self.scoped_queryset().filter(pk__in=pks).order_by("submitted_at", "pk"))
        approved, errors = membership.approve_many(actor=request.user, applications=chosen)
        if approved:
            messages.success(request, _("已通过 %(n)d 份申请") % {"n": len(approved)})
        for application in chosen:
            if application.pk in errors:
                messages.error(
                    request,
                    _("%(name)s：%(error)s")
                    % {"name": application.name, "error": errors[application.pk]},
                )
        missing = len(pks) - len(chosen)
        if missing:
            messages.error(request, _("%(n)d 份申请不存在或不在您的管理范围内") % {"n": missing})
        return back


class ApplicationDetailView(ApplicationScope, ObjectDetailView):
    template_name = "registry/application_detail.html"

    def get_context_data(self, refuse_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        application = context["object"]
        user = self.request.user
        today = timezone.localdate()
        spells = [pk for pk in (application.member_id, application.result_id) if pk]
        visible = set(
            Member.objects.visible_to(user).filter(pk__in=spells).values_list("pk", flat=True)
        )
        context.update(
            may_review=application.is_pending and may_review(user, application),
            is_submitter=application.submitted_by_id == user.pk,
            refuse_form=refuse_form or RefuseForm(),
            source=application.member if application.member_id in visible else None,
            result=application.result if application.result_id in visible else None,
            days_waiting=(today - application.submitted_on).days,
            overdue=application.is_overdue(today),
        )
        return context


class ApplicationRefuseView(ApplicationDetailView):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        application = self.get_object()
        form = RefuseForm(request.POST)
        if form.is_valid():
            try:
                membership.refuse(
                    actor=request.user, application=application, reason=form.cleaned_data["reason"]
                )
            except PermissionDenied as exc:
                messages.error(request, membership.error_text(exc))
                return redirect(application)
            except ValidationError as exc:
                if not hasattr(exc, "error_dict"):  # already decided: nothing to correct
                    messages.error(request, membership.error_text(exc))
                    return redirect(application)
                apply_errors(form, exc)
            else:
                messages.success(request, _("已退回：%(name)s") % {"name": application.name})
                return redirect(application)
        return self.render_to_response(self.get_context_data(refuse_form=form))


@require_POST
def application_approve(request, pk):
    queryset = Application.objects.visible_to(request.user).defer(*CIPHERTEXT)
    application = get_object_or_404(queryset, pk=pk)
    try:
        member = membership.approve(actor=request.user, application=application)
    except (PermissionDenied, ValidationError) as exc:
        messages.error(request, membership.error_text(exc))
    else:
        messages.success(
            request,
            _("已通过：%(name)s，会员卡号 %(card)s")
            % {"name": application.name, "card": member.card_number},
        )
    return redirect(application)


# ---------------------------------------------------------------------------------------------
# A member's transfer and leaving, started by a clerk of their union
# ---------------------------------------------------------------------------------------------


class MemberActionView(ObjectEditView):
    """A form about one active membership spell the user may edit (404 when out of sight, 403
    when only visible). The service writes; its errors land on the form."""

    model = Member
    select_related = ("union", "employer")
    title = ""

    def scoped_queryset(self):
        return super().scoped_queryset().defer(*CIPHERTEXT)

    def get_form(self, instance):
        data = self.request.POST if self.request.method == "POST" else None
        return self.form_class(data)

    def render_form(self, form, instance):
        return self.render_to_response(
            self.get_context_data(
                form=form,
                object=instance,
                cancel_url=instance.get_absolute_url(),
                title=self.title % {"name": instance.name},
                pending=Application.objects.pending().filter(member=instance).exists(),
            )
        )

    def inactive(self, instance):
        if instance.status == MemberStatus.ACTIVE:
            return None
        messages.error(
            self.request,
            _("该会籍当前为“%(status)s”，不能办理") % {"status": instance.get_status_display()},
        )
        return redirect(instance)

    def get(self, request, *args, **kwargs):
        instance = self.get_instance()
        return self.inactive(instance) or self.render_form(self.get_form(instance), instance)

    def post(self, request, *args, **kwargs):
        instance = self.get_instance()
        form = self.get_form(instance)
        if form.is_valid():
            try:
                response = self.save(form, instance)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                return response
        return self.render_form(form, instance)


class MemberTransferView(MemberActionView):
    form_class = TransferForm
    template_name = "registry/application_transfer_form.html"
    title = gettext_lazy("发起转会：%(name)s")

    def get_form(self, instance):
        data = self.request.POST if self.request.method == "POST" else None
        return TransferForm(data, member=instance)

    def save(self, form, instance):
        application = membership.submit_transfer(
            actor=self.request.user, member=instance, **form.service_fields()
        )
        messages.success(
            self.request,
            _("已提交转会申请，待%(union)s审核") % {"union": application.union.name},
        )
        return redirect(instance)


class MemberLeaveView(MemberActionView):
    form_class = LeaveForm
    title = gettext_lazy("办理退会：%(name)s")

    def get_form(self, instance):
        data = self.request.POST if self.request.method == "POST" else None
        return LeaveForm(data)

    def save(self, form, instance):
        membership.leave(actor=self.request.user, member=instance, **form.cleaned_data)
        messages.success(self.request, _("已办理退会：%(name)s") % {"name": instance.name})
        return redirect(instance)


# ---------------------------------------------------------------------------------------------
# The membership history on a member's page
# ---------------------------------------------------------------------------------------------


def membership_history(user, member: Member) -> dict:
    """Every spell of the person, oldest first, each with where a transfer took it from or to,
    whether the user may open it, and the transfer waiting for a decision, if any."""
    spells = list(spells_of(member))
    ids = [spell.pk for spell in spells]
    visible = set(Member.objects.visible_to(user).filter(pk__in=ids).values_list("pk", flat=True))
    moves = (
        Application.objects.filter(kind=ApplicationKind.TRANSFER, status=ApplicationStatus.APPROVED)
        .filter(Q(member_id__in=ids) | Q(result_id__in=ids))
        .select_related("union", "from_union")
        .defer(*CIPHERTEXT)
    )
    moved_to = {a.member_id: a.union for a in moves}
    moved_from = {a.result_id: a.from_union for a in moves}
    rows = [
        {
            "spell": spell,
            "current": spell.pk == member.pk,
            "visible": spell.pk in visible,
            "moved_to": moved_to.get(spell.pk),
            "moved_from": moved_from.get(spell.pk),
        }
        for spell in spells
    ]
    pending = (
        Application.objects.visible_to(user)
        .pending()
        .filter(member=member)
        .select_related("union")
        .defer(*CIPHERTEXT)
        .first()
    )
    return {"rows": rows, "pending_transfer": pending}
