"""Shared helpers for the workflow tests: a real login through the admin form, URLs, form data."""

from django.test import Client
from django.urls import reverse

PASSWORD = "a-long-test-password"


def login(username: str) -> Client:
    client = Client()
    response = client.post(reverse("admin:login"), {"username": username, "password": PASSWORD})
    assert response.status_code == 302, "login through the admin form failed"
    return client


def change_url(obj) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def transition_url(obj, name: str) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_transition", args=[obj.pk, name])


def article_form(article, **changes) -> dict:
    """The change form's data, as if opened now: it carries the version saved now (editorial.locking)."""
    data = {
        "title": article.title,
        "slug": article.slug,
        "summary": article.summary,
        "body": article.body,
        "key_takeaways": article.key_takeaways,
        "author": article.author_id,
        "comments_enabled": "on",
        "topics": [],
        "related_risks": [],
        "related_faqs": [],
        "proposal-note": "An edit in a test.",  # what changed and why: required when the article is live
    }
    if article.pk:
        data["lock_version"] = type(article)._base_manager.get(pk=article.pk).lock_version
    return {**data, **changes}
