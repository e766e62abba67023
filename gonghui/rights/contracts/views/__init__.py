"""The contracts pages: `contracts.py` collective contracts (集体合同), `rounds.py` bargaining
rounds and their offers (集中要约), `democracy.py` workers' congresses and open factory affairs
(职代会与厂务公开)."""
