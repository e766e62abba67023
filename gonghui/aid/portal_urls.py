"""The worker's aid pages in the portal (/m/aid/): apply, upload, follow, payments received."""

app_name = "aid_portal"

urlpatterns: list = []
