"""URLs of the refunds pages (included by gonghui.aid.urls)."""

urlpatterns: list = []
