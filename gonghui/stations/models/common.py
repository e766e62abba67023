"""Scoping shared by the stations models: a station is seen by its union's subtree (a town its
own, the county all) and by its keepers and safety officer, whatever their roles; every record
about a station is seen as the station is."""

from django.db.models import Q

from gonghui.core.roles import EDIT_ROLES
from gonghui.core.scoping import ScopedQuerySet, path_q, scope_paths


def kept_by(user):
    """The ids of the stations `user` keeps or watches over as safety officer (a subquery)."""
    from gonghui.stations.models import Station

    return Station.objects.filter(
        Q(pk__in=Station.keepers.through.objects.filter(user=user).values("station_id"))
        | Q(safety_officer=user)
    ).values("pk")


class KeptQuerySet(ScopedQuerySet):
    """Keepers see their stations' rows (own rows) but edit nothing through `editable_by`: what
    a keeper may do is each service's to say (gonghui.stations.checks.may_keep)."""

    def editable_by(self, user):
        paths = scope_paths(user, EDIT_ROLES)
        if paths is None:
            return self
        return self.filter(path_q(self.scope_lookups, paths)) if paths else self.none()


class StationQuerySet(KeptQuerySet):
    scope_lookups = ("union__path",)

    def own_rows(self, user):
        return Q(pk__in=kept_by(user))


class StationChildQuerySet(KeptQuerySet):
    scope_lookups = ("station__union__path",)

    def own_rows(self, user):
        return Q(station__in=kept_by(user))


class FindingQuerySet(KeptQuerySet):
    scope_lookups = ("inspection__station__union__path",)

    def own_rows(self, user):
        return Q(inspection__station__in=kept_by(user))
