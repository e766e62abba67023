"""Uploaded documents (证明材料) of hardship files and aid applications.

services.py attaches and removes them (staff and the worker's portal); views.py serves them back
to staff (download, delete), routed by gonghui.aid.hardship.urls and used by the portal's pages.
"""
