"""Photos of a station (驿站照片) and of what an inspection saw, in private storage
(gonghui.core.uploads): JPEG or PNG by content, served only through a scoped view."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from gonghui.core.fields import link
from gonghui.core.models.documents import StoredDocument
from gonghui.core.uploads import private_storage, random_name
from gonghui.stations.models.common import StationChildQuerySet


def photo_path(instance, filename: str) -> str:
    return random_name("stations")


class StationPhoto(StoredDocument):
    station = models.ForeignKey("stations.Station", on_delete=models.CASCADE, related_name="photos")
    inspection = link(
        "stations.Inspection", _("所属检查"), optional=True, on_delete=models.CASCADE,
        related_name="photos",
    )  # fmt: skip
    upload = models.FileField(storage=private_storage, upload_to=photo_path, max_length=200)

    objects = StationChildQuerySet.as_manager()

    class Meta:
        verbose_name = _("驿站照片")
        verbose_name_plural = _("驿站照片")
        ordering = ["uploaded_at", "pk"]

    @property
    def audit_org_path(self) -> str:
        return self.station.union.path
