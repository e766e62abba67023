"""Union-fee refunds to small and micro employers (小微企业工会经费返还): policies, applications,
decisions and refund payments.

services.py writes them all and adds up their figures; views.py holds the pages (with their forms,
filters and the employer search) and urls.py their URLs, under /aid/refunds/.
"""
