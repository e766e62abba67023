"""Pages of the statistical returns under /returns/: the list (with the work queues), a union's
page (its return and the status table of its child unions), a return (its forms, checks and
steps), its hand cells, its xlsx; the catalogues (a year's indicators and checks, copied to a
new year and edited by the county's administrators).

Staff only (the registry roles). What each step needs is the service's rule
(gonghui.returns.services); the pages offer only what the user may do."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.core.models import Organisation, OrgKind
from gonghui.core.scoping import may_edit_org
from gonghui.core.views.access import require_role
from gonghui.core.views.generic import apply_errors
from gonghui.returns import exports, forms, indicators, queries, services
from gonghui.returns.choices import EDITABLE, Form
from gonghui.returns.choices import ReturnStatus as Status
from gonghui.returns.models import Catalogue, Indicator, Return, Rule


def _year(request) -> int:
    try:
        year = int(request.GET.get("year") or request.POST.get("year") or 0)
    except ValueError:
        year = 0
    return year if 2000 <= year <= 2100 else timezone.localdate().year


def _fail(request, exc) -> None:
    if isinstance(exc, ValidationError):
        messages.error(request, "；".join(exc.messages))
    else:
        messages.error(request, str(exc) or _("此环节不由您办理"))


def return_list(request):
    require_role(request.user)
    year = _year(request)
    catalogue = queries.catalogue_for(request.user, year)
    todo = request.GET.get("todo", "")
    returns = queries.returns_for(request.user).filter(catalogue__year=year)
    if todo in queries.TODOS:
        returns = queries.todo(request.user, todo).filter(catalogue__year=year)
    status = request.GET.get("status", "")
    if status in Status.values:
        returns = returns.filter(status=status)
    own = list(queries.home_unions(request.user, catalogue)) if catalogue else []
    opened = {r.union_id: r for r in Return.objects.filter(catalogue=catalogue, union__in=own)}
    own = [(u, opened.get(u.pk), may_edit_org(request.user, u)) for u in own]
    return render(request, "returns/return_list.html", {
        "year": year, "catalogue": catalogue, "objects": returns.order_by("union__path")[:500],
        "own": own, "todo": todo, "status": status,
        "statuses": Status.choices, "years": range(timezone.localdate().year, 2019, -1),
    })  # fmt: skip


def _union(request, pk) -> Organisation:
    require_role(request.user)
    return get_object_or_404(Organisation.objects.visible_to(request.user), pk=pk)


def union_status(request, pk):
    """A union's return for the year and who below it has and has not submitted."""
    union = _union(request, pk)
    year = _year(request)
    catalogue = services.county_catalogue(union, year)
    if catalogue is None:
        raise Http404
    rows = queries.status_table(union, catalogue)
    return render(request, "returns/union_status.html", {
        "union": union, "year": year, "catalogue": catalogue, "rows": rows,
        "ret": Return.objects.filter(catalogue=catalogue, union=union).first(),
        "may_open": may_edit_org(request.user, union) and services.files_returns(union),
        "submitted": sum(1 for r in rows if r["ret"] and r["ret"].status != Status.DRAFT
                         and r["ret"].status != Status.RETURNED),
    })  # fmt: skip


@require_POST
def return_open(request, pk):
    union = _union(request, pk)
    catalogue = services.county_catalogue(union, _year(request))
    if catalogue is None:
        raise Http404
    try:
        ret = services.open_return(actor=request.user, catalogue=catalogue, union=union)
    except (ValidationError, PermissionDenied) as exc:
        _fail(request, exc)
        return redirect(f"{union_status_url(union)}?year={catalogue.year}")
    return redirect(ret)


def union_status_url(union) -> str:
    from django.urls import reverse

    return reverse("returns:union_status", args=[union.pk])


def _return(request, pk) -> Return:
    require_role(request.user)
    return get_object_or_404(
        queries.returns_for(request.user).select_related("catalogue__organisation"), pk=pk
    )


def _sheets(ret) -> list[dict]:
    values = list(ret.values.select_related("indicator").order_by("indicator__order", "pk"))
    return [
        {"title": title, "rows": [v for v in values if v.indicator.form == form]}
        for form, title in Form.choices
        if any(v.indicator.form == form for v in values)
    ]


BACKABLE = (Status.SUBMITTED, Status.SIGNED, Status.ACCEPTED)


def return_detail(request, pk):
    ret = _return(request, pk)
    user = request.user
    editable = ret.status in EDITABLE and may_edit_org(user, ret.union)
    reviewable = services.may_review(user, ret)
    children = services.child_returns(ret)
    return render(request, "returns/return_detail.html", {
        "object": ret, "sheets": _sheets(ret), "problems": services.check_messages(ret),
        "rules": ret.catalogue.rules.all(), "editable": editable,
        "may_sign": ret.status == Status.SUBMITTED and services.may_sign(user, ret),
        "may_accept": ret.status == Status.SIGNED and reviewable,
        "send_back_form": forms.SendBackForm() if reviewable and ret.status in BACKABLE else None,
        "children": children.count(),
        "children_signed": children.filter(status__in=(Status.SIGNED, Status.ACCEPTED)).count(),
    })  # fmt: skip


def return_edit(request, pk):
    ret = _return(request, pk)
    if ret.status not in EDITABLE or not may_edit_org(request.user, ret.union):
        messages.error(request, _("年报%(s)s，不能修改") % {"s": ret.get_status_display()})
        return redirect(ret)
    form = forms.ValuesForm(request.POST or None, ret=ret)
    if request.method == "POST" and form.is_valid():
        try:
            services.enter_values(
                actor=request.user, ret=ret, values={c: form.cleaned_data[c] for c in form.codes}
            )
        except (ValidationError, PermissionDenied) as exc:
            if isinstance(exc, ValidationError):
                apply_errors(form, exc)
            else:
                raise
        else:
            messages.success(request, _("已保存"))
            return redirect(ret)
    return render(request, "core/object_edit.html", {
        "form": form, "title": _("填写手工填报指标：%(r)s") % {"r": ret},
        "cancel_url": ret.get_absolute_url(),
    })  # fmt: skip


def _act(request, pk, call, done):
    ret = _return(request, pk)
    try:
        call(ret)
    except (ValidationError, PermissionDenied) as exc:
        _fail(request, exc)
    else:
        messages.success(request, done)
    return redirect(ret)


@require_POST
def return_refresh(request, pk):
    return _act(request, pk, lambda r: services.refresh_return(actor=request.user, ret=r),
                _("已重新取数"))  # fmt: skip


@require_POST
def return_submit(request, pk):
    return _act(request, pk, lambda r: services.submit_return(actor=request.user, ret=r),
                _("已提交，待本工会负责人签发"))  # fmt: skip


@require_POST
def return_sign(request, pk):
    return _act(request, pk, lambda r: services.sign_return(actor=request.user, ret=r),
                _("已签发，年报已锁定"))  # fmt: skip


@require_POST
def return_accept(request, pk):
    return _act(request, pk, lambda r: services.accept_return(actor=request.user, ret=r),
                _("已审核"))  # fmt: skip


@require_POST
def return_send_back(request, pk):
    note = request.POST.get("note", "")
    return _act(request, pk, lambda r: services.send_back(actor=request.user, ret=r, note=note),
                _("已退回"))  # fmt: skip


def return_export(request, pk):
    ret = _return(request, pk)
    response = HttpResponse(
        exports.return_workbook(ret),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = content_disposition_header(
        True, f"{ret.union.name}-{ret.year}年统计年报.xlsx"
    )
    return response


# ---------------------------------------------------------------------------------------------
# Catalogues
# ---------------------------------------------------------------------------------------------


def _keepable_counties(user):
    return [
        c for c in Organisation.objects.visible_to(user).filter(kind=OrgKind.COUNTY_FEDERATION)
        if services.may_keep_catalogue(user, c)
    ]  # fmt: skip


def catalogue_list(request):
    require_role(request.user)
    counties = _keepable_counties(request.user)
    form = forms.YearForm(request.POST or None) if counties else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                catalogue = services.seed_catalogue(
                    actor=request.user, county=counties[0], year=form.cleaned_data["year"]
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                return redirect(catalogue)
    return render(request, "returns/catalogue_list.html", {
        "objects": Catalogue.objects.visible_to(request.user).select_related("organisation"),
        "form": form,
    })  # fmt: skip


def _catalogue(request, pk) -> Catalogue:
    require_role(request.user)
    return get_object_or_404(
        Catalogue.objects.visible_to(request.user).select_related("organisation"), pk=pk
    )


def catalogue_detail(request, pk):
    catalogue = _catalogue(request, pk)
    keeper = services.may_keep_catalogue(request.user, catalogue.organisation)
    labels = indicators.sources()
    rows = [(i, labels.get(i.source, "")) for i in catalogue.indicators.all()]
    return render(request, "returns/catalogue_detail.html", {
        "object": catalogue, "rows": rows, "rules": catalogue.rules.all(), "keeper": keeper,
        "copy_form": forms.YearForm(initial={"year": catalogue.year + 1}) if keeper else None,
        "rule_form": forms.RuleForm() if keeper else None,
    })  # fmt: skip


@require_POST
def catalogue_copy(request, pk):
    catalogue = _catalogue(request, pk)
    try:
        copy = services.copy_catalogue(
            actor=request.user, catalogue=catalogue, year=request.POST.get("year")
        )
    except (ValidationError, PermissionDenied) as exc:
        _fail(request, exc)
        return redirect(catalogue)
    messages.success(request, _("已复制为 %(y)d 年目录，可继续修改") % {"y": copy.year})
    return redirect(copy)


def _indicator_page(request, catalogue, indicator=None):
    if not services.may_keep_catalogue(request.user, catalogue.organisation):
        raise PermissionDenied
    fields = forms.IndicatorForm.base_fields
    initial = {f: getattr(indicator, f) for f in fields} if indicator else {}
    form = forms.IndicatorForm(request.POST or None, initial=initial, sources=indicators.sources())
    if request.method == "POST" and form.is_valid():
        try:
            if indicator is None:
                services.add_indicator(actor=request.user, catalogue=catalogue, **form.cleaned_data)
            else:
                services.update_indicator(
                    actor=request.user, indicator=indicator, **form.cleaned_data
                )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("已保存"))
            return redirect(catalogue)
    title = _("修改指标：%(i)s") % {"i": indicator} if indicator else _("增加指标")
    return render(request, "core/object_edit.html", {
        "form": form, "title": f"{catalogue} · {title}", "cancel_url": catalogue.get_absolute_url(),
    })  # fmt: skip


def indicator_add(request, pk):
    return _indicator_page(request, _catalogue(request, pk))


def indicator_edit(request, pk):
    require_role(request.user)
    indicator = get_object_or_404(
        Indicator.objects.visible_to(request.user).select_related("catalogue__organisation"), pk=pk
    )
    return _indicator_page(request, indicator.catalogue, indicator)


@require_POST
def rule_add(request, pk):
    catalogue = _catalogue(request, pk)
    form = forms.RuleForm(request.POST)
    if not form.is_valid():
        messages.error(request, "；".join(e for errs in form.errors.values() for e in errs))
        return redirect(catalogue)
    try:
        services.add_rule(actor=request.user, catalogue=catalogue, **form.cleaned_data)
    except (ValidationError, PermissionDenied) as exc:
        _fail(request, exc)
    else:
        messages.success(request, _("已增加逻辑校验"))
    return redirect(catalogue)


@require_POST
def rule_delete(request, pk):
    require_role(request.user)
    rule = get_object_or_404(
        Rule.objects.visible_to(request.user).select_related("catalogue__organisation"), pk=pk
    )
    catalogue = rule.catalogue
    try:
        services.delete_rule(actor=request.user, rule=rule)
    except PermissionDenied as exc:
        _fail(request, exc)
    else:
        messages.success(request, _("已删除逻辑校验"))
    return redirect(catalogue)
