"""Byggdagen: dagen som innehållet visas för. Det enda stället i byggverktyget där klockan läses.

Dagen väljs av den som startar ett bygge: ``--idag`` på kommandoraden, annars miljövariabeln
``SAMVERKAN_IDAG`` (ÅÅÅÅ-MM-DD; testerna och MkDocs-kroken använder den), annars dagens datum,
som då är publiceringsdagen. Resten av verktyget får dagen som ett värde (build_tools/load/dated_view.py).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping

ENV = "SAMVERKAN_IDAG"


class BuildDayError(ValueError):
    """SAMVERKAN_IDAG är inget datum."""


def build_day(explicit: dt.date | None = None, environ: Mapping[str, str] | None = None) -> dt.date:
    if explicit is not None:
        return explicit
    value = (os.environ if environ is None else environ).get(ENV, "").strip()
    if not value:
        return dt.date.today()  # publiceringsdagen för ett riktigt bygge
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise BuildDayError(
            f"{ENV}={value} är inget datum. Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. {ENV}=2027-01-02, "
            f"eller ta bort {ENV} för att bygga för dagens datum."
        ) from None
