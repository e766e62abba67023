"""Collective contracts (集体合同): list with filters, the 90-day expiry list, add/edit, detail,
and the employers covered. Thin views: scoping through `visible_to` / `editable_by`, writes
through gonghui.rights.contracts.services, lists through gonghui.rights.contracts.queries."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from gonghui.core.models import AuditEntry
from gonghui.core.views.access import RoleRequired, require_role, visible_or_404
from gonghui.core.views.generic import ObjectEditView, ObjectListView, apply_errors
from gonghui.registry.models import Employer
from gonghui.rights.contracts import queries
from gonghui.rights.contracts import services as contracts
from gonghui.rights.contracts.filters import ContractFilterSet
from gonghui.rights.contracts.forms import ContractForm, CoverageForm
from gonghui.rights.models import CollectiveContract, ContractEmployer


def contract_state(contract, today) -> str:
    """effective / expiring / expired / pending, for the badge of a row."""
    if contract.expires_on < today:
        return "expired"
    if contract.effective_on > today:
        return "pending"
    if (contract.expires_on - today).days <= queries.EXPIRING_DAYS:
        return "expiring"
    return "effective"


class ContractListView(RoleRequired, ObjectListView):
    model = CollectiveContract
    select_related = ("organisation",)
    filterset_class = ContractFilterSet
    template_name = "rights/contract_list.html"
    default_sort = "expires_on"
    sort_options = {
        "expires_on": gettext_lazy("到期日期"),
        "signed_on": gettext_lazy("签订日期"),
        "workers_covered": gettext_lazy("覆盖职工数"),
    }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        rows = list(context["objects"])
        names = queries.employer_names([c.pk for c in rows])
        for contract in rows:
            contract.employer_names = names.get(contract.pk, [])
            contract.state = contract_state(contract, today)
        context["objects"] = rows
        context["expiring_count"] = (
            CollectiveContract.objects.visible_to(self.request.user)
            .expiring(today, queries.EXPIRING_DAYS)
            .count()
        )
        return context


def contract_expiring(request):
    require_role(request.user)
    today = timezone.localdate()
    context = {
        "contracts": queries.expiring_contracts(request.user, today),
        "days": queries.EXPIRING_DAYS,
        "today": today,
    }
    return render(request, "rights/contract_expiring.html", context)


class ContractEditView(RoleRequired, ObjectEditView):
    model = CollectiveContract
    form_class = ContractForm
    writes = (contracts.create_contract, contracts.update_contract)
    record_name = "contract"


def _contract(request, pk) -> CollectiveContract:
    return visible_or_404(request, CollectiveContract, pk, "organisation")


def _may_edit(request, contract) -> bool:
    return CollectiveContract.objects.editable_by(request.user).filter(pk=contract.pk).exists()


def contract_detail(request, pk):
    contract = _contract(request, pk)
    today = timezone.localdate()
    coverage = list(
        ContractEmployer.objects.filter(contract=contract)
        .select_related("employer__territory", "employer__union")
        .order_by("employer__name", "pk")
    )
    seen = set(
        Employer.objects.visible_to(request.user)
        .filter(pk__in=[row.employer_id for row in coverage])
        .values_list("pk", flat=True)
    )
    for row in coverage:
        row.visible = row.employer_id in seen
    can_edit = _may_edit(request, contract)
    context = {
        "object": contract,
        "state": contract_state(contract, today),
        "days_left": (contract.expires_on - today).days,
        "coverage": coverage,
        "can_edit": can_edit,
        "coverage_form": CoverageForm(user=request.user, contract=contract) if can_edit else None,
        "history": AuditEntry.objects.for_object(contract)[:100],
    }
    return render(request, "rights/contract_detail.html", context)


def contract_employers_add(request, pk):
    contract = _contract(request, pk)
    if not _may_edit(request, contract):
        raise PermissionDenied
    data = request.POST if request.method == "POST" else None
    form = CoverageForm(data, user=request.user, contract=contract)
    if form.is_valid():
        try:
            added = contracts.add_employers(
                actor=request.user, contract=contract, employers=form.cleaned_data["employers"]
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("已添加 %(n)d 家覆盖企业") % {"n": len(added)})
            return redirect(contract)
    context = {
        "form": form,
        "object": contract,
        "title": _("添加覆盖企业：%(c)s") % {"c": contract},
        "cancel_url": contract.get_absolute_url(),
    }
    return render(request, "core/object_edit.html", context)


@require_POST
def contract_employer_remove(request, pk):
    require_role(request.user)
    found = ContractEmployer.objects.filter(
        contract__in=CollectiveContract.objects.visible_to(request.user),
        employer__in=Employer.objects.visible_to(request.user),
    ).select_related("contract", "employer")
    coverage = get_object_or_404(found, pk=pk)
    if not _may_edit(request, coverage.contract):
        raise PermissionDenied
    contracts.remove_employer(actor=request.user, coverage=coverage)
    messages.success(request, _("已移除覆盖企业：%(e)s") % {"e": coverage.employer.name})
    return redirect(coverage.contract)
