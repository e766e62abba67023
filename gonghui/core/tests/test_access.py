"""The staff-page check every module's views use (core/views/access.py)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.test import RequestFactory
from django.views import View

from gonghui.core.roles import Role
from gonghui.core.views.access import RoleRequired, require_role, role_required


class Page(RoleRequired, View):
    def get(self, request):
        return HttpResponse("ok")


class LawyersToo(Page):
    roles = {Role.ADMIN, Role.CLERK, Role.LAWYER}


@role_required()
def page(request):
    return HttpResponse("ok")


def request_as(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_staff_pass_and_others_get_403(alice, dora, lena, stan):
    for user in (alice, dora):
        assert Page.as_view()(request_as(user)).status_code == 200
        assert page(request_as(user)).status_code == 200
    for user in (lena, stan):
        with pytest.raises(PermissionDenied):
            Page.as_view()(request_as(user))
        with pytest.raises(PermissionDenied):
            page(request_as(user))


def test_a_view_may_let_another_role_in(lena, stan):
    assert LawyersToo.as_view()(request_as(lena)).status_code == 200
    with pytest.raises(PermissionDenied):
        require_role(stan, LawyersToo.roles)
