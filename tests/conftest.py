"""Shared test set-up: the repository root is importable for `custom_components`.

Property tests take as long as the machine needs: a busy machine must never
turn a slow example into a failure, so hypothesis has no deadline here.
"""

from hypothesis import settings

settings.register_profile("microdose_together", deadline=None)
settings.load_profile("microdose_together")
