from django.urls import path

from gonghui.core.views import exports

app_name = "exports"

urlpatterns = [
    path("<int:pk>/", exports.detail, name="detail"),
    path("<int:pk>/progress/", exports.progress, name="progress"),
    path("<int:pk>/file/", exports.download, name="file"),
]
