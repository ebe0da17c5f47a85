"""Reading settings from the environment (kratom_info/settings.py): booleans, lists, JSON, and the secret key."""

import json
import os

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in TRUE_WORDS


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_json(name: str, default: str = "{}"):
    """A JSON value (e.g. a storage backend's options); ImproperlyConfigured, naming the variable, if it is not JSON."""
    try:
        return json.loads(os.environ.get(name, default))
    except json.JSONDecodeError as error:
        raise ImproperlyConfigured(f"{name} is not valid JSON: {error}") from error


def secret_key(debug: bool, development_key: str) -> str:
    """DJANGO_SECRET_KEY; with debug off it must be set and strong. The development key is public, so it is
    used only with debug on and must never sign anything in production."""
    key = os.environ.get("DJANGO_SECRET_KEY", "")
    if not key:
        if not debug:
            raise ImproperlyConfigured(
                "DJANGO_SECRET_KEY is not set. With DJANGO_DEBUG off a real secret key is "
                "required: generate one with "
                "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`, "
                "or set DJANGO_DEBUG=1 for local development."
            )
        return development_key
    if not debug and (key.startswith("django-insecure") or len(key) < 40 or len(set(key)) < 5):
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is too weak for DJANGO_DEBUG off: use at least 40 random "
            "characters that do not start with 'django-insecure'."
        )
    return key
