"""A new item is written whole before readers are given the content version that includes it."""

import pytest
from django.core.cache import caches

from articles.models import Article
from editorial.content_version import COPY_KEY
from tests import factories


@pytest.mark.django_db(transaction=True)  # autocommit, as a shell, a script or an import outside the admin
def test_a_new_item_is_whole_before_readers_are_given_a_new_version(monkeypatch):
    # The scan's find: Publishable.save() wrote the body's final ids (they carry the primary key, known only
    # after the insert) with .update() after the insert's signal had already started a new version, so a
    # reader in between could cache the page, with broken heading and citation links, under the new version.
    backend = type(caches["default"])
    real_set, seen = backend.set, []

    def spy(self, key, value, *args, **kwargs):  # the content version readers get lives under this key
        if key == COPY_KEY:
            seen.extend(Article._base_manager.values_list("pk", "body_html"))
        return real_set(self, key, value, *args, **kwargs)

    monkeypatch.setattr(backend, "set", spy)
    article = factories.ArticleFactory(published=True, body="## A heading\n\nText.")
    assert any(pk == article.pk for pk, _ in seen)  # readers were given a new version with the article in it
    assert all(f'id="article-{pk}-' in html for pk, html in seen)
