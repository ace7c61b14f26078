"""Modellen: det validerade innehållet som data, datumstyrd lag och beräkningar på guidernas graf.

Ingen in- eller utläsning.
"""
