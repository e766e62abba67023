"""Hardship files (困难职工档案, 建档立卡): entering, review by the level above, the yearly review,
and the spreadsheet import and export.

services.py writes the files; imports.py reads a spreadsheet of existing files and writes the
list's export; forms.py and filters.py clean the pages' input; views.py holds the pages and
urls.py their URLs (under /aid/hardship/, with the document downloads of gonghui.aid.documents).
"""
