"""URLs of the hardship pages (included by gonghui.aid.urls)."""

urlpatterns: list = []
