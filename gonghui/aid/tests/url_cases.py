"""The aid module's front page in the permission matrix (gonghui/tests/test_url_scoping.py)."""

LIST_URLS = {"aid:index": 200}
