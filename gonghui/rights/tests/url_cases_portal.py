"""The worker's rights pages in the permission matrix (gonghui/tests/test_url_scoping.py).

They are public to staff authentication: a worker proves their phone instead and sees only the
cases under that phone (gonghui/rights/tests/test_portal_*.py tests that)."""

PUBLIC_URLS = {
    "rights_portal:home",
    "rights_portal:report",
    "rights_portal:employer_search",
    "rights_portal:case",
    "rights_portal:upload",
    "rights_portal:withdraw",
    "rights_portal:document",
}
