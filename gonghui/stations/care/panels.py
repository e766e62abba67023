"""The care panel of a station's page: forms to report an incident, record a video check and
(the union's editors) an inspection; the open incidents and the missing checks."""

from django.utils import timezone

from gonghui.stations import checks
from gonghui.stations.care import incidents, watch
from gonghui.stations.care.forms import IncidentForm, InspectionForm, WatchForm
from gonghui.stations.models import Incident


def panels(request, station) -> list[dict]:
    context = {
        "station": station,
        "can_keep": checks.may_keep(request.user, station),
        "can_manage": checks.may_manage(request.user, station),
        "open": incidents.open_incidents(Incident.objects.filter(station=station))[:10],
        "missing": watch.missing_checks(station, days=2)[-5:],
        "incident_form": IncidentForm(),
        "watch_form": WatchForm(),
        "inspection_form": InspectionForm(initial={"inspected_on": timezone.localdate()}),
    }
    return [{"template": "stations/care/panel.html", "context": context}]
