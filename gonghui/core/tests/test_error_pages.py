"""Error pages in the site's layout, in Chinese, with the way back."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from gonghui.core.views import errors

pytestmark = pytest.mark.django_db


def test_404_in_the_layout_with_the_way_back(client, county, bob):
    client.force_login(bob)
    response = client.get(
        reverse("registry:member_detail", args=[county.member_b.pk]),
        HTTP_REFERER="http://testserver/members/",
    )
    body = response.content.decode()
    assert response.status_code == 404
    back = 'href="http://testserver/members/" class="btn btn-outline-primary" id="error-back"'
    assert "页面不存在" in body and back in body
    assert 'id="error-home"' in body and "组织架构" in body  # the sidebar of the staff layout


def test_a_foreign_referer_is_not_offered_as_the_way_back(client, county, bob):
    client.force_login(bob)
    response = client.get("/no-such-page/", HTTP_REFERER="https://evil.example/")
    assert response.status_code == 404 and "evil.example" not in response.content.decode()


def test_403_and_the_portal_layout(client, county, bob):
    client.force_login(bob)
    response = client.get(reverse("core:user_add"))  # a clerk administers no users
    assert response.status_code == 403 and "没有权限" in response.content.decode()
    response = client.get("/m/no-such-page/")
    assert response.status_code == 404 and "工会职工服务" in response.content.decode()


def test_500_is_chinese_even_without_a_user():
    request = RequestFactory().get("/members/")
    response = errors.server_error(request)
    assert response.status_code == 500 and "系统出错了" in response.content.decode()


def test_a_refused_csrf_check_explains_itself(county, bob):
    client = Client(enforce_csrf_checks=True)
    client.force_login(bob)
    response = client.post(reverse("core:org_add"), {"name": "x"})
    assert response.status_code == 403 and "页面已过期" in response.content.decode()
