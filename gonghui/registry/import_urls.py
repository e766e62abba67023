from django.urls import path

from gonghui.registry.imports.columns import TEMPLATES
from gonghui.registry.views import imports

app_name = "imports"

urlpatterns = [
    path("", imports.index, name="index"),
    # One page per template (unions, units, members): upload, and ?download=template.
    *[path(f"{key}/", imports.start, {"kind": key}, name=key) for key in TEMPLATES],
    path("<int:pk>/", imports.detail, name="detail"),
    path("<int:pk>/progress/", imports.progress, name="progress"),
    path("<int:pk>/errors/", imports.errors_file, name="errors"),
    path("<int:pk>/confirm/", imports.confirm, name="confirm"),
]
