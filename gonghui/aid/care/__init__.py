"""Seasonal care campaigns (四送活动): campaigns, their recipients and the visits made.

services.py writes campaigns and visit lists; queries.py reads the figures the reports quote;
views.py holds the pages (with their forms, filters and the xlsx export) and urls.py their URLs,
under /aid/care/.
"""
