"""Member-day benefits (会员日): partner merchants, their offers, and redemptions at the counter.

services.py writes merchants, offers and redemptions; views.py holds the pages (with their forms
and filters; the counter page scans a member card) and urls.py their URLs, under /aid/benefits/.
"""
