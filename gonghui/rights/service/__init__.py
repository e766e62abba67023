"""Counsel and service points (法律服务: 律师、调解员、服务点与值班、接访咨询、普法宣传).

Still nearly empty: `checks.py` holds the input checks the area's services share, `urls.py` its
pages (included by gonghui/rights/urls.py under the 'rights' namespace) and `api.py` its API
routes (collected by gonghui/rights/api_urls.py)."""
