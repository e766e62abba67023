"""API plumbing shared by every module: scoped viewsets and keyset pagination."""

from rest_framework import viewsets


class ScopedReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    """Lists and details go through the model's `visible_to`: out of scope is 404."""

    model = None
    select_related: tuple[str, ...] = ()

    def get_queryset(self):
        qs = self.model.objects.visible_to(self.request.user)
        return qs.select_related(*self.select_related) if self.select_related else qs
