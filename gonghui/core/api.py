"""API plumbing shared by every module: scoped viewsets whose writes go through the services, the
schema and its docs page.

Scoping is the pages' scoping: reads go through the model's `visible_to` (out of scope is 404,
exactly like a page), writes need an editing role (admin, clerk) over the object (`editable_by`).
"""

import json
from contextlib import contextmanager

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from drf_spectacular.settings import spectacular_settings
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework import mixins, permissions, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.serializers import as_serializer_error
from rest_framework.settings import api_settings

from gonghui.core.roles import EDIT_ROLES
from gonghui.core.scoping import holds_role


class EditorPermission(permissions.BasePermission):
    """Reading needs a sign-in only (the queryset does the scoping). Creating needs an editing role
    somewhere; changing an object needs one over that object. A viewer's write is 403."""

    message = _("您没有修改权限")

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        return holds_role(request.user, EDIT_ROLES)

    def has_object_permission(self, request, view, obj):
        if request.method in permissions.SAFE_METHODS:
            return True
        return view.model.objects.editable_by(request.user).filter(pk=obj.pk).exists()


@contextmanager
def service_errors(rename: dict[str, str] | None = None):
    """A service's ValidationError({field: message}) becomes a 400 with the same messages."""
    try:
        yield
    except DjangoValidationError as exc:
        rename = {NON_FIELD_ERRORS: api_settings.NON_FIELD_ERRORS_KEY, **(rename or {})}
        detail = as_serializer_error(exc)
        raise ValidationError({rename.get(k, k): v for k, v in detail.items()}) from exc


class ScopedReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    """Lists and details go through the model's `visible_to`: out of scope is 404."""

    model = None
    select_related: tuple[str, ...] = ()

    def get_queryset(self):
        qs = self.model.objects.visible_to(self.request.user)
        return qs.select_related(*self.select_related) if self.select_related else qs


class ScopedModelViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, ScopedReadOnlyViewSet):
    """List, detail, create, update; no delete (records end by their status).

    The serializer validates the input (related ids only among what the caller may edit); the
    write itself is the module's service: `create_service(actor=, **data)` and
    `update_service(actor=, <model_name>=obj, **data)`. Their ValidationErrors answer 400.
    """

    permission_classes = [permissions.IsAuthenticated, EditorPermission]
    create_service = None
    update_service = None

    def perform_create(self, serializer):
        with service_errors():
            serializer.instance = type(self).create_service(
                actor=self.request.user, **serializer.validated_data
            )

    def perform_update(self, serializer):
        target = {self.model._meta.model_name: serializer.instance}
        with service_errors():
            serializer.instance = type(self).update_service(
                actor=self.request.user, **target, **serializer.validated_data
            )


ERROR_RESPONSES = {
    400: OpenApiResponse(description="输入有误：{字段: [消息]}，消息与页面相同"),
    403: OpenApiResponse(description="无修改权限（只读角色，或对象不在可编辑范围）"),
}
NOT_FOUND = {404: OpenApiResponse(description="不存在或不在您的管理范围内")}
WITHIN = OpenApiParameter(
    "within",
    OpenApiTypes.INT,
    description="组织 id：只列该组织及其全部下级的记录；组织须在您的范围内，否则 400",
)


def describe(noun: str, *, tag: str, ending: str, list_parameters=()):
    """Tags, summaries and descriptions of a resource's standard operations (class decorator)."""

    no_delete = f"没有删除操作：{ending}。"

    def decorate(viewset):
        serializer = viewset.serializer_class
        return extend_schema_view(
            list=extend_schema(
                tags=[tag],
                summary=f"{noun}列表",
                description=f"您管理范围内的{noun}，筛选条件与页面相同；键集（cursor）分页。",
                parameters=[WITHIN, *list_parameters],
            ),
            retrieve=extend_schema(
                tags=[tag],
                summary=f"{noun}详情",
                description="不在您管理范围内的记录与不存在的记录一样答 404。",
                responses={200: serializer, **NOT_FOUND},
            ),
            create=extend_schema(
                tags=[tag],
                summary=f"新建{noun}",
                description=(
                    f"需要管理员或经办人角色；关联记录的 id 须在您的可编辑范围内。{no_delete}"
                ),
                responses={201: serializer, **ERROR_RESPONSES},
            ),
            update=extend_schema(
                tags=[tag],
                summary=f"修改{noun}",
                description=f"需要对该记录的编辑权限；每次修改记入审计日志。{no_delete}",
                responses={200: serializer, **ERROR_RESPONSES, **NOT_FOUND},
            ),
            partial_update=extend_schema(
                tags=[tag],
                summary=f"修改{noun}（部分字段）",
                description=f"只改提交的字段；每次修改记入审计日志。{no_delete}",
                responses={200: serializer, **ERROR_RESPONSES, **NOT_FOUND},
            ),
        )(viewset)

    return decorate


class DocsView(SpectacularSwaggerSplitView):
    """Swagger UI. Its assets come from drf-spectacular-sidecar under /static/ (no CDN: county
    networks are often closed); the URLconf wraps it in login_required, so a browser without a
    session is sent to the sign-in page. The split view serves its start-up script as a file of
    its own (`?script`) and the template drops the inline style: the Content-Security-Policy
    allows neither inline (gonghui.core.middleware)."""

    template_name = "core/swagger_ui.html"

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        ui_settings = spectacular_settings.SWAGGER_UI_SETTINGS
        if "settings" in response.data and isinstance(ui_settings, dict):
            # No call to the online validator at swagger.io.
            response.data["settings"] = json.dumps({**ui_settings, "validatorUrl": None})
        return response
