"""Shared test set-up: the repository root is importable for `custom_components`."""
