"""The worker's aid pages in the portal (职工端帮扶, /m/aid/): open programmes, applying with
documents, following the review, withdrawing, and the money received.

queries.py reads the worker's own rows by their verified phone hash; views.py holds the pages
(with their small forms) and urls.py their URLs, included by gonghui.urls under m/aid/. Every
write goes through gonghui.aid.programmes.applications and gonghui.aid.documents.services.
"""
