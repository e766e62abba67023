"""URLs of the insurance pages (included by gonghui.aid.urls)."""

urlpatterns: list = []
