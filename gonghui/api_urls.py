from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from gonghui.core.api import ScopedReadOnlyViewSet
from gonghui.core.filters import OrganisationFilterSet
from gonghui.core.models import Organisation
from gonghui.core.serializers import OrganisationSerializer
from gonghui.registry.filters import EmployerFilterSet, MemberFilterSet
from gonghui.registry.models import Employer, Member
from gonghui.registry.serializers import EmployerSerializer, MemberSerializer


class OrganisationViewSet(ScopedReadOnlyViewSet):
    model = Organisation
    serializer_class = OrganisationSerializer
    filterset_class = OrganisationFilterSet


class EmployerViewSet(ScopedReadOnlyViewSet):
    model = Employer
    select_related = ("union",)
    serializer_class = EmployerSerializer
    filterset_class = EmployerFilterSet


class MemberViewSet(ScopedReadOnlyViewSet):
    model = Member
    serializer_class = MemberSerializer
    filterset_class = MemberFilterSet

    def get_queryset(self):
        return super().get_queryset().defer("id_number", "phone")


router = DefaultRouter()
router.register("organisations", OrganisationViewSet, basename="organisation")
router.register("employers", EmployerViewSet, basename="employer")
router.register("members", MemberViewSet, basename="member")

urlpatterns = [
    path("", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
]
