"""Pages of the service area (included by gonghui/rights/urls.py under the 'rights' namespace)."""

urlpatterns: list = []
