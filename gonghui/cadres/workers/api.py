"""The social workers of the cadres API (/api/cadres/): list, retrieve, create, update (no
delete: a worker leaves with is_active=false). Scoped like the pages (a social worker reads
only their own entry; out of scope is 404); writes need an editing role over the union served
and go through gonghui.cadres.workers.services."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from gonghui.cadres.models import SocialWorker
from gonghui.cadres.workers import services
from gonghui.cadres.workers.filters import WorkerFilterSet
from gonghui.core.api import ScopedModelViewSet, describe
from gonghui.core.models import Organisation
from gonghui.core.serializers import ScopedModelSerializer, ScopedRelatedField

TAG = "cadres"


class SocialWorkerSerializer(ScopedModelSerializer):
    organisation = ScopedRelatedField(
        queryset=Organisation.objects.all(),
        help_text=_("服务工会 id（须在您的可编辑范围内）；登记后不能更改"),
    )
    username = serializers.CharField(
        max_length=150, write_only=True, required=False, allow_blank=True,
        help_text=_("开设登录账号的用户名（工会社工角色；须管理员）"),
    )  # fmt: skip
    password = serializers.CharField(
        write_only=True, required=False, allow_blank=True, trim_whitespace=False,
        style={"input_type": "password"}, help_text=_("登录账号的初始密码（只写）"),
    )  # fmt: skip
    account = serializers.CharField(source="user.username", read_only=True, default=None)

    class Meta:
        model = SocialWorker
        fields = [
            "id", "organisation", "name", "post", "grade", "employer_of_record",
            "contract_starts_on", "contract_ends_on", "is_active", "username", "password",
            "account",
        ]  # fmt: skip


@describe("工会社工", tag=TAG, ending="以 is_active=false 设为不在岗")
class WorkerViewSet(ScopedModelViewSet):
    model = SocialWorker
    select_related = ("organisation", "user")
    serializer_class = SocialWorkerSerializer
    filterset_class = WorkerFilterSet
    create_service = staticmethod(services.create_worker)
    update_service = staticmethod(services.update_worker)

    def get_queryset(self):
        return super().get_queryset().order_by("name", "pk")


ROUTES = [("social-workers", WorkerViewSet, "cadres-worker")]
