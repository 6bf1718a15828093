"""The demo data of `seed_demo`: accounts, employers and vacancies, seekers, the demo offices'
casework and the report history.

The top floor: it may import every app, and no app imports it (the import-linter contract in
`make lint` checks this).
"""
