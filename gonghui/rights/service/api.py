"""The service area of the rights API (/api/rights/): (prefix, viewset, basename) per route.

Service points, duty slots, receptions and outreach: list, detail and create, as the pages allow.
Reads go through `visible_to` (out of scope is 404; a lawyer sees only their own duty slots and
the receptions they logged, no points and no outreach); every write is a service of
gonghui.rights.service (points, rota, receptions, outreach), whose errors answer 400 naming the
field, or 403 (who may act). POSTs honour an `Idempotency-Key` header.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import mixins, permissions, serializers

from gonghui.core.api import ERROR_RESPONSES, NOT_FOUND, ScopedReadOnlyViewSet, service_errors
from gonghui.core.idempotency import IDEMPOTENCY_PARAMETER, IdempotentCreateMixin
from gonghui.core.models import Organisation
from gonghui.core.roles import EDIT_ROLES
from gonghui.core.serializers import OUT_OF_REACH, ScopedModelSerializer
from gonghui.registry.models import Employer
from gonghui.rights.access import is_counsel, is_staff
from gonghui.rights.cases.api import AMOUNT
from gonghui.rights.choices import ReceptionOutcome
from gonghui.rights.models import DutySlot, Outreach, Reception, ServicePoint
from gonghui.rights.service import outreach, points, queries, receptions, rota
from gonghui.rights.service.filters import (
    DutySlotFilterSet,
    OutreachFilterSet,
    PointFilterSet,
    ReceptionFilterSet,
)

TAG = "rights-service"


class StaffPermission(permissions.BasePermission):
    message = _("您没有维权服务点的权限")

    def has_permission(self, request, view):
        return is_staff(request.user)


class StaffOrCounselPermission(permissions.BasePermission):
    message = _("您没有维权服务点的权限")

    def has_permission(self, request, view):
        return is_staff(request.user) or is_counsel(request.user)


@extend_schema_field(OpenApiTypes.INT)
class ChoiceIdField(serializers.PrimaryKeyRelatedField):
    """An id among what the caller may pick (`choices(user)`); the same message for an id that
    does not exist and one out of reach."""

    default_error_messages = {
        "does_not_exist": OUT_OF_REACH,
        "incorrect_type": _("应为记录的 id（整数）"),
    }

    def __init__(self, *, choices, **kwargs):
        self.choices_for = choices
        super().__init__(**kwargs)

    def get_queryset(self):
        request = self.context.get("request")
        return self.choices_for(getattr(request, "user", None))

    def to_internal_value(self, data):
        is_int = isinstance(data, int) and not isinstance(data, bool)
        if not (is_int or (isinstance(data, str) and data.isascii() and data.isdigit())):
            self.fail("incorrect_type", data_type=type(data).__name__)
        return super().to_internal_value(data)


def editable_points(user):
    return ServicePoint.objects.visible_to(user, roles=EDIT_ROLES).filter(is_active=True)


def _describe(noun: str, create: str, serializer):
    return extend_schema_view(
        list=extend_schema(tags=[TAG], summary=f"{noun}列表"),
        retrieve=extend_schema(
            tags=[TAG], summary=f"{noun}详情", responses={200: serializer, **NOT_FOUND}
        ),
        create=extend_schema(
            tags=[TAG],
            summary=f"新建{noun}",
            description=create,
            parameters=[IDEMPOTENCY_PARAMETER],
            responses={201: serializer, **ERROR_RESPONSES},
        ),  # fmt: skip
    )


class _CreateViewSet(IdempotentCreateMixin, mixins.CreateModelMixin, ScopedReadOnlyViewSet):
    service = None

    def get_queryset(self):
        return super().get_queryset().order_by("pk")

    def perform_create(self, serializer):
        with service_errors(getattr(self, "rename", None)):
            serializer.instance = type(self).service(
                actor=self.request.user, **serializer.validated_data
            )


# ---------------------------------------------------------------------------------------------
# Service points
# ---------------------------------------------------------------------------------------------


class ServicePointSerializer(ScopedModelSerializer):
    """维权服务点：法律援助中心及法院、人社局、园区、乡镇工作站。"""

    organisation = ChoiceIdField(
        choices=lambda user: Organisation.objects.visible_to(user, roles=EDIT_ROLES),
        help_text=_("所属工会的 id，须在您的可编辑范围内"),
    )
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)

    class Meta:
        model = ServicePoint
        fields = [
            "id", "organisation", "organisation_name", "name", "kind", "address", "phone",
            "hours", "is_active",
        ]  # fmt: skip
        read_only_fields = ["id", "organisation_name"]


@_describe("维权服务点", "需要所属工会（或上级）的管理员或经办人角色。没有删除操作：停用即可。",
           ServicePointSerializer)  # fmt: skip
class ServicePointViewSet(_CreateViewSet):
    model = ServicePoint
    select_related = ("organisation",)
    serializer_class = ServicePointSerializer
    filterset_class = PointFilterSet
    permission_classes = [permissions.IsAuthenticated, StaffPermission]
    service = staticmethod(points.create_point)


# ---------------------------------------------------------------------------------------------
# Duty slots
# ---------------------------------------------------------------------------------------------


class DutySlotSerializer(ScopedModelSerializer):
    """值班安排：某律师某日（上午、下午或全天）在某服务点坐班。"""

    point = ChoiceIdField(
        choices=editable_points, help_text=_("服务点的 id，须为您可编辑的启用中的服务点")
    )
    counsel = ChoiceIdField(
        choices=lambda user: queries.line_counsel(editable_points(user)),
        help_text=_("值班律师的 id：在册，且属服务点所属工会的上下级"),
    )
    point_name = serializers.CharField(source="point.name", read_only=True)
    counsel_name = serializers.CharField(source="counsel.name", read_only=True)

    class Meta:
        model = DutySlot
        fields = ["id", "point", "point_name", "date", "session", "counsel", "counsel_name"]
        read_only_fields = ["id", "point_name", "counsel_name"]


@_describe("值班安排", "需要服务点所属工会（或上级）的管理员或经办人角色。律师只见本人的值班。",
           DutySlotSerializer)  # fmt: skip
class DutySlotViewSet(_CreateViewSet):
    model = DutySlot
    select_related = ("point", "counsel")
    serializer_class = DutySlotSerializer
    filterset_class = DutySlotFilterSet
    permission_classes = [permissions.IsAuthenticated, StaffOrCounselPermission]
    service = staticmethod(rota.add_slot)


# ---------------------------------------------------------------------------------------------
# Receptions
# ---------------------------------------------------------------------------------------------


class ReceptionSerializer(ScopedModelSerializer):
    """接访咨询登记：日期、人次、事项与处理结果；转立维权案件时同时登记案件（case 为其 id）。"""

    point = ChoiceIdField(
        choices=queries.recording_points,
        help_text=_("服务点的 id：您可编辑的，或您当天值班的"),
    )
    counsel = ChoiceIdField(
        choices=lambda user: queries.line_counsel(queries.recording_points(user)),
        required=False, allow_null=True, help_text=_("接待律师的 id（值班律师本人登记时不填）"),
    )  # fmt: skip
    complainant_name = serializers.CharField(
        max_length=50, write_only=True, required=False, help_text=_("转立案件时：申请人姓名")
    )
    phone = serializers.CharField(
        max_length=20, write_only=True, required=False, help_text=_("转立案件时：手机号码（只写）")
    )
    employer = ChoiceIdField(
        choices=lambda user: Employer.objects.visible_to(user), write_only=True, required=False,
        allow_null=True, help_text=_("转立案件时：在册被申请单位的 id"),
    )  # fmt: skip
    employer_name = serializers.CharField(
        max_length=200, write_only=True, required=False, allow_blank=True,
        help_text=_("转立案件时：被申请单位名称"),
    )  # fmt: skip
    facts = serializers.CharField(
        max_length=5000, write_only=True, required=False, allow_blank=True,
        help_text=_("转立案件时：事实与请求（不填则用摘要）"),
    )  # fmt: skip
    amount_claimed = serializers.DecimalField(write_only=True, required=False, **AMOUNT)
    case_number = serializers.CharField(
        source="case.number", read_only=True, default=None, allow_null=True
    )

    class Meta:
        model = Reception
        fields = [
            "id", "point", "date", "kind", "topic", "count", "note", "outcome", "referred_to",
            "counsel", "case", "case_number", "complainant_name", "phone", "employer",
            "employer_name", "facts", "amount_claimed",
        ]  # fmt: skip
        read_only_fields = ["id", "case", "case_number"]
        extra_kwargs = {"count": {"min_value": 1}}

    def validate(self, attrs):
        fields = {name: attrs.pop(name) for name in receptions.CASE_FIELDS if name in attrs}
        if attrs.get("outcome") == ReceptionOutcome.CASE:
            attrs["case"] = fields
        return attrs


@_describe(
    "接访咨询登记",
    "服务点所属工会（或上级）的管理员、经办人，或当天在该点值班的律师。处理结果为 case 时，"
    "同时登记维权案件（来源“服务点来访”），出错则都不写入；为 referred 时须填 referred_to。",
    ReceptionSerializer,
)
class ReceptionViewSet(_CreateViewSet):
    model = Reception
    select_related = ("point", "counsel", "case")
    serializer_class = ReceptionSerializer
    filterset_class = ReceptionFilterSet
    permission_classes = [permissions.IsAuthenticated, StaffOrCounselPermission]
    service = staticmethod(receptions.record_reception)
    rename = {"workers_involved": "count", "service_point": "point"}


# ---------------------------------------------------------------------------------------------
# Outreach
# ---------------------------------------------------------------------------------------------


class OutreachSerializer(ScopedModelSerializer):
    """普法宣传活动：讲座、送法进企业、法律进校园、发放手册。"""

    organisation = ChoiceIdField(
        choices=lambda user: Organisation.objects.visible_to(user, roles=EDIT_ROLES),
        help_text=_("所属工会的 id，须在您的可编辑范围内"),
    )

    class Meta:
        model = Outreach
        fields = [
            "id", "organisation", "kind", "title", "date", "place", "attendees",
            "employers_reached", "handbooks",
        ]  # fmt: skip
        read_only_fields = ["id"]


@_describe("普法宣传活动", "需要所属工会（或上级）的管理员或经办人角色；日期不能晚于今天。",
           OutreachSerializer)  # fmt: skip
class OutreachViewSet(_CreateViewSet):
    model = Outreach
    select_related = ("organisation",)
    serializer_class = OutreachSerializer
    filterset_class = OutreachFilterSet
    permission_classes = [permissions.IsAuthenticated, StaffPermission]
    service = staticmethod(outreach.create_outreach)


ROUTES = [
    ("service-points", ServicePointViewSet, "rights-service-point"),
    ("duty-slots", DutySlotViewSet, "rights-duty-slot"),
    ("receptions", ReceptionViewSet, "rights-reception"),
    ("outreach", OutreachViewSet, "rights-outreach"),
]
