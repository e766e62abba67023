"""What the workforce module adds to the rest of the project at start-up (figures, the dashboard
section, the portal link, demo data, the 困难劳模 eligibility rule), so that core, reports, the
portal and aid never import it."""


def register() -> None:
    pass
