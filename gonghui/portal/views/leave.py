"""Leaving the union (退会): reason, date, confirmation."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from gonghui.portal import queries
from gonghui.portal.forms import LeaveForm
from gonghui.portal.identity import worker_required
from gonghui.portal.views.common import show_errors
from gonghui.registry import membership


@worker_required
def leave(request, pk):
    member = queries.own_spell_or_404(request.worker, pk)
    form = LeaveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            membership.leave(
                member=member,
                reason=form.cleaned_data["reason"],
                left_on=form.cleaned_data["left_on"],
                actor=None,
            )
        except ValidationError as exc:
            show_errors(form, exc)
        else:
            messages.success(request, _("您已退出%(union)s") % {"union": member.union.name})
            return redirect("portal:home")
    return render(request, "portal/leave.html", {"member": member, "form": form})
