"""Kommandon utöver check och build: ändringsrapporten och en ny guide att börja från."""
