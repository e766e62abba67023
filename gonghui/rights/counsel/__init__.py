"""Law firms and counsel (律师事务所、律师与调解员): the firms the federation contracts, and the
lawyers, mediators and union legal officers cases are assigned to, each with their login (role
`lawyer`: they see only their own cases) and their patch (分片包干: towns and industries; a case
there offers them first).

`services.py` holds the writes and their rules (who may write, the login opened in one step,
the patch, the roll), `queries.py` the read side (the patch rule `covers`, the covering counsel
first, used by gonghui.rights.cases.queries.counsel_choices), `forms.py` and `filters.py` the
staff pages' forms and list filters, `views.py` the pages (staff only), `urls.py` their URL
list (included by gonghui/rights/urls.py at /rights/counsel/), `api.py` the API routes
(collected by gonghui/rights/api_urls.py) and `demo.py` the demo's firms and counsel (the first
of gonghui.rights.demo.PARTS). Templates are under templates/rights/counsel/."""
