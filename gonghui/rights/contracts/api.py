"""The contracts area of the rights API (/api/rights/): collective contracts, bargaining rounds
and democratic management. Scoped like the pages (`visible_to`: out of scope is 404); writes go
through gonghui.rights.contracts (services, bargaining, democracy), whose errors answer 400
(input) or 403 (who may act)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import permissions, serializers

from gonghui.core.api import EditorPermission, ScopedModelViewSet, describe
from gonghui.core.models import Organisation
from gonghui.core.serializers import ScopedModelSerializer, ScopedRelatedField
from gonghui.registry.models import Employer
from gonghui.rights.contracts import bargaining, democracy
from gonghui.rights.contracts import queries as contract_queries
from gonghui.rights.contracts import services as contracts
from gonghui.rights.models import BargainingRound, CollectiveContract, Democracy

TAG_CONTRACTS = "rights-contracts"
TAG_ROUNDS = "rights-bargaining"
TAG_DEMOCRACY = "rights-democracy"
EXPIRING = OpenApiParameter(
    "expiring",
    OpenApiTypes.BOOL,
    description="true：只列 90 天内到期的合同",
)


class ContractSerializer(ScopedModelSerializer):
    organisation = ScopedRelatedField(
        queryset=Organisation.objects.all(), help_text=_("签订合同的工会 id；登记后不能更改")
    )
    employers = ScopedRelatedField(
        queryset=Employer.objects.all(),
        many=True,
        required=False,
        help_text=_("覆盖企业的 id（须在您的范围内）；企业集体合同只能一家"),
    )

    class Meta:
        model = CollectiveContract
        fields = ["id", "organisation", *contracts.EDITABLE, "employers"]


@describe("集体合同", tag=TAG_CONTRACTS, ending="合同以到期结束", list_parameters=[EXPIRING])
class ContractViewSet(ScopedModelViewSet):
    model = CollectiveContract
    select_related = ("organisation",)
    serializer_class = ContractSerializer
    create_service = staticmethod(contracts.create_contract)
    update_service = staticmethod(contracts.update_contract)

    def get_queryset(self):
        qs = super().get_queryset().prefetch_related("employers").order_by("expires_on", "pk")
        if self.request.query_params.get("expiring") in ("1", "true"):
            qs = qs.expiring(timezone.localdate(), contract_queries.EXPIRING_DAYS)
        return qs


class RoundSerializer(ScopedModelSerializer):
    organisation = ScopedRelatedField(
        queryset=Organisation.objects.all(), help_text=_("组织要约的工会 id")
    )

    class Meta:
        model = BargainingRound
        fields = ["id", "organisation", "name", "year", "kind", "started_on", "closed_on", "notes"]


@describe("集中要约行动", tag=TAG_ROUNDS, ending="行动以填写结束日期结束")
class RoundViewSet(ScopedModelViewSet):
    model = BargainingRound
    select_related = ("organisation",)
    serializer_class = RoundSerializer
    create_service = staticmethod(bargaining.create_round)
    update_service = staticmethod(bargaining.update_round)

    def get_queryset(self):
        return super().get_queryset().order_by("-year", "-started_on", "-pk")


class DemocracySerializer(serializers.ModelSerializer):
    employer_name = serializers.CharField(source="employer.name", read_only=True)

    class Meta:
        model = Democracy
        fields = [
            "id",
            "employer",
            "employer_name",
            "congress_established",
            "congress_established_on",
            "last_congress_on",
            "open_affairs_established",
            "open_affairs_established_on",
            "star_rating",
        ]
        read_only_fields = ["employer"]


@extend_schema_view(
    list=extend_schema(tags=[TAG_DEMOCRACY], summary="职代会与厂务公开列表"),
    retrieve=extend_schema(tags=[TAG_DEMOCRACY], summary="职代会与厂务公开详情"),
    update=extend_schema(tags=[TAG_DEMOCRACY], summary="修改职代会与厂务公开情况"),
    partial_update=extend_schema(tags=[TAG_DEMOCRACY], summary="修改职代会与厂务公开（部分）"),
)
class DemocracyViewSet(ScopedModelViewSet):
    """An employer's record is created on its first save from the page; the API reads and
    changes existing records."""

    model = Democracy
    select_related = ("employer",)
    serializer_class = DemocracySerializer
    permission_classes = [permissions.IsAuthenticated, EditorPermission]
    http_method_names = ["get", "put", "patch", "head", "options"]
    update_service = staticmethod(democracy.save_democracy)

    def get_queryset(self):
        return super().get_queryset().order_by("pk")


ROUTES = [
    ("contracts", ContractViewSet, "rights-contract"),
    ("bargaining-rounds", RoundViewSet, "rights-round"),
    ("democracy", DemocracyViewSet, "rights-democracy"),
]
