"""Vilka övningsfall som hör till vilken roll. Fall för all personal i skolan hör till varje roll i skolan."""

from __future__ import annotations

from .model import AUDIENCES, TrainingCase

SCHOOL_ROLES = ("larare", "rektor", "elevhalsa", "forskola", "fritidshem", "fristaende-skola")
ROLE_ORDER = (*SCHOOL_ROLES, "socialsekreterare", "sst", "chef")


def cases_for_role(cases: list[TrainingCase], role: str) -> list[TrainingCase]:
    """Fall för en roll. Fall för all personal i skolan räknas till varje roll i skolan."""
    return [c for c in cases if role in c.audience or (role in SCHOOL_ROLES and "alla-i-skolan" in c.audience)]


def roles_with_cases(cases: list[TrainingCase]) -> list[tuple[str, str, int]]:
    """(roll, namn, antal fall) för varje roll som har minst ett fall, i fast ordning."""
    found = []
    for role in ROLE_ORDER:
        count = len(cases_for_role(cases, role))
        if count:
            found.append((role, AUDIENCES[role], count))
    return found
