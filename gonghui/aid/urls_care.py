"""URLs of the care pages (included by gonghui.aid.urls)."""

urlpatterns: list = []
