from django.contrib import messages
from django.core import signing
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from gonghui.core import pickers, tree
from gonghui.core.filters import OrganisationFilterSet
from gonghui.core.forms import MoveForm, OrganisationForm
from gonghui.core.models import Organisation
from gonghui.core.models.orgs import SIBLING_ORDER
from gonghui.core.panels import render_org_panels
from gonghui.core.scoping import scope_paths
from gonghui.core.services import orgs as services
from gonghui.core.views.generic import (
    ObjectDetailView,
    ObjectEditView,
    ObjectListView,
    ScopedObjectMixin,
    apply_errors,
)


class OrganisationListView(ObjectListView):
    model = Organisation
    select_related = ("parent",)
    filterset_class = OrganisationFilterSet
    template_name = "core/org_list.html"
    default_sort = "path"
    sort_options = {"path": gettext_lazy("层级"), "name": gettext_lazy("名称")}


class OrganisationDetailView(ObjectDetailView):
    model = Organisation
    select_related = ("parent",)
    template_name = "core/org_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        org = context["object"]
        visible = Organisation.objects.visible_to(self.request.user)
        children = list(visible.filter(parent=org).order_by(*SIBLING_ORDER))
        counts = tree.counts_for([org, *children], org.path)
        context.update(
            ancestors=visible.filter(pk__in=org.ancestors()).order_by("depth"),
            children=[(child, counts[child.pk]) for child in children],
            counts=counts[org.pk],
            counters=tree.counters(),
            panels=render_org_panels(self.request, org),
        )
        return context


class OrganisationEditView(ObjectEditView):
    model = Organisation
    form_class = OrganisationForm

    def save(self, form, instance):
        data = dict(form.cleaned_data)
        if instance is None:
            return services.create_organisation(actor=self.request.user, **data)
        return services.update_organisation(actor=self.request.user, organisation=instance, **data)


class OrganisationMoveView(ScopedObjectMixin, TemplateView):
    model = Organisation
    template_name = "core/object_edit.html"

    def dispatch(self, request, *args, **kwargs):
        self.object = self.get_object()
        if not self.can_edit(self.object) or self.object.parent_id is None:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form(self):
        data = self.request.POST if self.request.method == "POST" else None
        return MoveForm(data, user=self.request.user, organisation=self.object)

    def render_form(self, form):
        return self.render_to_response(
            self.get_context_data(
                form=form,
                object=self.object,
                cancel_url=self.object.get_absolute_url(),
                title=_("移动组织：%(name)s") % {"name": self.object.name},
            )
        )

    def get(self, request, *args, **kwargs):
        return self.render_form(self.get_form())

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if form.is_valid():
            try:
                services.move_organisation(
                    actor=request.user,
                    organisation=self.object,
                    new_parent=form.cleaned_data["new_parent"],
                )
            except ValidationError as exc:
                exc = ValidationError({"new_parent": exc.messages})
                apply_errors(form, exc)
            else:
                messages.success(request, _("已移动：%(name)s") % {"name": self.object.name})
                return redirect(self.object.get_absolute_url())
        return self.render_form(form)


def _tree_nodes(request, orgs, parent_path=None):
    """Nodes with their counts; without a common parent each node counts its own subtree."""
    visible = Organisation.objects.visible_to(request.user)
    orgs = list(orgs)
    if parent_path is None:
        counts = {}
        for org in orgs:
            counts.update(tree.counts_for([org], org.path))
    else:
        counts = tree.counts_for(orgs, parent_path)
    with_children = set(
        visible.filter(parent__in=orgs).values_list("parent_id", flat=True).distinct()
    )
    return [(org, counts[org.pk], org.pk in with_children) for org in orgs]


TREE_MATCHES = 50


def org_tree(request):
    """The tree from the roots of the user's scope; deeper levels load on demand (htmx). With
    `q`, the matching organisations instead, each with its place in the tree."""
    q = request.GET.get("q", "").strip()[:50]
    context = {"counters": tree.counters(), "q": q}
    if q:
        visible = Organisation.objects.visible_to(request.user)
        orgs = list(pickers.search(visible, q)[: TREE_MATCHES + 1])
        labels = pickers.path_labels(orgs[:TREE_MATCHES])
        context.update(
            matches=[(org, labels[org.pk]) for org in orgs[:TREE_MATCHES]],
            more=len(orgs) > TREE_MATCHES,
        )
        return render(request, "core/org_tree.html", context)
    paths = scope_paths(request.user)
    roots = (
        Organisation.objects.filter(parent__isnull=True)
        if paths is None
        else Organisation.objects.filter(path__in=paths)
    )
    context["nodes"] = _tree_nodes(request, roots.order_by("path"))
    return render(request, "core/org_tree.html", context)


def org_tree_children(request, pk):
    parent = get_object_or_404(Organisation.objects.visible_to(request.user), pk=pk)
    children = (
        Organisation.objects.visible_to(request.user)
        .filter(parent=parent)
        .order_by(*SIBLING_ORDER)
    )
    nodes = _tree_nodes(request, children, parent.path)
    return render(
        request, "core/org_tree_nodes.html", {"nodes": nodes, "counters": tree.counters()}
    )


def org_pick(request):
    """The organisation picker's suggestions: the signed source of the form's field, applied to
    the requesting user, searched by `q` (gonghui/core/pickers.py). Without a source: any
    organisation the user sees."""
    try:
        token = request.GET.get("s")
        spec = signing.loads(token, salt=pickers.SALT) if token else {"s": "visible", "p": {}}
        queryset = pickers.choices(spec["s"], request.user, **spec["p"])
    except (signing.BadSignature, KeyError, TypeError, ObjectDoesNotExist) as exc:
        raise Http404 from exc
    return JsonResponse({"results": pickers.results(queryset, request.GET.get("q", "")[:50])})
