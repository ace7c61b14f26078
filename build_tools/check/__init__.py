"""Kontrollerna: scheman, grafen, hänvisningar, länkar och textregler. Renderar aldrig något."""
