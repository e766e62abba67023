"""Keeping a station safe (三级管理): `watch` (video checks during unattended hours and the flags
of missing ones), `incidents` (timed steps, escalation to the safety officer and the county),
`inspections` (the county's checklist, findings, fixes), `feedback` (workers' ratings answered
by the keeper). Each module is the only code that writes its rows; views.py holds the pages."""
