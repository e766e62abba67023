"""Pages of the risk area (included by gonghui/rights/urls.py under the 'rights' namespace)."""

urlpatterns: list = []
