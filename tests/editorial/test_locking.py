"""Optimistic locking: a save or a revision based on an outdated version is never applied silently.

Each editor's request goes through the admin with a real login. The second save submits what the
re-rendered page shows, as a browser would.
"""

from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article
from editorial.models import Revision, RevisionStatus
from editorial.roles import EDITOR
from editorial.workflow.services import WorkflowError, revision_propose, revision_publish
from tests import factories
from tests.editorial.workflow_helpers import PASSWORD, change_url, login

pytestmark = pytest.mark.django_db


class _FormReader(HTMLParser):
    """What a browser sends for the admin change form: inputs, ticked boxes, textareas, chosen options."""

    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.values = form_id, False, {}
        self._textarea = self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in {"submit", "file", "button"}:
            if attrs.get("type") not in {"checkbox", "radio"} or "checked" in attrs:
                self.values.setdefault(name, []).append(attrs.get("value", "on" if "checked" in attrs else ""))
        elif tag == "textarea" and name:
            self._textarea = name
            self.values[name] = [""]
        elif tag == "select" and name:
            self._select = name
            self.values.setdefault(name, [])
        elif tag == "option" and self._select and "selected" in attrs:
            self.values[self._select].append(attrs.get("value", ""))

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea][0] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None


def form_values(response, form_id: str = "article_form") -> dict[str, list[str]]:
    reader = _FormReader(form_id)
    reader.feed(response.content.decode())
    # A textarea's first newline is markup, not content (as in the browser).
    return {name: [v.removeprefix("\n") for v in values] for name, values in reader.values.items()}


def opened(client, obj) -> dict[str, list[str]]:
    """Open the change form, as an editor's browser does, and return what it would send back."""
    response = client.get(change_url(obj))
    assert response.status_code == 200
    values = form_values(response)
    if values.get("proposal-note") == [""]:  # a live item: the editor says what changed and why
        values["proposal-note"] = ["An edit in a test."]
    assert values["lock_version"] == [str(type(obj).objects.get(pk=obj.pk).lock_version)]
    return values


@pytest.fixture
def editor2(people, django_user_model):
    user = django_user_model.objects.create_user("editor2", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=EDITOR))
    factories.ContributorFactory(name="Second Editor", slug="second-editor", credentials="", user=user)
    return user


def test_two_editors_saving_the_same_draft_the_second_is_refused_with_the_diff(people, draft, editor2):
    one, two = login("editor"), login("editor2")
    form_one, form_two = opened(one, draft), opened(two, draft)

    assert one.post(change_url(draft), {**form_one, "title": ["Corrected title"]}).status_code == 302
    refused = two.post(change_url(draft), {**form_two, "body": ["A better claim [@fda]."]})

    assert refused.status_code == 409
    draft.refresh_from_db()
    assert (draft.title, draft.body) == ("Corrected title", "Claim [@fda].")  # editor 1's title stands
    page = refused.content.decode()
    assert "Writer saved this article after you opened it" in page  # who (their contributor name)
    assert "<del>Draft</del><ins>Corrected</ins> <del>article</del><ins>title</ins>" in page  # what they changed
    assert "<del>Claim</del><ins>A better claim</ins>" in page  # and what you changed
    again = form_values(refused)
    assert again["body"] == ["A better claim [@fda]."]  # nothing the editor typed is lost
    assert again["title"] == ["Corrected title"]  # the field they did not touch now shows the new title
    assert again["lock_version"] == [str(draft.lock_version)]  # re-based on the version now live

    assert two.post(change_url(draft), again).status_code == 302
    draft.refresh_from_db()
    assert (draft.title, draft.body) == ("Corrected title", "A better claim [@fda].")


def test_when_both_change_one_field_the_form_keeps_yours_and_shows_theirs(people, draft, editor2):
    one, two = login("editor"), login("editor2")
    form_one, form_two = opened(one, draft), opened(two, draft)
    one.post(change_url(draft), {**form_one, "summary": ["Their summary."]})

    refused = two.post(change_url(draft), {**form_two, "summary": ["My summary."]})

    assert refused.status_code == 409
    page = refused.content.decode()
    assert "You both changed this" in page
    assert "<ins>Their</ins>" in page and "<ins>My</ins>" in page
    assert Article.objects.get().summary == "Their summary."
    again = form_values(refused)
    assert again["summary"] == ["My summary."]
    # Having seen theirs, saving again is a choice, not an accident.
    assert two.post(change_url(draft), again).status_code == 302
    assert Article.objects.get().summary == "My summary."


def test_two_saves_from_one_form_the_second_is_refused(people, draft):
    """A double submit, or a second tab: the second save is based on a version that is gone."""
    editor = login("editor")
    form = opened(editor, draft)
    assert editor.post(change_url(draft), {**form, "title": ["First"]}).status_code == 302
    assert editor.post(change_url(draft), {**form, "title": ["Second"]}).status_code == 409
    assert Article.objects.get().title == "First"


def test_a_form_without_a_version_is_refused_and_rebased(people, draft):
    editor = login("editor")
    form = {name: values for name, values in opened(editor, draft).items() if name != "lock_version"}
    refused = editor.post(change_url(draft), {**form, "title": ["No version"]})
    assert refused.status_code == 409
    assert Article.objects.get().title == "Draft article"
    assert editor.post(change_url(draft), form_values(refused)).status_code == 302
    assert Article.objects.get().title == "No version"


def test_many_to_many_changes_are_merged_too(people, draft, editor2):
    topic = factories.TopicFactory(name="Withdrawal")
    one, two = login("editor"), login("editor2")
    form_one, form_two = opened(one, draft), opened(two, draft)
    one.post(change_url(draft), {**form_one, "topics": [str(topic.pk)]})

    refused = two.post(change_url(draft), {**form_two, "title": ["Two's title"]})
    assert refused.status_code == 409
    assert "Withdrawal" in refused.content.decode()
    again = form_values(refused)
    assert again["topics"] == [str(topic.pk)]  # their topic, not the empty list the stale form held
    two.post(change_url(draft), again)
    article = Article.objects.get()
    assert (article.title, list(article.topics.all())) == ("Two's title", [topic])


def test_a_stale_form_cannot_make_a_revision_that_reverts_a_published_correction(people, live):
    editor = login("editor")
    stale = opened(editor, live)
    correction = revision_propose(obj=live, user=people["editor"], data={"fields": {"title": "Corrected title"}})
    revision_publish(revision=correction, user=people["reviewer2"])

    refused = editor.post(change_url(live), {**stale, "body": ["Edited claim [@fda]."]})

    assert refused.status_code == 409
    assert not Revision.objects.filter(status=RevisionStatus.PENDING).exists()
    again = form_values(refused)
    assert again["title"] == ["Corrected title"]
    assert editor.post(change_url(live), again).status_code == 302
    revision = Revision.objects.get(status=RevisionStatus.PENDING)
    assert revision.data["fields"] == {"body": "Edited claim [@fda]."}  # the correction is not in it
    login("reviewer2").post(reverse("admin:editorial_revision_publish", args=[revision.pk]), _publish_form(revision))
    article = Article.objects.get()
    assert (article.title, article.body) == ("Corrected title", "Edited claim [@fda].")


def _publish_form(revision, **choices) -> dict:
    live = revision.content_object
    return {"note": "", "live_version": type(live).objects.get(pk=live.pk).lock_version, **choices}


@pytest.fixture
def two_title_revisions(people, live):
    """Two pending revisions of the title, both proposed against the same live version."""
    editor, reviewer = login("editor"), login("reviewer")
    editor.post(change_url(live), {**opened(editor, live), "title": ["Title A"]})
    reviewer.post(change_url(live), {**opened(reviewer, live), "title": ["Title B"], "summary": ["Summary B."]})
    first, second = Revision.objects.order_by("pk")
    assert first.base_version == second.base_version == live.lock_version
    return first, second


def test_the_second_of_two_revisions_of_one_field_asks_the_reviewer(people, two_title_revisions):
    first, second = two_title_revisions
    reviewer2 = login("reviewer2")
    publish = reverse("admin:editorial_revision_publish", args=[second.pk])
    assert (
        reviewer2.post(reverse("admin:editorial_revision_publish", args=[first.pk]), _publish_form(first)).status_code
        == 302
    )
    assert Article.objects.get().title == "Title A"

    revision_page = reviewer2.get(reverse("admin:editorial_revision_change", args=[second.pk])).content.decode()
    assert "changed on the live page since this revision was proposed" in revision_page
    page = reviewer2.get(publish).content.decode()
    assert 'name="resolve_title"' in page
    assert 'name="resolve_summary"' not in page  # nobody else changed the summary: no question

    # Publishing without a choice for the title is refused, and nothing changes.
    reviewer2.post(publish, _publish_form(second))
    assert Revision.objects.get(pk=second.pk).status == RevisionStatus.PENDING
    assert Article.objects.get().title == "Title A"

    # Keep the live title: the rest of the revision is published on top of it.
    assert reviewer2.post(publish, _publish_form(second, resolve_title="live")).status_code == 302
    article = Article.objects.get()
    assert (article.title, article.summary) == ("Title A", "Summary B.")
    second.refresh_from_db()
    assert second.status == RevisionStatus.PUBLISHED
    assert "title" not in second.data["fields"]  # the revision records what was published


def test_the_reviewer_can_confirm_the_revisions_version_field_by_field(people, two_title_revisions):
    first, second = two_title_revisions
    revision_publish(revision=first, user=people["reviewer2"])
    response = login("reviewer2").post(
        reverse("admin:editorial_revision_publish", args=[second.pk]), _publish_form(second, resolve_title="revision")
    )
    assert response.status_code == 302
    assert Article.objects.get().title == "Title B"


def test_a_stale_revision_that_touches_other_fields_publishes_without_fuss(people, live):
    editor = login("editor")
    editor.post(change_url(live), {**opened(editor, live), "title": ["New title"]})
    editor.post(change_url(live), {**opened(editor, live), "body": ["New body [@fda]."]})
    title, body = Revision.objects.order_by("pk")
    reviewer2 = login("reviewer2")
    reviewer2.post(reverse("admin:editorial_revision_publish", args=[title.pk]), _publish_form(title))
    page = reviewer2.get(reverse("admin:editorial_revision_publish", args=[body.pk])).content.decode()
    assert "resolve_" not in page
    assert (
        reviewer2.post(reverse("admin:editorial_revision_publish", args=[body.pk]), _publish_form(body)).status_code
        == 302
    )
    article = Article.objects.get()
    assert (article.title, article.body) == ("New title", "New body [@fda].")


def test_a_reviewers_choices_hold_only_for_the_live_version_they_saw(people, two_title_revisions):
    first, second = two_title_revisions
    revision_publish(revision=first, user=people["reviewer2"])
    seen = _publish_form(second, resolve_title="revision")
    other = revision_propose(obj=Article.objects.get(), user=people["editor"], data={"fields": {"title": "Title C"}})
    revision_publish(revision=other, user=people["reviewer2"])  # while the reviewer was reading

    login("reviewer2").post(reverse("admin:editorial_revision_publish", args=[second.pk]), seen)
    assert Article.objects.get().title == "Title C"
    assert Revision.objects.get(pk=second.pk).status == RevisionStatus.PENDING


def test_services_refuse_a_revision_from_an_outdated_copy_and_an_unconfirmed_overwrite(people, live):
    stale = Article.objects.get(pk=live.pk)
    revision_publish(
        revision=revision_propose(obj=live, user=people["editor"], data={"fields": {"title": "Corrected"}}),
        user=people["reviewer2"],
    )
    stale.title = "Stale edit"
    with pytest.raises(WorkflowError, match="changed since"):
        revision_propose(obj=stale, user=people["editor"], data={"fields": {"title": "Stale edit"}})

    fresh = Article.objects.get(pk=live.pk)
    a = revision_propose(obj=fresh, user=people["editor"], data={"fields": {"summary": "A."}})
    b = revision_propose(obj=fresh, user=people["editor"], data={"fields": {"summary": "B."}})
    revision_publish(revision=a, user=people["reviewer2"])
    with pytest.raises(WorkflowError, match="Summary"):
        revision_publish(revision=b, user=people["reviewer2"])
    revision_publish(revision=b, user=people["reviewer2"], overwrite={"summary"})
    assert Article.objects.get().summary == "B."


def test_saving_and_refusing_cost_the_same_queries_however_many_fields_changed(people, editor2):
    factories.SourceFactory(key="fda")
    counts = {"saved": [], "refused": []}
    for changed in (1, 4):
        article = factories.ArticleFactory(body="Claim [@fda].", author=people["editor"].contributor)
        one, two = login("editor"), login("editor2")
        form_one, form_two = opened(one, article), opened(two, article)
        fields = ["title", "summary", "body", "key_takeaways"][:changed]
        for client, form, kind in [(one, form_one, "saved"), (two, form_two, "refused")]:
            with CaptureQueriesContext(connection) as captured:
                response = client.post(
                    change_url(article), {**form, **{name: [f"{kind} {name} [@fda]"] for name in fields}}
                )
            assert response.status_code == (302 if kind == "saved" else 409)
            counts[kind].append(len(captured))
    assert counts["saved"][0] == counts["saved"][1], counts
    assert counts["refused"][0] == counts["refused"][1], counts


def test_child_rows_that_differ_from_the_saved_ones_are_shown(people, editor2):
    factories.SourceFactory(key="fda")
    strain = factories.StrainProfileFactory(body="[@fda]")
    factories.ReportedEffectFactory(strain=strain, effect="Calm (user reports)")
    one, two = login("editor"), login("editor2")
    opened_one, opened_two = (form_values(c.get(change_url(strain)), "strainprofile_form") for c in (one, two))
    one.post(change_url(strain), {**opened_one, "effects-0-effect": ["Sleepiness (user reports)"]})

    refused = two.post(change_url(strain), {**opened_two, "title": ["Two's title"]})

    assert refused.status_code == 409
    page = refused.content.decode()
    assert "Reported effects" in page and "This differs from the version saved now" in page
    assert "<del>Sleepiness</del><ins>Calm</ins>" in page  # the saved rows against the editor's
