"""The labour-risk pages (风险监测): `common.py` who may open them and scoped look-ups, `grids.py`
grids and monitoring points, `reports.py` the monthly reports, `warnings.py` the board, the
warnings and the rules."""
