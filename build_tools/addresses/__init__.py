"""Adresserna: var varje sida ligger och vilka sidor sajten får. Läses av både kontrollen och renderingen."""
