"""URLs of the programmes pages (included by gonghui.aid.urls)."""

urlpatterns: list = []
