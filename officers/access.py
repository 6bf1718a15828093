"""Who may use the officer area."""

from placement.accounts.access import role_required
from placement.accounts.models import Role

OFFICE_ROLES = (Role.OFFICER, Role.SUPERVISOR, Role.NATIONAL, Role.PRIVACY)

# Officers, supervisors, national administrators and the privacy officer; others get 404.
office_required = role_required(*OFFICE_ROLES)
