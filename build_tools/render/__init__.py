"""Rendering: modellen blir vanliga filer (Markdown med HTML, JSON) i build/docs/."""
