"""Held-out hand-written offer letters (see README.md)."""
