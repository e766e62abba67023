"""The worker's points on the phone (/m/workforce/points/): the balance and its rows, claiming
with a photo or document (the private upload helpers), redeeming a reward, following the claims
and redemptions. Rows are found by the worker's verified phone; another's is a 404."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from gonghui.core.forms import DateInput
from gonghui.core.views.generic import apply_errors
from gonghui.portal.identity import worker_required
from gonghui.portal.queries import own_active_spells
from gonghui.workforce.models import PointsAccount, PointsRule, Reward
from gonghui.workforce.points import ledger, services

ACCEPT = "image/*,.pdf"  # phones offer the camera; the service checks the bytes
LARGE = {"class": "form-control form-control-lg"}


SELECT = {"class": "form-select form-select-lg"}
TEXTAREA = {"class": "form-control", "rows": 3}
FILE = {"class": "form-control", "accept": ACCEPT}


class ClaimForm(forms.Form):
    rule = forms.TypedChoiceField(
        label=gettext_lazy("积分项目"), coerce=int, widget=forms.Select(attrs=SELECT)
    )
    description = forms.CharField(
        label=gettext_lazy("情况说明"), max_length=500, widget=forms.Textarea(attrs=TEXTAREA)
    )
    occurred_on = forms.DateField(
        label=gettext_lazy("发生日期"), widget=DateInput(attrs=LARGE)
    )
    upload = forms.FileField(
        label=gettext_lazy("拍照或选择文件"), required=False,
        widget=forms.ClearableFileInput(attrs=FILE),
    )  # fmt: skip

    def __init__(self, *args, rules, **kwargs):
        super().__init__(*args, **kwargs)
        self.rules = {r.pk: r for r in rules}
        self.fields["rule"].choices = [
            (r.pk, f"{r.name}（{r.points}分，{r.get_evidence_display()}）") for r in rules
        ]
        self.fields["occurred_on"].initial = timezone.localdate()

    def clean_rule(self):
        return self.rules[self.cleaned_data["rule"]]


def _spells(worker):
    return list(own_active_spells(worker).select_related("union"))


@worker_required
def home(request):
    spells = _spells(request.worker)
    accounts = []
    for member in spells:
        account = PointsAccount.objects.filter(member=member).first()
        accounts.append({
            "member": member,
            "balance": ledger.balance(account) if account else 0,
            "entries": account.entries.all()[:20] if account else [],
            "claims": account.claims.select_related("rule")[:20] if account else [],
            "redemptions": account.redemptions.select_related("reward")[:20] if account else [],
            "rewards": Reward.objects.filter(union=member.union, is_active=True, stock__gt=0),
            "has_rules": PointsRule.objects.filter(union=member.union, is_active=True).exists(),
        })  # fmt: skip
    return render(request, "workforce/portal/points.html", {"accounts": accounts})


@worker_required
def claim(request):
    spells = _spells(request.worker)
    member = spells[0] if spells else None
    if request.GET.get("member") or request.POST.get("member"):
        chosen = {m.pk: m for m in spells}
        try:
            member = chosen[int(request.GET.get("member") or request.POST.get("member"))]
        except (KeyError, ValueError) as exc:
            raise Http404 from exc
    if member is None:
        raise Http404
    rules = list(PointsRule.objects.filter(union=member.union, is_active=True))
    form = ClaimForm(request.POST or None, request.FILES or None, rules=rules)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.submit_claim(
                actor=None, member=member, rule=data["rule"], description=data["description"],
                occurred_on=data["occurred_on"], uploads=[data["upload"]],
            )  # fmt: skip
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("已提交，等待工会审核"))
            return redirect("workforce_portal:points")
    return render(request, "workforce/portal/points_claim.html", {"form": form, "member": member})


@worker_required
@require_POST
def redeem(request, pk):
    spells = {m.union_id: m for m in _spells(request.worker)}
    reward = get_object_or_404(Reward, pk=pk, union_id__in=list(spells))
    try:
        services.redeem(actor=None, member=spells[reward.union_id], reward=reward,
                        idempotency_key=request.POST.get("idempotency_key"))  # fmt: skip
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, _("已兑换“%(r)s”，请到工会领取") % {"r": reward.name})
    return redirect("workforce_portal:points")
