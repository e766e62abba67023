"""Kept apart from core.api: DRF imports the pagination class while its own viewsets load."""

from rest_framework.exceptions import NotFound
from rest_framework.pagination import CursorPagination


class KeysetApiPagination(CursorPagination):
    """Cursor (keyset) pagination: stable and as fast on the last page as on the first."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500
    ordering = "-pk"

    def decode_cursor(self, request):
        # DRF checks a cursor's encoding, not its position: a forged position that is no
        # primary key would reach the database (a 500); it is an invalid cursor like any other.
        cursor = super().decode_cursor(request)
        ordering = self.ordering if isinstance(self.ordering, str) else self.ordering[0]
        if cursor and cursor.position is not None and ordering.lstrip("-") in ("pk", "id"):
            try:
                int(cursor.position)
            except ValueError:
                raise NotFound(self.invalid_cursor_message) from None
        return cursor
