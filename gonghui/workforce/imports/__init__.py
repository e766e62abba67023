"""Import of the existing roll (已有劳模名册) and of the existing studios from a spreadsheet.

`honourees.py` and `studios.py` each hold a template (core.sheets columns) and a check → write
pair: every row is checked first, each problem named by row, column and reason, and a file with
any error writes nothing. `views.py`/`urls.py` are the upload pages and the template downloads
(docs/import-workforce.md describes both templates)."""
