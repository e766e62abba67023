"""Joining a union from its join link (QR code): the form, the employer search, the QR files and
the printable poster."""

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from gonghui.portal import consent, identity, links, queries
from gonghui.portal.forms import JoinForm
from gonghui.portal.identity import worker_required
from gonghui.portal.views.common import error_codes, picked_employer, show_errors
from gonghui.registry import membership


def _union_or_404(code: str):
    union = links.union_for_code(code)
    if union is None:
        raise Http404
    return union


@login_not_required
def join(request, code):
    union = _union_or_404(code)
    worker = identity.current_worker(request)
    context = {"union": union, "code": code, "worker": worker, "consent": consent}
    if worker is None:
        context["signin_url"] = identity.signin_url(reverse("portal:join", args=[code]))
        return render(request, "portal/join_start.html", context)
    request.worker = worker
    return _join_form(request, union, code, worker, context)


def _join_form(request, union, code, worker, context):
    active = list(queries.own_active_spells(worker))
    # An active member is offered a transfer; `?form=1` still shows the join form (e.g. a
    # relative's application from the same phone).
    if active and request.method == "GET" and not request.GET.get("form"):
        context["active_spells"] = active
        return render(request, "portal/join_member.html", context)
    form = JoinForm(request.POST or None, union=union, initial={"name": queries.known_name(worker)})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            application = membership.submit_join(
                union=union,
                name=data["name"],
                id_number=data["id_number"],
                phone=worker.phone,
                employer=data["employer_obj"],
                employment_form=data["employment_form"],
                is_migrant_worker=data["is_migrant_worker"],
                consent_version=consent.CONSENT_VERSION if data["consent"] else "",
                note=data["note"],
                actor=None,
            )
        except ValidationError as exc:
            show_errors(form, exc)
            context["offer_transfer"] = "already_member" in error_codes(exc, "id_number")
        else:
            return redirect("portal:application", pk=application.pk)
    context.update(form=form, phone=worker.phone, picked=picked_employer(form))
    return render(request, "portal/join_form.html", context)


@worker_required
def employer_search(request, code):
    """htmx: the employer picker. `?pick=<pk>` chooses one; otherwise search by name or code."""
    union = _union_or_404(code)
    employers = queries.county_employers(union)
    context = {"code": code}
    if request.GET.get("pick"):
        pick = request.GET["pick"]
        picked = employers.filter(pk=pick).first() if pick.isdigit() else None
        if picked is None:
            raise Http404
        context["picked"] = picked
        return render(request, "portal/includes/employer_picker.html", context)
    if "clear" in request.GET:
        return render(request, "portal/includes/employer_picker.html", context)
    text = request.GET.get("employer_q") or request.GET.get("q") or ""
    context.update(
        results=queries.search_employers(union, text),
        searched=len(text.strip()) >= queries.SEARCH_MIN_LENGTH,
    )
    return render(request, "portal/includes/employer_results.html", context)


def _qr_response(request, code, kind: str, content_type: str) -> HttpResponse:
    union = _union_or_404(code)
    body = links.qr_bytes(links.join_url(request, union), kind)
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'inline; filename="join-{union.pk}.{kind}"'
    return response


@login_not_required
def join_qr_png(request, code):
    return _qr_response(request, code, "png", "image/png")


@login_not_required
def join_qr_svg(request, code):
    return _qr_response(request, code, "svg", "image/svg+xml")


@login_not_required
def join_poster(request, code):
    union = _union_or_404(code)
    url = links.join_url(request, union)
    context = {"union": union, "join_url": url, "qr_svg": links.qr_inline_svg(url, scale=10)}
    return render(request, "portal/poster.html", context)
