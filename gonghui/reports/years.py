"""逐年对比: /reports/years/?years=2021-2025&org= — each year side by side (its flows over the year,
its stocks as of 31 December) and the change from the first year to the last, for the reader's
scope. The numbers are compute_years(), as `gonghui stats --years` prints them."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from gonghui.core import figures as core_figures
from gonghui.core.models import Organisation
from gonghui.core.scoping import holds_role
from gonghui.reports import display
from gonghui.reports.figures import PeriodError, compute_years, years_range

DEFAULT_YEARS = 5


def figure_years(request):
    if not holds_role(request.user):
        raise PermissionDenied
    today = timezone.localdate()
    text = request.GET.get("years") or f"{today.year - DEFAULT_YEARS + 1}-{today.year}"
    error = ""
    try:
        first, last = years_range(text)
    except PeriodError as exc:
        error, first, last = str(exc), today.year - DEFAULT_YEARS + 1, today.year
    org = None
    if request.GET.get("org"):
        if not request.GET["org"].isdigit():
            raise Http404
        org = get_object_or_404(
            Organisation.objects.visible_to(request.user), pk=request.GET["org"]
        )
    rows = compute_years(user=request.user, org=org, first=first, last=last)
    return render(
        request,
        "reports/figure_years.html",
        {
            "years": [row["year"] for row in rows],
            "lines": lines(rows),
            "scope_name": display.scope_name(org),
            "years_text": f"{first}-{last}",
            "error": error,
            "org": org,
        },
    )


def lines(rows: list[dict]) -> list[dict]:
    """One line per single-number figure: the year's texts and the change, last minus first."""
    labels = core_figures.labels()
    result = []
    for key, first_value in rows[0]["values"].items():
        if isinstance(first_value, dict) or first_value is None:
            continue  # breakdowns have their own pages
        values = [row["values"][key] for row in rows]
        change = None
        if all(isinstance(v, int | float) or hasattr(v, "quantize") for v in values):
            change = values[-1] - values[0]
        result.append(
            {
                "key": key,
                "label": labels.get(key, key),
                "texts": [display.text(key, value) for value in values],
                "change": "" if change is None else display.text(key, change),
            }
        )
    return result
