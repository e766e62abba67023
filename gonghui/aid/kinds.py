"""The programme kinds every county has (医疗救助, 生活救助, 金秋助学 …); a county adds its own on
the kinds page.

They are ensured after every migrate (post_migrate), not only by a data migration: a database
flushed and re-migrated (a test that commits, `gonghui flush`) gets them back, as it gets its
content types back.
"""

BUILTIN_KINDS = [
    ("medical", "医疗救助"),
    ("living", "生活救助"),
    ("autumn_study", "金秋助学"),
    ("study_dream", "求学圆梦"),
    ("temporary", "临时救助"),
    ("winter_warmth", "冬送温暖"),
    ("summer_cool", "夏送清凉"),
    ("spring_jobs", "春送岗位"),
    ("recuperation", "疗休养"),
    ("special_insurance", "专项保险"),
]


def ensure_builtin_kinds(model, using: str = "default") -> None:
    """Create the missing built-in kinds; never touches a kind a county renamed or added."""
    existing = set(model.objects.using(using).values_list("code", flat=True))
    model.objects.using(using).bulk_create(
        [
            model(code=code, name=name, sort_order=order * 10, builtin=True)
            for order, (code, name) in enumerate(BUILTIN_KINDS, start=1)
            if code not in existing
        ],
        ignore_conflicts=True,  # a county may have taken a built-in name for its own kind
    )


def after_migrate(sender, app_config=None, using="default", apps=None, **kwargs) -> None:
    if app_config is None or app_config.label != "aid":
        return
    if apps is None:  # `flush` sends the signal without the migration state: the live models
        from django.apps import apps
    try:
        model = apps.get_model("aid", "ProgrammeKind")
    except LookupError:  # migrating backwards past the table
        return
    ensure_builtin_kinds(model, using)
