from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from employers.signals import vacancy_published
from jobseekers.signals import seeker_profile_changed, seeker_verified


class MatchingConfig(AppConfig):
    name = "placement.matching"
    label = "matching"
    verbose_name = _("Matching")

    def ready(self) -> None:
        """Rescore soon after the seekers' and employers' services announce a change."""
        from placement.matching import hooks  # imports models and tasks: only once apps are ready

        vacancy_published.connect(hooks.on_vacancy_published, dispatch_uid="matching.vacancy")
        seeker_verified.connect(hooks.on_seeker_verified, dispatch_uid="matching.seeker_verified")
        seeker_profile_changed.connect(
            hooks.on_seeker_profile_changed, dispatch_uid="matching.seeker_profile"
        )
