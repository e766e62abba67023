"""Photos of a station and of an inspection: the only code that stores or removes them. JPEG or
PNG only (core.uploads decides by the file's content); the station's keepers and the union's
editors add them; each store and removal is audited."""

from django.db import transaction
from django.utils.translation import gettext as _

from gonghui.core import uploads
from gonghui.stations import checks
from gonghui.stations.models import Station, StationPhoto

IMAGE_TYPES = {"image/jpeg", "image/png"}


@transaction.atomic
def add_photo(*, actor, station: Station, upload, inspection=None) -> StationPhoto:
    station = Station.objects.select_for_update(of=("self",)).get(pk=station.pk)
    checks.ensure_may_keep(actor, station)
    checked = uploads.check_upload(upload)
    if checked.content_type not in IMAGE_TYPES:
        checks.raise_if({"upload": _("照片须为 JPG 或 PNG 图片")})
    if inspection is not None and inspection.station_id != station.pk:
        checks.raise_if({"inspection": _("该检查不属于本驿站")})
    photo = StationPhoto(
        station=station, inspection=inspection,
        kind=str(_("检查照片") if inspection else _("驿站照片")),
        original_name=upload.name[:200], content_type=checked.content_type, size=checked.size,
        sha256=checked.sha256, uploaded_by=actor if getattr(actor, "pk", None) else None,
    )  # fmt: skip
    uploads.store_document(actor=actor, document=photo, name=upload.name, upload=upload)
    return photo


@transaction.atomic
def remove_photo(*, actor, photo: StationPhoto) -> None:
    checks.ensure_may_keep(actor, photo.station)
    uploads.discard_document(actor=actor, document=photo)
