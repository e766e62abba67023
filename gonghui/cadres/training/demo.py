"""Demo cadre training, through the services: the county's post training and a town's topic
course of this year, with cadres enrolled by grassroots unions of both towns (the social
workers among them), attendance and completion recorded by the organisers."""

import datetime

from gonghui.cadres.models import SocialWorker
from gonghui.cadres.training import services
from gonghui.core.models import Organisation, OrgKind, User

POSTS = ("工会主席", "工会副主席", "经审委员", "女职工委员", "工会委员")
NAMES = (
    "王静", "李强", "张敏", "刘洋", "陈磊", "杨帆", "赵丽", "黄涛",
    "周杰", "吴娟", "徐明", "孙霞", "胡斌", "朱琳", "高峰", "林燕",
)  # fmt: skip


def generate(*, rng, today, town1, town2) -> list[str]:
    admin = User.objects.get(username="admin")
    county = town1.parent
    start = max(datetime.date(today.year, 1, 1), today - datetime.timedelta(days=120))
    post = services.create_course(
        actor=admin, organisation=county, title=f"{today.year}年基层工会干部岗位培训班",
        kind="post", starts_on=start, ends_on=start + datetime.timedelta(days=2), hours="24",
        place="县职工服务中心",
    )  # fmt: skip
    topic = services.create_course(
        actor=admin, organisation=town1, title="新就业形态劳动者入会工作专题培训",
        kind="topic", starts_on=start + datetime.timedelta(days=20),
        ends_on=start + datetime.timedelta(days=20), hours="6", place=town1.name,
    )  # fmt: skip
    enrolled = 0
    for course, towns in ((post, (town1, town2)), (topic, (town1,))):
        for town in towns:
            unions = Organisation.objects.filter(
                path__startswith=town.path, kind=OrgKind.GRASSROOTS
            ).order_by("path")[:6]
            for union in unions:
                enrolment = services.enrol(
                    actor=admin, course=course, union=union, name=rng.choice(NAMES),
                    post=rng.choice(POSTS),
                )  # fmt: skip
                enrolled += 1
                completed = rng.random() < 0.85
                hours = course.hours if completed else course.hours / 2
                services.record_attendance(
                    actor=admin, enrolment=enrolment, hours_attended=hours, completed=completed
                )
        for worker in SocialWorker.objects.filter(organisation__in=towns):
            enrolment = services.enrol(
                actor=admin, course=course, union=worker.organisation, name=worker.name,
                post=worker.post, worker=worker,
            )  # fmt: skip
            services.record_attendance(
                actor=admin, enrolment=enrolment, hours_attended=course.hours, completed=True
            )
            enrolled += 1
    return [f"干部培训：培训班 2 期，报名 {enrolled} 人次"]
