"""Notes on a draft: editors and medical reviewers leave notes on any item, optionally quoting a passage; the
notes show on the item's change form and in notifications, and are resolved, never deleted."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from editorial.models import ItemNote, Notification, NotificationEvent
from editorial.notes import note_add, note_resolve
from editorial.workflow.services import WorkflowError, content_submit
from tests import factories
from tests.editorial.workflow_helpers import change_url, login
from tests.html_checks import elements

pytestmark = pytest.mark.django_db
SITE = "https://kratom.example"


def add_url(obj) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_note_add", args=[obj.pk])


def resolve_url(obj, note) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_note_resolve", args=[obj.pk, note.pk])


@pytest.fixture
def in_review(people, draft):
    draft.body = "Kratom can cause dependence [@fda].\n\nSome people  report\nnausea."
    draft.save()
    return content_submit(obj=draft, user=people["editor"])


# -- the services ---------------------------------------------------------------------------------------


def test_a_reviewer_notes_a_quoted_passage_and_resolves_it_not_the_editor_while_in_review(people, in_review):
    note = note_add(obj=in_review, user=people["reviewer"], body="Which source?", quote="some people report nausea")
    assert (note.content_object, note.author, note.resolved_at) == (in_review, people["reviewer"], None)
    assert note.quote == "some people report nausea"  # found whatever the case and line breaks
    with pytest.raises(PermissionDenied):  # in review the editor cannot act on it: the point stays open
        note_resolve(note=note, user=people["editor"])
    resolved = note_resolve(note=note, user=people["reviewer2"])  # any medical reviewer may
    assert resolved.resolved_by == people["reviewer2"] and resolved.resolved_at is not None
    assert ItemNote.objects.filter(pk=note.pk).exists()  # resolved, not deleted
    with pytest.raises(WorkflowError, match="already resolved"):
        note_resolve(note=note, user=people["reviewer"])


def test_an_editor_resolves_a_reviewers_note_on_a_draft_once_they_can_act_on_it(people, draft):
    note = note_add(obj=draft, user=people["reviewer"], body="Cite the trial.")
    assert note_resolve(note=note, user=people["editor"]).resolved_by == people["editor"]


def test_a_quote_may_be_copied_from_the_preview_as_readers_see_it(people, in_review):
    note_add(obj=in_review, user=people["reviewer"], body="Number it.", quote="dependence [1].")  # rendered
    note_add(obj=in_review, user=people["reviewer"], body="Title?", quote="Draft article")  # any text field


@pytest.mark.parametrize(
    ("body", "quote", "problem"),
    [
        ("   ", "", "cannot be empty"),
        ("Fine", "Kratom cures everything", "not in the item's current text"),
        ("x" * 2001, "", "at most 2000"),
        ("Fine", "body " * 201, "at most 1000"),
    ],
)
def test_an_empty_note_or_a_quote_not_in_the_text_is_refused(people, in_review, body, quote, problem):
    with pytest.raises(WorkflowError, match=problem):
        note_add(obj=in_review, user=people["reviewer"], body=body, quote=quote)
    assert not ItemNote.objects.exists()


def test_a_moderator_may_neither_add_nor_resolve(people, in_review):
    with pytest.raises(PermissionDenied):
        note_add(obj=in_review, user=people["moderator"], body="Hello")
    note = note_add(obj=in_review, user=people["editor"], body="Hello")
    with pytest.raises(PermissionDenied):
        note_resolve(note=note, user=people["moderator"])
    assert ItemNote.objects.get().resolved_at is None


def test_notes_work_on_every_kind_of_item(people):
    items = [
        factories.ArticleFactory(),
        factories.FAQEntryFactory(),
        factories.StrainProfileFactory(),
        factories.RiskItemFactory(),
        factories.PageFactory(),
    ]
    factories.ReportedEffectFactory(strain=items[2], effect="Calm (user reports)")
    quotes = ["body", "body", "Calm (user reports)", "Ask a pharmacist", "body"]  # a strain's effect, a risk's advice
    for item, quote in zip(items, quotes, strict=True):
        note = note_add(obj=item, user=people["reviewer"], body="Check this.", quote=quote)
        note_resolve(note=note, user=people["editor"])
    assert ItemNote.objects.filter(resolved_by=people["editor"]).count() == 5


def test_no_admin_page_or_address_deletes_or_edits_a_note(people):
    from django.contrib import admin
    from django.urls import get_resolver

    assert ItemNote not in admin.site._registry
    names = [name for name in get_resolver().reverse_dict if isinstance(name, str) and "itemnote" in name]
    assert names == []


# -- notifications ----------------------------------------------------------------------------------------


@override_settings(SITE_URL=SITE)
def test_a_note_tells_the_items_people_and_earlier_open_note_writers_after_commit(
    mailed, in_review, django_capture_on_commit_callbacks
):
    earlier = note_add(obj=in_review, user=mailed["reviewer2"], body="First look.")
    resolved = note_add(obj=in_review, user=mailed["reviewer"], body="Done already.")
    note_resolve(note=resolved, user=mailed["reviewer"])
    Notification.objects.all().delete()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        note_add(obj=in_review, user=mailed["reviewer"], body="Source 2 does not say this.", quote="report nausea")
    assert mail.outbox == []  # nothing before the commit
    for callback in callbacks:
        callback()
    # The author (the editor) and the writer of an earlier open note; not the writer, not a resolved note's.
    assert sorted(m.to[0] for m in mail.outbox) == ["editor@example.org", "reviewer2@example.org"]
    message = mail.outbox[0]
    assert "Reviewer Example left a note on “Draft article” (article)." in message.body
    assert "“report nausea”" in message.body and "Source 2 does not say this." in message.body
    assert f"{SITE}/admin/articles/article/{in_review.pk}/change/#item-notes" in message.body
    assert set(Notification.objects.values_list("event", flat=True)) == {NotificationEvent.NOTE_ADDED}
    assert earlier.resolved_at is None


def test_the_writer_alone_on_their_own_item_tells_nobody(mailed, draft, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        note_add(obj=draft, user=mailed["editor"], body="Reminder to myself.")
    assert mail.outbox == [] and not Notification.objects.exists()


# -- the admin --------------------------------------------------------------------------------------------


def test_the_change_form_shows_open_notes_resolved_ones_and_the_form_outside_the_change_form(people, in_review):
    note = note_add(obj=in_review, user=people["reviewer"], body="Which source?", quote="report nausea")
    done = note_add(obj=in_review, user=people["reviewer"], body="Fixed typo.")
    note_resolve(note=done, user=people["reviewer"])
    page = login("reviewer2").get(change_url(in_review)).content.decode()
    panel = page[page.index('id="item-notes"') :]
    assert "Which source?" in panel and "<blockquote" in panel and "report nausea" in panel
    assert "Show resolved (1)" in panel and "Fixed typo." in panel
    forms = [attrs for tag, attrs in elements(page) if tag == "form"]
    actions = [attrs.get("action") for attrs in forms]
    assert add_url(in_review) in actions and resolve_url(in_review, note) in actions
    assert resolve_url(in_review, done) not in actions  # a resolved note offers nothing more
    assert page.index('id="item-notes"') > page.index("</form>")  # after the change form closes


def test_an_editor_adds_a_note_and_a_reviewer_resolves_it_through_the_admin(people, in_review):
    response = login("editor").post(add_url(in_review), {"note-body": "Please look at the intro.", "note-quote": ""})
    assert response.status_code == 302 and response["Location"] == change_url(in_review) + "#item-notes"
    note = ItemNote.objects.get()
    assert (note.author, note.body) == (people["editor"], "Please look at the intro.")
    reviewer = login("reviewer")
    response = reviewer.post(resolve_url(in_review, note), follow=True)
    assert response.status_code == 200 and "Note resolved." in response.content.decode()
    note.refresh_from_db()
    assert note.resolved_by == people["reviewer"]
    response = reviewer.post(resolve_url(in_review, note), follow=True)  # twice: said, not an error page
    assert response.status_code == 200 and "already resolved" in response.content.decode()


def test_a_refused_note_shows_the_change_form_again_with_the_error_and_what_was_typed(people, in_review):
    response = login("reviewer").post(add_url(in_review), {"note-body": "  ", "note-quote": "report nausea"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "cannot be empty" in page and "report nausea" in page and 'id="item-notes"' in page
    response = login("reviewer").post(add_url(in_review), {"note-body": "Hm.", "note-quote": "not there at all"})
    assert response.status_code == 400 and "not in the item" in response.content.decode()
    assert not ItemNote.objects.exists()


def test_a_moderator_is_refused_and_junk_ids_are_not_found(people, in_review):
    note = note_add(obj=in_review, user=people["editor"], body="Hello")
    moderator = login("moderator")
    assert moderator.post(add_url(in_review), {"note-body": "Hi"}).status_code == 403
    assert moderator.post(resolve_url(in_review, note)).status_code == 403
    editor = login("editor")
    other = factories.ArticleFactory()
    assert editor.post(resolve_url(other, note)).status_code == 404  # the note is not on that item
    assert editor.post(f"/admin/articles/article/{in_review.pk}/notes/999999/resolve/").status_code == 404
    assert editor.post("/admin/articles/article/junk/notes/add/", {"note-body": "Hi"}).status_code == 404
    assert editor.post("/admin/articles/article/999999/notes/add/", {"note-body": "Hi"}).status_code == 404
    assert editor.get(add_url(in_review)).status_code == 405
    assert editor.get(resolve_url(in_review, note)).status_code == 405
    assert ItemNote.objects.get().resolved_at is None and ItemNote.objects.count() == 1


def test_a_moderator_who_may_view_a_page_sees_none_of_its_notes(people):
    page = factories.PageFactory()
    people["moderator"].user_permissions.add(*_view_page_permission())
    note_add(obj=page, user=people["editor"], body="On the page.")
    response = login("moderator").get(change_url(page))
    html = response.content.decode()
    assert response.status_code == 200
    assert "On the page." not in html and add_url(page) not in html and 'id="item-notes"' not in html


def test_nobody_is_told_of_a_note_on_an_item_they_cannot_open(mailed, draft, django_capture_on_commit_callbacks):
    from django.contrib.auth.models import Group

    from editorial.roles import EDITOR, MODERATOR

    note_add(obj=draft, user=mailed["editor"], body="An early point.")  # the editor wrote an open note
    moved = mailed["editor"]  # ... then became a moderator
    moved.groups.set([Group.objects.get(name=MODERATOR)])
    with django_capture_on_commit_callbacks(execute=True):
        note_add(obj=draft, user=mailed["reviewer"], body="Private review discussion.")
    assert not Notification.objects.filter(recipient=moved).exclude(actor=moved).exists()
    assert [m for m in mail.outbox if moved.email in m.to] == []
    moved.groups.set([Group.objects.get(name=EDITOR)])  # back on content: told again
    with django_capture_on_commit_callbacks(execute=True):
        note_add(obj=draft, user=mailed["reviewer"], body="Another point.")
    assert Notification.objects.filter(recipient=moved, note="Another point.").exists()


def _view_page_permission():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(codename="view_page", content_type__app_label="editorial")


def test_the_change_views_queries_do_not_grow_with_the_notes(people, in_review):
    note_add(obj=in_review, user=people["editor"], body="Source?", quote="report nausea")
    in_review.body = "Rewritten."  # the quoted passage is gone: the open note says so
    in_review.save()
    client = login("reviewer")
    client.get(change_url(in_review))  # warm the content type and session caches
    with CaptureQueriesContext(connection) as one:
        client.get(change_url(in_review))
    for index in range(6):
        quote = "" if index % 2 else "Draft article"
        note = note_add(obj=in_review, user=people["reviewer2" if index % 3 else "editor"], body="n", quote=quote)
        if index % 2:
            note_resolve(note=note, user=people["reviewer"])
    with CaptureQueriesContext(connection) as many:
        page = client.get(change_url(in_review)).content.decode()
    assert "no longer in the text" in page and "Show resolved (3)" in page
    assert len(many) == len(one), [q["sql"] for q in many.captured_queries]


def test_the_dashboard_lists_say_how_many_notes_are_open_on_each_item(client, people, in_review):
    for body in ("One.", "Two.", "Done."):
        note = note_add(obj=in_review, user=people["reviewer2"], body=body)
    note_resolve(note=note, user=people["reviewer2"])
    client.force_login(people["reviewer"])
    response = client.get(reverse("admin:index"))
    awaiting = next(entry for entry in response.context["worklists"] if entry["name"] == "awaiting_review")
    assert [(row["title"], row["open_notes"]) for row in awaiting["rows"]] == [("Draft article", 2)]
    assert "2 open notes" in response.content.decode()
