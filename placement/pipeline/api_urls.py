"""API routes of referrals and placements (mounted under /api/v1/)."""

from rest_framework.routers import SimpleRouter

from placement.pipeline.api import PlacementViewSet, ReferralViewSet

router = SimpleRouter()
router.register("referrals", ReferralViewSet, basename="referral")
router.register("placements", PlacementViewSet, basename="placement")

urlpatterns = [*router.urls]
