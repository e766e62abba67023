from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from gonghui.core.models import Organisation
from gonghui.core.serializers import ScopedModelSerializer, ScopedRelatedField
from gonghui.registry.choices import MemberStatus, UnionStatus
from gonghui.registry.models import Employer, Member


class EmployerSerializer(ScopedModelSerializer):
    territory = ScopedRelatedField(
        queryset=Organisation.objects.all(),
        help_text=_("属地工会（乡镇(街道)总工会或园区工会）的 id，须在您的可编辑范围内"),
    )
    union = ScopedRelatedField(
        queryset=Organisation.objects.all(),
        required=False,
        allow_null=True,
        help_text=_("所在工会（基层工会或联合基层工会）的 id；空 = 未建会"),
    )
    union_status = serializers.ChoiceField(
        choices=UnionStatus.choices,
        read_only=True,
        help_text=_("建会状态，由单位和所在工会推算，不可写"),
    )

    class Meta:
        model = Employer
        fields = [
            "id",
            "credit_code",
            "name",
            "territory",
            "union",
            "union_status",
            "industry",
            "ownership",
            "headcount",
            "founded_on",
            "has_party_branch",
            "operating_status",
            "is_well_known",
        ]
        # The service checks the code (GB 32100) and its uniqueness, naming the other employer
        # only to someone who may see it.
        extra_kwargs = {"credit_code": {"validators": []}}
        validators = []


class MemberSerializer(ScopedModelSerializer):
    """身份号码和手机号码明文写入（`id_number`、`phone`，只写），只以脱敏形式返回
    （`id_number_masked`、`phone_masked`）；查看明文是页面上的操作，记入审计日志。
    Personal data goes in clear and comes out masked only. 未知的字段名答 400。"""

    id_number = serializers.CharField(
        write_only=True,
        max_length=32,
        help_text=_(
            "公民身份号码（GB 11643，校验位检查），只写：明文写入，从不返回，"
            "读取见 id_number_masked。修改时不提交则不变。"
        ),
    )
    phone = serializers.CharField(
        write_only=True,
        required=False,
        allow_blank=True,
        max_length=32,
        help_text=_("手机号码（大陆 11 位），只写：读取见 phone_masked。空字符串 = 清除"),
    )
    id_number_masked = serializers.CharField(
        source="id_masked", read_only=True, help_text=_("脱敏的身份号码，如 420100********123X")
    )
    phone_masked = serializers.CharField(
        read_only=True, help_text=_("脱敏的手机号码，如 139****0000")
    )
    union = ScopedRelatedField(
        queryset=Organisation.objects.all(),
        help_text=_(
            "所在工会的 id，须在您的可编辑范围内：基层工会、联合基层工会、产业(行业)工会，"
            "或兜底入会的乡镇(街道)总工会、园区工会"
        ),
    )
    employer = ScopedRelatedField(
        queryset=Employer.objects.all(),
        required=False,
        allow_null=True,
        help_text=_("工作单位的 id；新就业形态劳动者可为空"),
    )
    status = serializers.ChoiceField(
        choices=MemberStatus.choices,
        required=False,
        help_text=_(
            "会籍状态。新建的会员为 active；退会：status=left 并填 left_on。"
            "transferred_out 只由转会办理设置。"
        ),
    )

    class Meta:
        model = Member
        fields = [
            "id",
            "name",
            "id_number",
            "id_number_masked",
            "phone",
            "phone_masked",
            "gender",
            "birth_year",
            "union",
            "employer",
            "employment_form",
            "is_migrant_worker",
            "joined_on",
            "status",
            "left_on",
            "source",
        ]
        read_only_fields = ["source"]
        validators = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance is not None:
            # An edit keeps the stored number unless a new one is given.
            self.fields["id_number"].required = False

    def validate_status(self, value):
        current = getattr(self.instance, "status", None)
        if self.instance is None and value != MemberStatus.ACTIVE:
            raise serializers.ValidationError(_("新登记的会员为在会（active）"))
        if value == MemberStatus.TRANSFERRED_OUT and current != value:
            raise serializers.ValidationError(_("转出请办理转会"))
        return value

    def validate(self, attrs):
        def final(name):
            return attrs[name] if name in attrs else getattr(self.instance, name, None)

        status = final("status") or MemberStatus.ACTIVE
        left_on, joined_on = final("left_on"), final("joined_on")
        errors = {}
        if status == MemberStatus.LEFT and not left_on:
            errors["left_on"] = _("退会须填写离会日期")
        elif status == MemberStatus.ACTIVE and left_on:
            errors["left_on"] = _("在会会员不能有离会日期")
        elif left_on and left_on > timezone.localdate():
            errors["left_on"] = _("离会日期不能晚于今天")
        elif left_on and joined_on and left_on < joined_on:
            errors["left_on"] = _("离会日期不能早于入会日期")
        if errors:
            raise serializers.ValidationError(errors)
        return attrs
