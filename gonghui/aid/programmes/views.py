"""Programme and application pages of aid.

Programmes (救助项目): list, detail with budget and applications, create and edit, and the
programme kinds; every write through gonghui.aid.programmes.services.

Applications (救助申请): the list, an application's page with its review steps and documents, a
clerk applying for a worker, and the decisions (submit, approve, refuse, withdraw); the public
notice (公示) for staff and for everyone. Every write through gonghui.aid.programmes.applications
(and gonghui.aid.documents.services for uploads), whose errors are shown as they come.

Thin views: scoping through `visible_to` / `editable_by`. Out of scope is 404; an allowed page
without the right to act shows no button, and a POST without it is refused by the service with a
message.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from gonghui.aid.choices import AidStatus
from gonghui.aid.documents import services as documents
from gonghui.aid.models import AidApplication, Programme, ProgrammeKind
from gonghui.aid.programmes import applications
from gonghui.aid.programmes import services as programmes
from gonghui.aid.programmes.filters import ApplicationFilterSet, ProgrammeFilterSet
from gonghui.aid.programmes.forms import (
    ApplicationForm,
    ApproveForm,
    KindForm,
    ProgrammeForm,
    RefuseForm,
    UploadForm,
)
from gonghui.aid.programmes.queries import (
    OPEN,
    awaiting_review_by,
    current_step,
    is_party,
    may_decide,
    notice_rows,
)
from gonghui.core.roles import EDIT_ROLES
from gonghui.core.scoping import holds_role, may_edit_org
from gonghui.core.search import normalise
from gonghui.core.views.access import RoleRequired, require_role
from gonghui.core.views.generic import (
    ObjectDetailView,
    ObjectEditView,
    ObjectListView,
    apply_errors,
)
from gonghui.registry.membership_queries import CIPHERTEXT
from gonghui.registry.models import Member


class ProgrammeScope:
    model = Programme
    select_related = ("organisation", "kind")


class ProgrammeListView(RoleRequired, ProgrammeScope, ObjectListView):
    filterset_class = ProgrammeFilterSet
    template_name = "aid/programme_list.html"
    sort_options = {
        "year": gettext_lazy("年度"),
        "closes_on": gettext_lazy("申请截止日期"),
        "budget": gettext_lazy("预算"),
    }


def status_counts(user, programme: Programme) -> list[dict]:
    """The programme's applications by status, counting only those the user may see."""
    counts = dict(
        AidApplication.objects.visible_to(user)
        .filter(programme=programme)
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return [
        {"status": value, "label": label, "count": counts.get(value, 0)}
        for value, label in AidStatus.choices
    ]


class ProgrammeDetailView(RoleRequired, ProgrammeScope, ObjectDetailView):
    template_name = "aid/programme_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        programme = context["object"]
        committed = programmes.committed(programme)
        context.update(
            committed=committed,
            paid=programmes.paid(programme),
            remaining=programme.budget - committed,
            status_counts=status_counts(self.request.user, programme),
            applications_url=reverse("aid:application_list") + f"?programme={programme.pk}",
            is_open=programme.is_open(),
            may_apply=holds_role(self.request.user, EDIT_ROLES),
        )
        return context


class ProgrammeEditView(RoleRequired, ProgrammeScope, ObjectEditView):
    form_class = ProgrammeForm
    writes = (programmes.create_programme, programmes.update_programme)
    record_name = "programme"

    def service_fields(self, form) -> dict:
        return form.service_fields()


def kind_list(request):
    """Every programme kind; county administrators add the county's own."""
    require_role(request.user)
    may_add = programmes.may_add_kind(request.user)
    form = KindForm(request.POST or None)
    if request.method == "POST":
        if not may_add:
            raise PermissionDenied
        if form.is_valid():
            try:
                kind = programmes.add_kind(actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("已增加项目类别：%(name)s") % {"name": kind.name})
                return HttpResponseRedirect(reverse("aid:kind_list"))
    return render(
        request,
        "aid/programme_kinds.html",
        {"kinds": ProgrammeKind.objects.all(), "form": form, "may_add": may_add},
    )


# Pages show the masked forms only: the ciphertext is never fetched.
HIDDEN = (*(f"member__{name}" for name in CIPHERTEXT), "bank_account")
SEARCH_LIMIT = 20


class ApplicationScope:
    model = AidApplication
    select_related = ("member", "union", "programme", "programme__organisation")

    def scoped_queryset(self):
        return super().scoped_queryset().defer(*HIDDEN)


class ApplicationListView(RoleRequired, ApplicationScope, ObjectListView):
    filterset_class = ApplicationFilterSet
    template_name = "aid/application_list.html"
    sort_options = {
        "created_at": gettext_lazy("申请时间"),
        "amount_requested": gettext_lazy("申请金额"),
    }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        pks = [a.pk for a in context["objects"]]
        mine = set(awaiting_review_by(self.request.user).filter(pk__in=pks).values_list("pk"))
        for application in context["objects"]:
            application.for_me = (application.pk,) in mine
        context["can_add"] = holds_role(self.request.user, EDIT_ROLES)
        return context


def _url(name: str, *args) -> str | None:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:  # an area whose pages are not installed in this build
        return None


class ApplicationDetailView(RoleRequired, ApplicationScope, ObjectDetailView):
    template_name = "aid/application_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        application = context["object"]
        user = self.request.user
        editor = may_edit_org(user, application.union)
        preparing = application.status == AidStatus.AWAITING_UNION
        step = current_step(application)
        deciding = may_decide(user, application, step)
        docs = list(application.documents.order_by("uploaded_at", "pk"))
        for doc in docs:
            doc.download_url = _url("aid:document_download", doc.pk)
            doc.delete_url = _url("aid:document_delete", doc.pk) if editor and preparing else None
        attached = {doc.kind for doc in docs}
        context.update(
            steps=application.steps.select_related("organisation", "decided_by", "decided_as"),
            current=step,
            documents=docs,
            missing=[k for k in application.programme.document_kinds if k not in attached],
            may_submit=editor and preparing,
            may_upload=editor and preparing,
            may_decide=deciding,
            may_refuse=deciding or (editor and preparing),
            may_withdraw=editor and application.status in OPEN,
            is_party=is_party(user, application),
            approve_form=ApproveForm(initial={"amount": applications.amount_so_far(application)}),
            refuse_form=RefuseForm(),
            upload_form=UploadForm(kinds=documents.kinds_for(application)),
        )
        return context


def _scoped(request, pk) -> AidApplication:
    queryset = AidApplication.objects.visible_to(request.user).defer(*HIDDEN)
    return get_object_or_404(queryset.select_related("programme", "union", "member"), pk=pk)


def _act(request, application, action, done: str):
    """Run a service; its refusal becomes a message on the application's page."""
    try:
        action()
    except (PermissionDenied, ValidationError) as exc:
        messages.error(request, applications.error_text(exc))
    else:
        messages.success(request, done)
    return redirect(application)


def _form_errors(request, form) -> None:
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)


def _step_view(step, done: str, form_class=None):
    """A POST view for one step of an application: the form (if any) is checked, then the
    service runs with the form's fields; a refusal becomes a message on the application's page."""

    @require_POST
    def view(request, pk):
        application = _scoped(request, pk)
        fields = {}
        if form_class is not None:
            form = form_class(request.POST)
            if not form.is_valid():
                _form_errors(request, form)
                return redirect(application)
            fields = form.cleaned_data
        return _act(
            request,
            application,
            lambda: step(actor=request.user, application=application, **fields),
            done,
        )

    return view


application_submit = _step_view(applications.submit, gettext_lazy("已提交审核"))
application_approve = _step_view(applications.approve_step, gettext_lazy("已审核通过"), ApproveForm)
application_refuse = _step_view(
    applications.refuse, gettext_lazy("已退回，职工可以看到原因"), RefuseForm
)
application_withdraw = _step_view(applications.withdraw, gettext_lazy("已撤回"))


@require_POST
def application_upload(request, pk):
    application = _scoped(request, pk)
    form = UploadForm(request.POST, request.FILES, kinds=documents.kinds_for(application))
    if not form.is_valid():
        _form_errors(request, form)
        return redirect(application)
    return _act(
        request,
        application,
        lambda: documents.attach_document(
            actor=request.user, owner=application, **form.cleaned_data
        ),
        _("已上传材料"),
    )


# ---------------------------------------------------------------------------------------------
# A clerk applies for a worker
# ---------------------------------------------------------------------------------------------


def search_members(user, query: str):
    """Active members the user may apply for, by name (or part of it)."""
    query = normalise(query or "")
    if not query:
        return Member.objects.none()
    return (
        Member.objects.editable_by(user)
        .active()
        .filter(name__icontains=query)
        .select_related("union", "employer")
        .defer(*CIPHERTEXT)
        .order_by("name", "pk")[:SEARCH_LIMIT]
    )


class ApplicationAddView(TemplateView):
    template_name = "aid/application_form.html"

    def dispatch(self, request, *args, **kwargs):
        if not holds_role(request.user, EDIT_ROLES):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def member(self):
        pk = self.request.POST.get("member") or self.request.GET.get("member")
        if not pk or not str(pk).isdigit():
            return None
        queryset = Member.objects.editable_by(self.request.user).active().defer(*CIPHERTEXT)
        return get_object_or_404(queryset.select_related("union"), pk=pk)

    def form(self):
        programmes = (
            Programme.objects.visible_to(self.request.user)
            .open_on(timezone.localdate())
            .select_related("kind")
            .order_by("-year", "name")
        )
        data = self.request.POST if self.request.method == "POST" else None
        initial = {"programme": self.request.GET.get("programme")}
        return ApplicationForm(data, programmes=programmes, initial=initial)

    def respond(self, member, form):
        query = self.request.GET.get("q", "")
        return self.render_to_response(
            self.get_context_data(
                member=member,
                form=form,
                query=query,
                found=search_members(self.request.user, query) if member is None else None,
                cancel_url=reverse("aid:application_list"),
            )
        )

    def get(self, request, *args, **kwargs):
        return self.respond(self.member(), self.form())

    def post(self, request, *args, **kwargs):
        member, form = self.member(), self.form()
        if member is None:
            form.add_error(None, _("请先选择申请人"))
        elif form.is_valid():
            try:
                application = applications.apply(
                    actor=request.user, member=member, **form.cleaned_data
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(
                    request, _("已录入申请，请上传所需材料后提交审核：%(a)s") % {"a": application}
                )
                return HttpResponseRedirect(application.get_absolute_url())
        return self.respond(member, form)


# ---------------------------------------------------------------------------------------------
# The public notice (公示)
# ---------------------------------------------------------------------------------------------


def _programme_filter(request, programmes):
    pk = request.GET.get("programme", "")
    return programmes.filter(pk=pk).first() if pk.isdigit() else None


def notice_list(request):
    """The notice of approved applications in the user's scope, names masked as published."""
    require_role(request.user)
    programme = _programme_filter(request, Programme.objects.visible_to(request.user))
    rows = notice_rows(
        programme=programme, queryset=AidApplication.objects.visible_to(request.user)
    )
    return render(
        request,
        "aid/notice_list.html",
        {"rows": rows, "programme": programme, "public_url": reverse("aid:notice_public")},
    )


@login_not_required
def notice_public(request):
    """公示 for everyone: masked name, union, programme, amount and the notice's end only.

    A programme answers only while it has applications in notice: anyone may ask by id, and
    must not learn the name of a programme that publishes nothing."""
    programme = None
    if request.GET.get("programme", "").isdigit():
        in_notice = AidApplication.objects.in_notice(timezone.localdate())
        programme = _programme_filter(
            request, Programme.objects.filter(pk__in=in_notice.values("programme"))
        )
        if programme is None:
            raise Http404
    response = render(
        request,
        "aid/notice_public.html",
        {"rows": notice_rows(programme=programme), "programme": programme},
    )
    response["Cache-Control"] = "no-store"  # the list changes daily; no stale names in caches
    return response
