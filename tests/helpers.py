"""Small helpers shared by test files."""

from django.conf import settings


def english(client):
    """Switch `client` to English the way a person does (the language cookie), and return it."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client
