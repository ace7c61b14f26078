"""Redaktörshandboken (/redaktor/): hur man redigerar, förhandsgranskar, granskar och publicerar."""

from __future__ import annotations


def handbook_pages(builder) -> list:
    return []
