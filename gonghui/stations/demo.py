"""Stations demo data for `gonghui demo` (registered in gonghui.stations.registration): a year of
the county's stations, generated through the services — see gonghui.stations.demo_year."""

import datetime
import random


def generate(*, rng: random.Random, today: datetime.date, town1, town2) -> list[str]:
    from gonghui.stations import demo_year

    return demo_year.generate(rng=rng, today=today, town1=town1, town2=town2)


def reset() -> None:
    from gonghui.stations import models as m

    for model in (
        m.Feedback, m.Finding, m.Inspection, m.IncidentStep, m.Incident, m.WatchCheck, m.Visit,
        m.HoursException, m.WeeklyWindow, m.Station,
    ):  # fmt: skip
        model.objects.all().delete()
