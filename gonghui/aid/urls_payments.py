"""URLs of the payments pages (included by gonghui.aid.urls)."""

urlpatterns: list = []
