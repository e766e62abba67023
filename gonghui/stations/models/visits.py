"""Visits (到站服务) as 人次 and 人数: a worker's scan of the station's QR poster (one row per
person per station per day, enforced by a partial unique index), the keeper's count of walk-ins,
and a door counter's daily total (one row per station and day, replaced on re-import)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gonghui.stations.choices import Occupation, VisitSource
from gonghui.stations.models.common import StationChildQuerySet


class Visit(models.Model):
    station = models.ForeignKey("stations.Station", on_delete=models.PROTECT, related_name="visits")
    date = models.DateField(_("日期"))
    source = models.CharField(_("来源"), max_length=8, choices=VisitSource.choices)
    occupation = models.CharField(
        _("职业"), max_length=12, choices=Occupation.choices, default=Occupation.OTHER
    )
    # 人次 (entries) and 人数 (distinct people) of this row: a scan is 1 and 1; a walk-in count
    # says both; a door counter knows entries only (people 0: it cannot tell who came back).
    count = models.PositiveIntegerField(_("人次"), default=1)
    people = models.PositiveIntegerField(_("人数"), default=1)
    person_hash = models.CharField(max_length=64, blank=True, editable=False)  # a scan's phone
    note = models.CharField(_("备注"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)

    objects = StationChildQuerySet.as_manager()

    audit_fields = ("station", "date", "source", "occupation", "count", "people", "note")

    class Meta:
        verbose_name = _("到站记录")
        verbose_name_plural = _("到站记录")
        ordering = ["-date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["station", "date", "person_hash"],
                condition=Q(source="scan"),
                name="visit_scan_once_a_day",
            ),
            models.UniqueConstraint(
                fields=["station", "date"],
                condition=Q(source="counter"),
                name="visit_counter_once_a_day",
            ),
        ]
        indexes = [models.Index(fields=["station", "date"], name="visit_station_date")]

    def __str__(self) -> str:
        return f"{self.station} {self.date} {self.get_source_display()} {self.count}人次"

    @property
    def audit_org_path(self) -> str:
        return self.station.union.path
