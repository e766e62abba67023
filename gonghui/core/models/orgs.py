"""The organisation tree, stored as a materialised path (subtree = one indexed prefix query)."""

import datetime

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.core.fields import link
from gonghui.core.scoping import ScopedQuerySet

# varchar_pattern_ops lets PostgreSQL use an index for `LIKE 'prefix%'` whatever the collation;
# other databases ignore operator classes.
PREFIX_OPS = ["varchar_pattern_ops"]
PATH_SEGMENT_WIDTH = 8  # zero-padded primary key per level: "00000001/00000042/"


def path_segment(pk: int) -> str:
    return f"{pk:0{PATH_SEGMENT_WIDTH}d}/"


class OrgKind(models.TextChoices):
    COUNTY_FEDERATION = "county_federation", _("县总工会")
    TOWN_FEDERATION = "town_federation", _("乡镇(街道)总工会")
    INDUSTRY_UNION = "industry_union", _("产业(行业)工会")
    PARK_UNION = "park_union", _("园区工会")
    GRASSROOTS = "grassroots", _("基层工会")
    JOINT_UNION = "joint_union", _("联合基层工会")
    GROUP = "group", _("工会小组")


# Kinds that may sit under each kind. The county federation is the only root.
ALLOWED_CHILDREN = {
    OrgKind.COUNTY_FEDERATION: {
        OrgKind.TOWN_FEDERATION,
        OrgKind.INDUSTRY_UNION,
        OrgKind.PARK_UNION,
        OrgKind.GRASSROOTS,
        OrgKind.JOINT_UNION,
    },
    OrgKind.TOWN_FEDERATION: {
        OrgKind.INDUSTRY_UNION,
        OrgKind.GRASSROOTS,
        OrgKind.JOINT_UNION,
    },
    OrgKind.INDUSTRY_UNION: {OrgKind.GRASSROOTS, OrgKind.JOINT_UNION},
    OrgKind.PARK_UNION: {OrgKind.GRASSROOTS, OrgKind.JOINT_UNION},
    OrgKind.GRASSROOTS: {OrgKind.GROUP},
    OrgKind.JOINT_UNION: {OrgKind.GRASSROOTS, OrgKind.GROUP},
    OrgKind.GROUP: set(),
}
# Organisations an employer can belong to territorially (属地工会).
TERRITORIAL_KINDS = {OrgKind.TOWN_FEDERATION, OrgKind.PARK_UNION}
# Organisations that can cover an employer (所在工会).
COVERING_KINDS = {OrgKind.GRASSROOTS, OrgKind.JOINT_UNION}
# Who holds members (DESIGN.md, "The organisation tree"): the unions of one or several employers,
# and the industry unions, which admit couriers, riders and drivers directly (新就业形态入会);
# a town federation or park union only when marked as taking fallback members (兜底入会) for
# those no other union covers. `admits_members` and `admitting_members()` below are the one
# predicate every path that holds members goes through (registry services, import, portal join
# and transfer, application queue, forms).
MEMBER_KINDS = {OrgKind.GRASSROOTS, OrgKind.JOINT_UNION, OrgKind.INDUSTRY_UNION}
FALLBACK_KINDS = {OrgKind.TOWN_FEDERATION, OrgKind.PARK_UNION}


def kind_admits_members(kind: str, takes_fallback_members: bool = False) -> bool:
    return kind in MEMBER_KINDS or (kind in FALLBACK_KINDS and bool(takes_fallback_members))


def admits_members_q(prefix: str = "") -> Q:
    """Organisations (through `prefix`, e.g. "union__") that members may belong to."""
    return Q(**{f"{prefix}kind__in": MEMBER_KINDS}) | Q(
        **{f"{prefix}kind__in": FALLBACK_KINDS, f"{prefix}takes_fallback_members": True}
    )


def admission_error(org) -> str:
    """Why members cannot belong to `org` (its kind and 兜底 mark; not its status), or ""."""
    if org.admits_members:
        return ""
    if org.kind in FALLBACK_KINDS:
        return _(
            "%(name)s未开展兜底入会，不能直接接收会员；请加入基层工会、联合基层工会或"
            "产业(行业)工会，或由管理员将该组织设为兜底入会"
        ) % {"name": org.name}
    return _(
        "会员须加入基层工会、联合基层工会、产业(行业)工会，或开展兜底入会的乡镇(街道)总工会、园区工会"
    )


# How siblings (the tree's nodes) and the towns of a list or a chart are listed: the county's own
# order (the administrator's sort number), then the name.
SIBLING_ORDER = ("sort_order", "name", "pk")
TOWN_ORDER = ("county_id", *SIBLING_ORDER)


class OrgStatus(models.TextChoices):
    ACTIVE = "active", _("正常")
    DORMANT = "dormant", _("休眠")
    DISSOLVED = "dissolved", _("撤销")


class OrganisationQuerySet(ScopedQuerySet):
    scope_lookups = ("path",)

    def subtree(self, org: "Organisation"):
        return self.filter(path__startswith=org.path)

    def admitting_members(self):
        """Organisations members may belong to (kind and 兜底 mark; the caller checks status)."""
        return self.filter(admits_members_q())

    def term_overdue(self, today: datetime.date | None = None):
        today = today or timezone.localdate()
        return self.filter(status=OrgStatus.ACTIVE, term_ends_on__lt=today)


class Organisation(models.Model):
    name = models.CharField(_("工会名称"), max_length=100)
    name_initials = models.CharField(_("拼音首字母"), max_length=64, blank=True, editable=False)
    kind = models.CharField(_("组织类型"), max_length=20, choices=OrgKind.choices)
    parent = link("self", _("上级工会"), optional=True, related_name="children")
    county = link("self", _("所属县总工会"), optional=True, related_name="+", editable=False)
    path = models.CharField(max_length=255, unique=True, editable=False)
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    credit_code = models.CharField(_("工会统一社会信用代码"), max_length=18, blank=True)
    chair = models.CharField(_("工会主席"), max_length=50, blank=True)
    founded_on = models.DateField(_("成立日期"), null=True, blank=True)
    term_ends_on = models.DateField(_("本届任期届满日期"), null=True, blank=True)
    status = models.CharField(
        _("状态"), max_length=10, choices=OrgStatus.choices, default=OrgStatus.ACTIVE
    )
    # When the organisation stopped being active (休眠 or 撤销), stamped by the services, so
    # figures as of a past date count it while it was active. Empty for an inactive one means
    # "before any date we count".
    inactive_since = models.DateField(_("休眠或撤销日期"), null=True, blank=True, editable=False)
    takes_fallback_members = models.BooleanField(
        _("兜底入会"),
        default=False,
        help_text=_(
            "乡镇(街道)总工会、园区工会：直接接收辖区内没有其他工会覆盖的职工入会（由管理员设置）"
        ),
    )
    # The county's own order of its towns and unions (the order of its reports), set by the
    # administrator; siblings with the same number fall back to their names.
    sort_order = models.PositiveIntegerField(
        _("排序号"), default=0, help_text=_("数字小的排在前面；相同时按名称排序。")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    audit_fields = (
        "name",
        "kind",
        "parent",
        "credit_code",
        "chair",
        "founded_on",
        "term_ends_on",
        "status",
        "inactive_since",
        "takes_fallback_members",
        "sort_order",
    )

    class Meta:
        verbose_name = _("工会组织")
        verbose_name_plural = _("工会组织")
        ordering = ["path"]
        constraints = [
            models.UniqueConstraint(fields=["county", "name"], name="org_name_unique_in_county"),
        ]
        indexes = [
            # varchar_pattern_ops lets PostgreSQL use the index for `LIKE 'prefix%'` whatever the
            # collation; other databases ignore the operator class.
            models.Index(fields=["path"], name="org_path_prefix", opclasses=PREFIX_OPS),
            models.Index(fields=["kind", "status"], name="org_kind_status"),
            models.Index(fields=["name_initials"], name="org_initials", opclasses=PREFIX_OPS),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        from gonghui.core.pinyin import initials

        self.name_initials = initials(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("core:org_detail", args=[self.pk])

    @property
    def audit_org_path(self) -> str:
        return self.path

    @property
    def admits_members(self) -> bool:
        """Whether members may belong to this organisation (see MEMBER_KINDS)."""
        return kind_admits_members(self.kind, self.takes_fallback_members)

    @property
    def is_term_overdue(self) -> bool:
        return bool(
            self.status == OrgStatus.ACTIVE
            and self.term_ends_on
            and self.term_ends_on < timezone.localdate()
        )

    def ancestors(self):
        """Ancestors from the root down, in one query."""
        segments = self.path.split("/")[:-2]
        prefixes = ["/".join(segments[: i + 1]) + "/" for i in range(len(segments))]
        return Organisation.objects.filter(path__in=prefixes).order_by("depth")

    def is_in_subtree_of(self, other: "Organisation") -> bool:
        return self.path.startswith(other.path)
