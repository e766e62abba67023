"""The annual report (年度工作统计报告): the county's year in Chinese, as Word and Excel.

Read top to bottom: sections.py (which figures belong to which section: the one table a new
module adds a line to) → models.py (the frozen snapshot of the figures a report used) →
content.py (snapshot → sentences, town tables, chart data) → charts.py (matplotlib images) →
docx.py (docxtpl over the Word template) and xlsx.py → services.py (the writes: take a
snapshot, render it again) → jobs.py (the same as background jobs) → forms.py, views.py,
urls.py, api.py (pages and API) → demo.py. build_template.py builds the default template
templates/annual_report.docx once with python-docx.
"""
