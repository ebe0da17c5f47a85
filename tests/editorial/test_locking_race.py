"""Two saves based on one version, at the same moment, on PostgreSQL: exactly one is applied."""

import threading

import pytest
from django.db import connection

from articles.models import Article
from editorial.locking import VersionedForm
from tests.editorial.test_locking import opened
from tests.editorial.workflow_helpers import change_url, login

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_two_racing_saves_of_one_version_cannot_both_pass(people, draft, monkeypatch):
    one, two = login("editor"), login("reviewer")
    forms = {one: opened(one, draft), two: opened(two, draft)}
    together = threading.Barrier(2, timeout=10)
    check = VersionedForm.clean

    def clean_together(form):
        together.wait()  # both requests have read the row and validated their fields: now compare versions
        return check(form)

    monkeypatch.setattr(VersionedForm, "clean", clean_together)
    statuses = {}

    def save(client, title):
        try:
            statuses[title] = client.post(change_url(draft), {**forms[client], "title": [title]}).status_code
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(client, title)) for client, title in [(one, "One"), (two, "Two")]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)

    assert sorted(statuses.values()) == [302, 409], statuses
    winner = next(title for title, status in statuses.items() if status == 302)
    article = Article.objects.get()
    assert article.title == winner
    assert article.lock_version == draft.lock_version + 1
