"""Grunden som alla lager får läsa: felmeddelanden till redaktörer och byggcachen.

Importerar inget annat i build_tools.
"""
