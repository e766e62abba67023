"""The error pages (400, 403, 404, 500 and a refused CSRF check) in the site's own layout, in
Chinese, each with the way back: the staff layout for staff pages, the worker portal's under
`/m/`. Wired in `gonghui/urls.py` (handler400 …) and settings.CSRF_FAILURE_VIEW.

Under /api/ the client is a program that reads JSON: an id that is not a number
(`/api/members/0.5/`) matches no route, and an HTML page would be an answer the API's schema
does not document. The API gets DRF's shape (`{"detail": …}`) instead.
"""

import logging

from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import requires_csrf_token

logger = logging.getLogger(__name__)

PORTAL_PREFIX = "/m/"
API_PREFIX = "/api/"

PAGES = {
    400: (_("请求有误"), _("页面收到的内容不完整或格式不对，请返回后重试。")),
    403: (_("没有权限"), _("您没有权限进行此操作，或该内容不在您的管理范围内。")),
    404: (_("页面不存在"), _("您要找的页面不存在，或不在您的管理范围内。")),
    500: (
        _("系统出错了"),
        _("系统处理时出现错误，已记录下来。请稍后重试；如多次出现，请联系管理员。"),
    ),
    "csrf": (
        _("页面已过期"),
        _("为保护您的账号，页面停留过久或在别处已退出登录后提交会被拒绝。请返回、刷新页面后再提交一次。"),
    ),
}


def _back(request) -> str | None:
    referer = request.META.get("HTTP_REFERER", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return referer
    return None


def render_error(request, key, status: int) -> HttpResponse:
    title, text = PAGES[key]
    if request.path.startswith(API_PREFIX):
        return JsonResponse({"detail": str(title)}, status=status)
    portal = request.path.startswith(PORTAL_PREFIX)
    context = {
        "status": status,
        "error_title": title,
        "error_text": text,
        "back_url": _back(request),
        "layout": "portal/base.html" if portal else "base.html",
        "home_url": PORTAL_PREFIX if portal else "/",
    }
    try:
        body = loader.render_to_string("errors/page.html", context, request)
    except Exception:  # the layout itself failed (e.g. the database is down): a bare page
        logger.exception("error page layout failed")
        body = loader.render_to_string("errors/bare.html", context)
    return HttpResponse(body, status=status)


@requires_csrf_token
def bad_request(request, exception=None):
    return render_error(request, 400, 400)


@requires_csrf_token
def permission_denied(request, exception=None):
    return render_error(request, 403, 403)


@requires_csrf_token
def page_not_found(request, exception=None):
    return render_error(request, 404, 404)


@requires_csrf_token
def server_error(request):
    return render_error(request, 500, 500)


def csrf_failure(request, reason=""):
    return render_error(request, "csrf", 403)
