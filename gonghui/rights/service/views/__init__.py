"""Pages of the service area: points (points.py), the rota (rota.py), receptions
(receptions.py), outreach (outreach.py) and the worker's page of points (portal.py). Thin views:
reads through gonghui.rights.service.queries (`visible_to`, out of scope is 404), writes through
the services, who may open a page from gonghui.rights.access (staff; a lawyer reaches only their
duty days and the receptions they log)."""
