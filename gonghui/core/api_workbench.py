"""`GET /api/workbench/`: what waits for the caller (the home page's workbench), as data."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from gonghui.core import workbench
from gonghui.core.scoping import holds_role


class WorkItemSerializer(serializers.Serializer):
    module = serializers.CharField(help_text=_("模块"))
    key = serializers.CharField(help_text=_("事项代码，如 registry.join"))
    label = serializers.CharField(help_text=_("事项"))
    count = serializers.IntegerField(help_text=_("待办件数"))
    overdue_count = serializers.IntegerField(help_text=_("其中超期件数"))
    oldest = serializers.DateField(
        source="oldest_day", allow_null=True, help_text=_("最早一件的日期")
    )
    url = serializers.CharField(help_text=_("办理页面（已按事项筛选）"))


class WorkbenchView(APIView):
    @extend_schema(
        operation_id="workbench",
        summary="待办事项",
        description=(
            "What waits for the caller in the unions under them, one row per kind of item "
            "(those with nothing waiting included), counted as the home page counts them."
        ),
        responses={
            200: WorkItemSerializer(many=True),
            401: OpenApiResponse(description="Not authenticated."),
        },
    )
    def get(self, request):
        items = workbench.items_for(request.user).items if holds_role(request.user) else []
        return Response(WorkItemSerializer(items, many=True).data)
