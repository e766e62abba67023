"""Error answers that Django gives before a view runs (no URL matched, an uncaught exception).

Under /api/ the client is a program that reads JSON: an id that is not a number
(`/api/members/0.5/`) matches no route, and Django's own HTML "Not Found" page would be an
answer the API's schema does not document. The API gets DRF's shape (`{"detail": …}`) instead;
every other path keeps the site's error pages.
"""

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views import defaults

API_PREFIX = "/api/"


def is_api(request) -> bool:
    return request.path.startswith(API_PREFIX)


def page_not_found(request, exception=None):
    if is_api(request):
        return JsonResponse({"detail": _("未找到。")}, status=404)
    return defaults.page_not_found(request, exception)


def server_error(request):
    if is_api(request):
        return JsonResponse({"detail": _("服务器出错，请稍后再试。")}, status=500)
    return defaults.server_error(request)
