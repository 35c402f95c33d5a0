"""Checks of the built sample site in a real browser and with HTML/CSS checkers.

A package, so its ``conftest`` does not shadow ``tests/conftest.py``.
"""
