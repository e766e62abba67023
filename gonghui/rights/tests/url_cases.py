"""The rights module's front page in the permission matrix (gonghui/tests/test_url_scoping.py)."""

LIST_URLS = {"rights:index": 200}
PUBLIC_URLS = {"rights_portal:home"}
TOWN_A_SECRETS = ["王甲骑"]
