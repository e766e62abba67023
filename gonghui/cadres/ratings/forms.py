"""Forms of the rating pages; gonghui.cadres.ratings.services checks the rules."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.cadres.choices import HomeKind, HomeLevel
from gonghui.cadres.records.forms import Styled
from gonghui.core.forms import style
from gonghui.core.uploads import ACCEPT


class SchemeForm(Styled):
    name = forms.CharField(label=_("评定方案"), max_length=100, initial="六有达标暨十星级工会")
    levels = forms.CharField(
        label=_("授予等级"), widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("每行一个，由低到高，如：达标、一星……十星"),
    )  # fmt: skip


class CriterionForm(Styled):
    title = forms.CharField(label=_("评定标准"), max_length=200)
    points = forms.IntegerField(label=_("分值"), min_value=1, max_value=1000)
    evidence = forms.CharField(label=_("佐证材料要求"), max_length=200, required=False)


class RoundForm(Styled):
    year = forms.IntegerField(label=_("年度"), min_value=2000, max_value=2100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year


class SelfAssessForm(Styled):
    """One score and one evidence note per criterion of the scheme, and the level claimed."""

    def __init__(self, *args, scheme, current=None, **kwargs):
        super().__init__(*args, **kwargs)
        scores = {s.criterion_id: s for s in current.scores.all()} if current else {}
        for criterion in scheme.criteria.all():
            score = scores.get(criterion.pk)
            self.fields[f"points_{criterion.pk}"] = forms.IntegerField(
                label=f"{criterion.title}（{criterion.points} 分）", min_value=0,
                max_value=criterion.points, initial=score.points if score else None,
            )  # fmt: skip
            self.fields[f"evidence_{criterion.pk}"] = forms.CharField(
                label=_("佐证说明"), max_length=500, required=False,
                help_text=criterion.evidence, initial=score.evidence if score else "",
            )  # fmt: skip
        self.fields["claimed_level"] = forms.ChoiceField(
            label=_("申报等级"), choices=[(lv, lv) for lv in scheme.level_list],
            initial=current.claimed_level if current else None,
        )  # fmt: skip
        for field in self.fields.values():
            style(field)
        self.scheme = scheme

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        scores = {
            criterion.pk: (data[f"points_{criterion.pk}"], data[f"evidence_{criterion.pk}"])
            for criterion in self.scheme.criteria.all()
        }
        return {"scores": scores, "claimed_level": data["claimed_level"]}


class EvidenceForm(Styled):
    upload = forms.FileField(
        label=_("佐证材料"), widget=forms.ClearableFileInput(attrs={"accept": ACCEPT})
    )
    kind = forms.CharField(label=_("材料说明"), max_length=50, required=False)


class CheckForm(Styled):
    passed = forms.TypedChoiceField(
        label=_("审核结果"), choices=[("1", _("审核通过，报县总评定")), ("0", _("退回修改"))],
        coerce=lambda v: v == "1",
    )  # fmt: skip
    note = forms.CharField(label=_("审核意见"), widget=forms.Textarea(attrs={"rows": 2}),
                           required=False)  # fmt: skip


class DecideForm(Styled):
    level = forms.ChoiceField(label=_("评定等级"))
    note = forms.CharField(label=_("评定意见"), widget=forms.Textarea(attrs={"rows": 2}),
                           required=False)  # fmt: skip

    def __init__(self, *args, levels, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"].choices = [(lv, lv) for lv in levels]


class HomeForm(Styled):
    organisation = forms.ModelChoiceField(label=_("工会"), queryset=None)
    kind = forms.ChoiceField(label=_("类别"), choices=HomeKind.choices)
    level = forms.ChoiceField(label=_("级别"), choices=HomeLevel.choices)
    year = forms.IntegerField(label=_("年度"), min_value=2000, max_value=2100)
    note = forms.CharField(label=_("说明"), max_length=200, required=False)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["year"].initial = timezone.localdate().year
