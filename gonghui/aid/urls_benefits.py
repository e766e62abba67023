"""URLs of the benefits pages (included by gonghui.aid.urls)."""

urlpatterns: list = []
