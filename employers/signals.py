"""What the employers' services announce, for the floors above to react to (the matching rescores).

The services send these inside their transaction; a receiver that starts work after the commit
uses `transaction.on_commit`. Nothing here knows who listens: the listeners connect themselves
in their AppConfig.ready (placement/matching/apps.py).
"""

from django.dispatch import Signal

# An officer verified a vacancy: it is published and open to matching. Arguments: vacancy.
vacancy_published = Signal()
