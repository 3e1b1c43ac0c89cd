"""Benchmarks of Microdose Together against Home Assistant's own ways of doing it.

Run them with `scripts/bench`; the modules here are not part of the test suite.
"""
