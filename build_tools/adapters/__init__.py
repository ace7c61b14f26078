"""Adaptrar mot sajtgeneratorn (MkDocs + Material i dag) och steg på den byggda sajten.

Här finns kroken, förhandsvisningens felruta, sökindexet och offlinepaketet. Bara här får MkDocs importeras.
"""
