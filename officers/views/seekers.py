"""Officer pages about job seekers (verification queue, case files)."""

urlpatterns: list = []
