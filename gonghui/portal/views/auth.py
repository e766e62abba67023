"""Signing in with a mobile number and a one-time code; signing out."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.core.validators import mask_mobile, validate_mobile
from gonghui.portal import identity, otp
from gonghui.portal.forms import CodeForm, PhoneForm
from gonghui.portal.views.common import show_errors


def _with_next(url_name: str, next_url: str) -> str:
    return f"{reverse(url_name)}?{urlencode({'next': next_url})}"


def _send(request, number_text: str, *, from_signin: bool = False) -> str | None:
    """Send a code; None when sent, otherwise what went wrong. From the sign-in page, a code
    sent less than a minute ago counts as sent: the worker goes on to type it."""
    try:
        number = otp.request_code(phone=number_text, address=identity.client_address(request))
    except ValidationError as exc:
        return "；".join(exc.messages)
    except otp.CodeAlreadySent as exc:
        if not from_signin:
            return exc.message
        number = validate_mobile(number_text)
    except otp.OtpRefused as exc:
        return exc.message
    identity.set_pending(request, number)
    return None


@login_not_required
def signin(request):
    next_url = identity.safe_next(request)
    if identity.current_worker(request) is not None:
        return redirect(next_url)
    form = PhoneForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        problem = _send(request, form.cleaned_data["phone"], from_signin=True)
        if problem is None:
            messages.info(request, _("验证码已发送，请查收短信并输入验证码"))
            return redirect(_with_next("portal:signin_code", next_url))
        form.add_error("phone", problem)
    return render(request, "portal/signin.html", {"form": form, "next": next_url})


@login_not_required
def signin_code(request):
    next_url = identity.safe_next(request)
    number = identity.pending_number(request)
    if number is None:
        return redirect(_with_next("portal:signin", next_url))
    form = CodeForm(request.POST if request.method == "POST" else None)
    resend_problem = None
    if request.method == "POST" and "resend" in request.POST:
        form = CodeForm()
        resend_problem = _send(request, number)
        if resend_problem is None:
            messages.info(request, _("验证码已重新发送"))
            return redirect(_with_next("portal:signin_code", next_url))
    elif request.method == "POST" and form.is_valid():
        try:
            verified = otp.verify_code(phone=number, code=form.cleaned_data["code"])
        except ValidationError as exc:
            show_errors(form, exc)
        except otp.OtpRefused as exc:
            form.add_error("code", exc.message)
        else:
            identity.sign_in(request, verified)
            return redirect(next_url)
    context = {
        "form": form,
        "next": next_url,
        "phone_masked": mask_mobile(number),
        "resend_problem": resend_problem,
    }
    return render(request, "portal/signin_code.html", context)


@login_not_required
@require_POST
def signout(request):
    identity.sign_out(request)
    messages.info(request, _("已退出登录"))
    return redirect("portal:signin")
