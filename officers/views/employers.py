"""Officer pages about employers and vacancies (verification queues, imports)."""

urlpatterns: list = []
