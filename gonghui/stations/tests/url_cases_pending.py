"""URLs of features still to come, listed so the matrix runs meanwhile (replaced feature by
feature)."""

PUBLIC_URLS = {
    "stations_portal:finder",
    "stations_portal:station",
    "stations_portal:scan",
    "stations_portal:feedback",
}
