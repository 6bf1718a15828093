"""What the seekers' services announce, for the floors above to react to (the matching rescores).

The services send these inside their transaction; a receiver that starts work after the commit
uses `transaction.on_commit`. Nothing here knows who listens: the listeners connect themselves
in their AppConfig.ready (placement/matching/apps.py).
"""

from django.dispatch import Signal

# A registration was verified: the seeker is active from now on. Arguments: seeker.
seeker_verified = Signal()

# A seeker's profile changed. Arguments: seeker, fields (frozenset of the changed field names,
# including "skills" and "preferred_occupations" when those rows were replaced).
seeker_profile_changed = Signal()
