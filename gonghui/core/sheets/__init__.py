"""Spreadsheets, read and written the same way by every module.

`readers` (xlsx/xls/ods/csv with size limits) → `cells` (parsers, renderers, the `Column` and
`Template` spec, formula neutralising) → `rows` (header binding, parsed rows, `RowError`s) →
`workbooks` (templates with drop-downs, error files, formula-safe cells). The registry's imports
and aid's hardship import and bank and care exports all build on these; no module reaches into
another's import code for them.
"""
