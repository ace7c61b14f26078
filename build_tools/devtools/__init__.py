"""Verktyg för testerna och mätskripten: en byggd sajt på loopback, Chromium, sökklienten och fuzzningen.

Ingen del av bygget läser in härifrån. tests/ och scripts/ läser in härifrån i stället för ur varandra.
"""
