"""Adaptrar mot sajtgeneratorn (MkDocs + Material i dag) och steg på den byggda sajten.

Här finns kroken, förhandsvisningens felruta, sökindexet, offlinepaketet och webbserverns regler
(hosting, compress). Bara här får MkDocs importeras.
"""
