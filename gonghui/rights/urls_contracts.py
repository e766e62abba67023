"""Pages of the contracts area (included by gonghui/rights/urls.py under the 'rights' namespace)."""

urlpatterns: list = []
