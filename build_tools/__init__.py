"""Samverkansguidens byggverktyg: läs in, validera, modellera och rendera innehållet.

Kärnan (allt utom ``adapters/``) känner inte till MkDocs. Den skriver vanliga filer
(Markdown, HTML, JSON) som vilken statisk sajtgenerator som helst kan läsa.
"""
