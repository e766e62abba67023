"""The worker's aid pages in the permission matrix (gonghui/tests/test_url_scoping.py).

They are public to staff authentication: a worker proves their phone instead and sees only the
records of members with that phone (gonghui/aid/tests/test_portal_aid.py tests that)."""

PUBLIC_URLS = {
    "aid_portal:home",
    "aid_portal:apply",
    "aid_portal:application",
    "aid_portal:upload",
    "aid_portal:withdraw",
    "aid_portal:document_download",
    "aid_portal:document_delete",
}
