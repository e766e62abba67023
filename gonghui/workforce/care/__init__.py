"""Honourees' files and their care (劳模档案与关爱).

`services.py` writes the file (retirement, death, the 困难劳模 flag, following the registry),
revokes an honour, pays the yearly allowance (a core.ledgers ledger) and records care (体检,
疗休养, 走访, 帮扶); `queries.py` reads the due lists (体检 yearly, every two years once retired;
疗休养 every two years); `views.py` and `urls.py` are the pages.
"""
