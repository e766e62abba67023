"""Pages of competitions: the catalogue, a competition's page (quotas, rounds and criteria,
judges, entrants by union, teams and stages), the score sheet of a round, the ranking, entrants
and their certificates, the honours candidates, and the import of past results.

Thin views: a competition is found through `visible_to` (out of scope is 404); a round, team or
stage through its competition; every write is a service of competitions.services or .scoring.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.core.models import AuditEntry
from gonghui.core.roles import EDIT_ROLES
from gonghui.core.scoping import holds_role, may_edit_org
from gonghui.core.views.access import RoleRequired, require_role, visible_or_404
from gonghui.core.views.generic import ObjectListView, apply_errors
from gonghui.portal.links import absolute_url, qr_inline_svg
from gonghui.workforce.competitions import forms, queries, scoring, services
from gonghui.workforce.competitions.filters import (
    CandidateFilterSet,
    CompetitionFilterSet,
    EntrantFilterSet,
)
from gonghui.workforce.honours.views import _form_or_raise, error_text, post_action
from gonghui.workforce.models import (
    Competition,
    ContestStage,
    ContestTeam,
    Entrant,
    HonourCandidate,
    HonourCycle,
    Judge,
    Round,
)
from gonghui.workforce.models.competitions import ContestStatus


class CompetitionListView(RoleRequired, ObjectListView):
    model = Competition
    select_related = ("organisation",)
    filterset_class = CompetitionFilterSet
    template_name = "workforce/competitions/competition_list.html"
    default_sort = "-pk"


def competition_add(request):
    require_role(request.user, EDIT_ROLES)
    form = forms.CompetitionForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            contest = services.create_competition(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("已登记竞赛：%(c)s") % {"c": contest})
            return HttpResponseRedirect(contest.get_absolute_url())
    return render(request, "core/object_edit.html", {"form": form, "title": _("登记竞赛")})


def _competition(request, pk) -> Competition:
    return visible_or_404(request, Competition, pk, "organisation")


def _through(model, *related):
    """A competition's child, found through the competition's scope (else 404)."""

    def load(request, pk):
        obj = get_object_or_404(model.objects.select_related("competition", *related), pk=pk)
        _competition(request, obj.competition_id)
        return obj

    return load


_round = _through(Round)
_team = _through(ContestTeam)
_stage = _through(ContestStage)


def competition_detail(request, pk):
    contest = _competition(request, pk)
    user = request.user
    may_edit = may_edit_org(user, contest.organisation) and holds_role(user, EDIT_ROLES)
    entrants = (
        Entrant.objects.visible_to(user).filter(competition=contest)
        .select_related("union", "employer").order_by("union__path", "registered_at", "pk")
    )  # fmt: skip
    # The worker's registration page, as a link and a QR code to post (扫码报名).
    portal_url = absolute_url(
        request, reverse("workforce_portal:competition_register", args=[contest.pk])
    )
    context = {
        "object": contest,
        "c": contest,
        "may_edit": may_edit,
        "may_register": holds_role(user, EDIT_ROLES) and contest.status == ContestStatus.OPEN,
        "quotas": queries.quota_use(contest),
        "rounds": contest.rounds.prefetch_related("criteria"),
        "judges": contest.judges.select_related("employer") if may_edit else [],
        "entrants": entrants,
        "by_union": queries.entrants_by_union(entrants),
        "teams": contest.teams.select_related("union"),
        "stages": contest.stages.prefetch_related("summaries__team"),
        "portal_url": portal_url,
        "qr_svg": qr_inline_svg(portal_url, scale=4),
        "quota_form": forms.QuotaForm(competition=contest, auto_id="quota_%s"),
        "round_form": forms.RoundForm(auto_id="round_%s"),
        "criterion_form": forms.CriterionForm(auto_id="criterion_%s"),
        "judge_form": forms.JudgeForm(user=user, auto_id="judge_%s"),
        "register_form": forms.RegisterForm(user=user, auto_id="register_%s",
                                            initial={"trade": contest.trade}),  # fmt: skip
        "team_form": forms.TeamForm(competition=contest, auto_id="team_%s"),
        "stage_form": forms.StageForm(auto_id="stage_%s"),
        "commend_form": forms.CommendForm(auto_id="commend_%s"),
        "history": AuditEntry.objects.for_object(contest)[:50],
    }
    return render(request, "workforce/competitions/competition_detail.html", context)


def _contest_post(perform, done):
    return post_action(_competition, perform, done)


competition_quota = _contest_post(
    lambda r, c: services.set_quota(
        actor=r.user, competition=c, **_form_or_raise(forms.QuotaForm(r.POST, competition=c))
    ),
    gettext_lazy("已保存名额"),
)
competition_round = _contest_post(
    lambda r, c: services.add_round(actor=r.user, competition=c,
                                    **_form_or_raise(forms.RoundForm(r.POST))),  # fmt: skip
    gettext_lazy("已增加比赛轮次"),
)
competition_judge = _contest_post(
    lambda r, c: scoring.add_judge(actor=r.user, competition=c,
                                   **_form_or_raise(forms.JudgeForm(r.POST, user=r.user))),
    gettext_lazy("已登记评委"),
)  # fmt: skip
competition_register = _contest_post(
    lambda r, c: services.register(actor=r.user, competition=c,
                                   **_form_or_raise(forms.RegisterForm(r.POST, user=r.user))),
    gettext_lazy("已报名"),
)  # fmt: skip
competition_close = _contest_post(
    lambda r, c: services.close_registration(actor=r.user, competition=c),
    gettext_lazy("报名已截止，进入比赛评分"),
)
competition_publish = _contest_post(
    lambda r, c: (scoring.publish if c.is_skills else scoring.publish_labour)(
        actor=r.user, competition=c
    ),
    gettext_lazy("已公布成绩"),
)
competition_team = _contest_post(
    lambda r, c: services.add_team(actor=r.user, competition=c,
                                   **_form_or_raise(forms.TeamForm(r.POST, competition=c))),
    gettext_lazy("已登记参赛队"),
)  # fmt: skip
competition_stage = _contest_post(
    lambda r, c: services.add_stage(actor=r.user, competition=c,
                                    **_form_or_raise(forms.StageForm(r.POST))),  # fmt: skip
    gettext_lazy("已增加竞赛阶段"),
)
round_criterion = post_action(
    _round,
    lambda r, rnd: services.add_criterion(actor=r.user, round=rnd,
                                          **_form_or_raise(forms.CriterionForm(r.POST))),
    gettext_lazy("已增加评分项"),
)  # fmt: skip
team_commend = post_action(
    _team,
    lambda r, t: services.commend_team(actor=r.user, team=t,
                                       **_form_or_raise(forms.CommendForm(r.POST))),
    gettext_lazy("已登记年终表彰"),
)  # fmt: skip


def _summary(request, stage):
    data = _form_or_raise(forms.SummaryForm(request.POST, stage=stage))
    team = stage.competition.teams.filter(pk=data.pop("team")).first()
    services.add_summary(actor=request.user, stage=stage, team=team, **data)


stage_summary = post_action(_stage, _summary, gettext_lazy("已登记阶段小结"))


def round_scores(request, pk):
    """The score sheet of one round for one judge: the entrants they may mark (their own
    employer's entrants are not shown: 回避), a field per criterion."""
    rnd = _round(request, pk)
    contest = rnd.competition
    may_edit = may_edit_org(request.user, contest.organisation) and holds_role(
        request.user, EDIT_ROLES
    )
    if not may_edit:
        raise PermissionDenied
    judges = list(contest.judges.select_related("employer"))
    judge = next((j for j in judges if str(j.pk) == request.GET.get("judge", "")), None)
    judge = judge or (judges[0] if judges else None)
    if request.method == "POST":
        judge = get_object_or_404(Judge, pk=request.POST.get("judge"), competition=contest)
        try:
            saved = _save_sheet(request, rnd, judge)
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, error_text(exc))
        else:
            messages.success(request, _("已保存 %(n)d 项评分") % {"n": saved})
        url = reverse("workforce:round_scores", args=[rnd.pk])
        return HttpResponseRedirect(f"{url}?judge={judge.pk}")
    return render(request, "workforce/competitions/round_scores.html", {
        "round": rnd, "c": contest, "judges": judges, "judge": judge,
        "sheet": queries.score_sheet(rnd, judge) if judge else [],
        "criteria": list(rnd.criteria.all()),
        "scoring": contest.status == ContestStatus.SCORING,
    })  # fmt: skip


def _save_sheet(request, rnd, judge) -> int:
    criteria = list(rnd.criteria.all())
    saved = 0
    with transaction.atomic():  # one bad mark: nothing of the sheet is kept
        for entrant in scoring.entrants_for_scoring(rnd.competition):
            marks = {}
            for c in criteria:
                raw = (request.POST.get(f"m_{entrant.pk}_{c.pk}") or "").strip()
                if raw:
                    marks[c] = raw
            if marks:
                scoring.enter_scores(actor=request.user, judge=judge, entrant=entrant,
                                     marks=marks)  # fmt: skip
                saved += len(marks)
    return saved


def ranking(request, pk):
    contest = _competition(request, pk)
    if contest.status == ContestStatus.PUBLISHED:
        lines = queries.published(contest, request.user)
    elif may_edit_org(request.user, contest.organisation):
        lines = scoring.results(contest)
    else:
        lines = []
    return render(request, "workforce/competitions/ranking.html", {
        "c": contest, "lines": lines, "rounds": list(contest.rounds.all()),
        "published": contest.status == ContestStatus.PUBLISHED,
    })  # fmt: skip


class EntrantListView(RoleRequired, ObjectListView):
    model = Entrant
    select_related = ("competition", "union", "employer")
    filterset_class = EntrantFilterSet
    template_name = "workforce/competitions/entrant_list.html"
    default_sort = "-pk"


def _entrant(request, pk) -> Entrant:
    return visible_or_404(request, Entrant, pk, "competition__organisation", "union", "employer")


def entrant_detail(request, pk):
    entrant = _entrant(request, pk)
    may_edit = Entrant.objects.editable_by(request.user).filter(pk=pk).exists()
    return render(request, "workforce/competitions/entrant_detail.html", {
        "object": entrant, "e": entrant, "c": entrant.competition, "may_edit": may_edit,
        "candidate": HonourCandidate.objects.filter(entrant=entrant).first(),
        "note_form": forms.NoteForm(auto_id="note_%s"),
        "history": AuditEntry.objects.for_object(entrant)[:50],
    })  # fmt: skip


entrant_confirm = post_action(
    _entrant, lambda r, e: services.confirm_entrant(actor=r.user, entrant=e),
    gettext_lazy("已确认报名"),
)  # fmt: skip
entrant_withdraw = post_action(
    _entrant, lambda r, e: services.withdraw_entrant(actor=r.user, entrant=e),
    gettext_lazy("已退出竞赛"),
)  # fmt: skip
entrant_recommend = post_action(
    _entrant,
    lambda r, e: scoring.recommend(actor=r.user, entrant=e,
                                   **_form_or_raise(forms.NoteForm(r.POST))),
    gettext_lazy("已推荐为表彰候选"),
)  # fmt: skip


def certificate(request, pk):
    entrant = _entrant(request, pk)
    if entrant.rank is None or entrant.competition.status != ContestStatus.PUBLISHED:
        messages.error(request, _("成绩公布后才能打印证书"))
        return HttpResponseRedirect(entrant.get_absolute_url())
    return render(request, "workforce/competitions/certificate.html", {"e": entrant})


class CandidateListView(RoleRequired, ObjectListView):
    model = HonourCandidate
    select_related = ("entrant__competition", "entrant__member", "union")
    filterset_class = CandidateFilterSet
    template_name = "workforce/competitions/candidate_list.html"
    default_sort = "-pk"

    def get_context_data(self, **kwargs):
        from gonghui.workforce.choices import CycleStatus

        context = super().get_context_data(**kwargs)
        context["cycles"] = HonourCycle.objects.visible_to(self.request.user).filter(
            status=CycleStatus.OPEN
        ).select_related("kind")
        return context




def import_template(request):
    from django.http import HttpResponse
    from django.utils.http import content_disposition_header

    from gonghui.core.sheets.workbooks import template_workbook
    from gonghui.workforce.competitions import imports

    require_role(request.user, EDIT_ROLES)
    response = HttpResponse(
        template_workbook(imports.TEMPLATE),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = content_disposition_header(True, imports.TEMPLATE.filename)
    return response


def import_results(request):
    """The upload page of past results; nothing is written when a row fails."""
    from gonghui.core.sheets.readers import FileError
    from gonghui.workforce.competitions import imports
    from gonghui.workforce.imports.common import ImportFailed, read_upload
    from gonghui.workforce.imports.forms import ImportForm

    require_role(request.user, EDIT_ROLES)
    form = ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            title = str(imports.TEMPLATE.title)
            table = read_upload(form.cleaned_data["file"], sheet_title=title)
            created = imports.import_results(actor=request.user, table=table)
        except FileError as exc:
            form.add_error("file", str(exc))
        except ImportFailed as exc:
            errors = exc.errors
        else:
            messages.success(request, _("已导入 %(n)d 行") % {"n": len(created)})
            return HttpResponseRedirect(reverse("workforce:entrant_list"))
    return render(request, "workforce/competitions/import.html",
                  {"form": form, "errors": errors, "template": imports.TEMPLATE})  # fmt: skip
