"""Paying aid (救助发放): the payment ledger and the bank batches.

services.py writes payments and batches (always under a lock on the programme); queries.py sums
the ledger (committed, paid) and filters it; views.py holds the staff pages (payable list,
batches and their export and bank return, the ledger), urls.py their URLs, and api.py the API
of payments and batches under /api/aid/.
"""
