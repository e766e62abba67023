"""Reads of a social worker's growth file (成长档案): the timeline of everything in it, newest
first, each entry dated, named and linked, for the file page and its printed form."""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

from gonghui.cadres.choices import RecordStatus
from gonghui.cadres.models import SocialWorker
from gonghui.cadres.records.prefill import labelled


@dataclass
class Entry:
    day: datetime.date
    kind: str
    title: str
    detail: str = ""
    url: str = ""
    badge: str = ""


def workers_for(user):
    return SocialWorker.objects.visible_to(user).select_related("organisation", "user")


def timeline(worker: SocialWorker) -> list[Entry]:
    entries: list[Entry] = []
    for record in worker.monthly_records.all():
        figures = "，".join(
            f"{label} {value}" for _k, label, value in labelled(record.figures) if value
        )
        entries.append(Entry(
            record.month, _("月度工作纪实"), f"{record.month:%Y年%m月}",
            record.work_done[:120] + (f"（{figures}）" if figures else ""),
            record.get_absolute_url(),
            str(record.get_status_display()) if record.status == RecordStatus.SUBMITTED else
            _("填写中"),
        ))  # fmt: skip
    for item in worker.attendance.all():
        entries.append(Entry(
            item.month, _("考勤"), f"{item.month:%Y年%m月}",
            _("签到 %(s)d 天，请假 %(l)d 天") % {"s": item.days_signed_in, "l": item.days_leave}
            + (f"；{item.note}" if item.note else ""),
        ))  # fmt: skip
    for item in worker.training.all():
        entries.append(Entry(
            item.date, str(item.get_kind_display()), item.title,
            _("%(h)s 学时") % {"h": item.hours} + (f"；{item.result}" if item.result else ""),
        ))  # fmt: skip
    for review in worker.quarterly_reviews.all():
        parts = []
        for label, score in ((_("自评"), review.self_score), (_("服务工会"), review.union_score),
                             (_("县总"), review.county_score)):  # fmt: skip
            if score is not None:
                parts.append(f"{label} {score}")
        end_month = review.quarter * 3
        entries.append(Entry(
            datetime.date(review.year, end_month, 1), _("季度评议"),
            _("%(y)d年第%(q)d季度") % {"y": review.year, "q": review.quarter},
            "，".join(parts), review.get_absolute_url(),
        ))  # fmt: skip
    for assessment in worker.assessments.all():
        entries.append(Entry(
            datetime.date(assessment.year, 12, 31), _("年度考核"),
            _("%(y)d年度") % {"y": assessment.year},
            (_("综合得分 %(t)s") % {"t": assessment.total}) if assessment.total is not None else "",
            assessment.get_absolute_url(),
            str(assessment.get_grade_display()) if assessment.grade else
            str(assessment.get_status_display()),
        ))  # fmt: skip
    for enrolment in worker.enrolments.select_related("course").filter(status="completed"):
        course = enrolment.course
        entries.append(
            Entry(
                course.ends_on,
                _("干部培训"),
                course.title,
                _("结业，出勤 %(h)s 学时") % {"h": enrolment.hours_attended},
            )
        )
    for certificate in worker.certificates.all():
        if certificate.issued_on:
            entries.append(Entry(
                certificate.issued_on, _("资格证书"), certificate.name, certificate.number
            ))  # fmt: skip
    entries.sort(key=lambda e: e.day, reverse=True)
    return entries
