"""Inläsningen: varje slags innehåll till modellen, och load_project som sätter ihop och kontrollerar allt."""
