"""Källfilerna: läser YAML och Markdown med rad och kolumn, och stoppar kod i innehållet redan vid inläsningen."""
