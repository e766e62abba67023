"""Kept apart from core.api: DRF imports the pagination class while its own viewsets load."""

from rest_framework.pagination import CursorPagination


class KeysetApiPagination(CursorPagination):
    """Cursor (keyset) pagination: stable and as fast on the last page as on the first."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500
    ordering = "-pk"
