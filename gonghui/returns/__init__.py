"""统计年报 (the union statistical returns): a catalogue of indicators per county and year, and
each union's return for the year, prefilled from the figures, completed by hand, checked, signed
and summed upwards.

- models.py: Catalogue (指标目录, per county and year), Indicator, Rule (逻辑校验), Return
  (one union's return for a catalogue), Value (one cell of a return).
- indicators.py: the numbers a return is computed from: every figure of
  gonghui.reports.figures.compute, plus the few counts no figure gives (set-based queries).
- checks.py: the declared logic checks, evaluated over a return's values (messages in Chinese).
- services.py: the only code that writes (catalogues, returns and their life cycle), audited.
- catalogue_seed.py: the indicators Gonghui ships (seeded by `gonghui returns seed --year`).
- queries.py: what a user sees (returns, the status table of child unions, the work queues).
- exports.py: the xlsx in the forms' layout, one sheet per form.
- forms.py, views.py, urls.py: the pages; api.py: /api/returns/.
- workbench.py, demo.py: the workbench items and the demo's returns.
"""
