"""The counsel area of the rights API (/api/rights/): law firms and counsel, list, retrieve,
create, update (no delete: a firm's cooperation ends with `is_active`, a counsel goes off the
roll). Staff only (the registry roles; a lawyer gets 403 here as on the pages); scoped like the
pages (`visible_to`: out of scope is 404); writes need an editing role over the record and go
through gonghui.rights.counsel.services, whose errors answer 400 naming the field.

A counsel's phone is written in clear and read masked only; the initial password of the login
opened with a counsel is write-only and never echoed.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import permissions, serializers

from gonghui.core.api import EditorPermission, ScopedModelViewSet, describe, service_errors
from gonghui.core.models import Organisation
from gonghui.core.serializers import ScopedModelSerializer, ScopedRelatedField
from gonghui.rights.access import is_staff
from gonghui.rights.choices import CounselKind
from gonghui.rights.counsel import services
from gonghui.rights.counsel.filters import CounselFilterSet, FirmFilterSet
from gonghui.rights.models import Counsel, LawFirm

TAG = "rights-counsel"


class StaffPermission(permissions.BasePermission):
    """The registry roles only: a lawyer or mediator has no business with the roll."""

    message = _("您没有律师名册的权限")

    def has_permission(self, request, view):
        return is_staff(request.user)


class FirmSerializer(ScopedModelSerializer):
    organisation = ScopedRelatedField(
        queryset=Organisation.objects.all(),
        help_text=_("签订合作协议的工会 id（须在您的可编辑范围内）；登记后不能更改"),
    )

    class Meta:
        model = LawFirm
        fields = [
            "id", "organisation", "name", "credit_code", "licence_no", "contact", "address",
            "phone", "contract_starts_on", "contract_ends_on", "is_active",
        ]  # fmt: skip
        validators = []  # the service checks names within the organisation


@describe("合作律所", tag=TAG, ending="合作以 is_active=false 结束")
class FirmViewSet(ScopedModelViewSet):
    model = LawFirm
    select_related = ("organisation",)
    serializer_class = FirmSerializer
    filterset_class = FirmFilterSet
    permission_classes = [permissions.IsAuthenticated, StaffPermission, EditorPermission]
    create_service = staticmethod(services.create_firm)

    def get_queryset(self):
        return super().get_queryset().order_by("name", "pk")

    def perform_update(self, serializer):
        # The service names the firm `firm`, not the model's name (`lawfirm`).
        with service_errors():
            serializer.instance = services.update_firm(
                actor=self.request.user, firm=serializer.instance, **serializer.validated_data
            )


class CounselSerializer(ScopedModelSerializer):
    """律师/调解员：手机号码只写，读出为脱敏形式；登录账号随新建一并开设（username、password
    只写，须由管理员办理），之后只读出用户名。"""

    organisation = ScopedRelatedField(
        queryset=Organisation.objects.all(),
        help_text=_("名册所属工会 id（须在您的可编辑范围内）；登记后不能更改"),
    )
    kind = serializers.ChoiceField(choices=CounselKind.choices, default=CounselKind.LAWYER)
    firm = ScopedRelatedField(
        queryset=LawFirm.objects.all(),
        required=False,
        allow_null=True,
        help_text=_("所在律所 id；工会自有调解员、法律工作者为空"),
    )
    firm_name = serializers.CharField(
        source="firm.name", read_only=True, default=None, allow_null=True
    )
    phone = serializers.CharField(
        max_length=20, write_only=True, required=False, allow_blank=True,
        help_text=_("手机号码（只写；读出见 phone_masked）"),
    )  # fmt: skip
    towns = ScopedRelatedField(
        queryset=Organisation.objects.all(),
        many=True,
        required=False,
        help_text=_("包干的乡镇（街道）总工会 id：所属工会本级及下级的"),
    )
    industries = serializers.CharField(
        max_length=60, required=False, allow_blank=True,
        help_text=_("包干行业：国民经济行业门类字母（GB/T 4754，A～T），如 \"CG\""),
    )  # fmt: skip
    username = serializers.CharField(
        max_length=150, write_only=True, required=False, allow_blank=True,
        help_text=_("开设登录账号的用户名（律师角色；须管理员；已有账号时不能再开）"),
    )  # fmt: skip
    password = serializers.CharField(
        write_only=True, required=False, allow_blank=True, trim_whitespace=False,
        style={"input_type": "password"}, help_text=_("登录账号的初始密码（只写，不会返回）"),
    )  # fmt: skip
    account = serializers.CharField(
        source="user.username", read_only=True, default=None, allow_null=True,
        help_text=_("登录用户名；空为无账号")
    )

    class Meta:
        model = Counsel
        fields = [
            "id", "organisation", "kind", "name", "firm", "firm_name", "licence_no", "phone",
            "phone_masked", "towns", "industries", "is_active", "username", "password",
            "account",
        ]  # fmt: skip
        read_only_fields = ["phone_masked"]


@describe("律师/调解员", tag=TAG, ending="以 is_active=false 设为不在册（已有案件与登录账号不变）")
class CounselViewSet(ScopedModelViewSet):
    model = Counsel
    select_related = ("organisation", "firm", "user")
    serializer_class = CounselSerializer
    filterset_class = CounselFilterSet
    permission_classes = [permissions.IsAuthenticated, StaffPermission, EditorPermission]
    create_service = staticmethod(services.create_counsel)
    update_service = staticmethod(services.update_counsel)

    def get_queryset(self):
        return (
            super().get_queryset().defer("phone").prefetch_related("towns").order_by("name", "pk")
        )


ROUTES = [
    ("law-firms", FirmViewSet, "rights-firm"),
    ("counsel", CounselViewSet, "rights-counsel"),
]
