"""The review gate, end to end, with a real login per role through the admin login form."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from editorial.models import Revision, RevisionStatus, Status, TransitionLog
from editorial.roles import EDITOR, REVIEWER, setup_roles
from editorial.workflow.services import WorkflowError, content_approve, content_schedule, content_submit
from strains.models import StrainProfile
from tests import factories
from tests.editorial.workflow_helpers import PASSWORD, article_form, change_url, login, transition_url

pytestmark = pytest.mark.django_db


def test_roles_are_set_up_after_migrate_and_idempotently():
    assert setup_roles() == []
    editor = Group.objects.get(name=EDITOR)
    codenames = set(editor.permissions.values_list("codename", flat=True))
    assert {"submit_content", "change_article", "view_riskitem"} <= codenames
    assert "review_content" not in codenames
    # Items are archived, never deleted; only child rows (a repealed law's fact, a withdrawn effect) may go.
    assert {name for name in codenames if name.startswith("delete_")} == {"delete_reportedeffect", "delete_legalfact"}
    reviewer = set(Group.objects.get(name=REVIEWER).permissions.values_list("codename", flat=True))
    assert {"review_content", "retire_content"} <= reviewer
    before = {g.name: set(g.permissions.all()) for g in Group.objects.all()}
    setup_roles()
    assert {g.name: set(g.permissions.all()) for g in Group.objects.all()} == before


def test_staff_without_a_role_see_nothing(django_user_model):
    django_user_model.objects.create_user("loner", password=PASSWORD, is_staff=True)
    client = Client()
    client.post(reverse("admin:login"), {"username": "loner", "password": PASSWORD})
    assert client.get(reverse("admin:index")).status_code == 302  # back to the login page
    assert client.get(reverse("admin:articles_article_changelist")).status_code == 302


def test_a_moderator_sees_no_content(people):
    client = login("moderator")
    assert client.get(reverse("admin:articles_article_changelist")).status_code == 403


def test_an_editor_has_no_publish_action_and_a_forged_publish_is_refused(people, draft):
    client = login("editor")
    changelist = client.get(reverse("admin:articles_article_changelist"))
    actions = [choice[0] for choice in changelist.context["action_form"].fields["action"].choices]
    assert "transition_submit" in actions
    assert "transition_publish" not in actions

    # Submit through the change-form button.
    client.post(transition_url(draft, "submit"), {"note": "Ready"})
    draft.refresh_from_db()
    assert draft.status == Status.IN_REVIEW

    # A forged POST to the publish button, and a forged bulk action, change nothing.
    response = client.post(transition_url(draft, "publish"), {"note": "sneaky"}, follow=True)
    assert "You do not have permission" in response.content.decode()
    client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "transition_publish", "_selected_action": [draft.pk]},
    )
    draft.refresh_from_db()
    assert draft.status == Status.IN_REVIEW
    assert not Article.objects.published().exists()


def test_a_reviewer_publishes_and_is_recorded(people, draft, client):
    content_submit(obj=draft, user=people["editor"])
    reviewer = login("reviewer")
    page = reviewer.get(change_url(draft)).content.decode()
    assert "Approve and publish now" in page
    reviewer.post(transition_url(draft, "publish"), {"note": "Checked claims", "material_change": ""})
    draft.refresh_from_db()
    assert draft.status == Status.PUBLISHED
    assert draft.reviewed_by == people["reviewer"].contributor
    assert timezone.now() - draft.last_reviewed_at < timedelta(minutes=1)
    log = TransitionLog.objects.get(transition="publish")
    assert (log.user, log.from_status, log.to_status, log.note) == (
        people["reviewer"],
        Status.IN_REVIEW,
        Status.PUBLISHED,
        "Checked claims",
    )
    assert client.get(draft.get_absolute_url()).status_code == 200
    assert "Checked claims" in reviewer.get(change_url(draft)).content.decode()  # the log on the admin page


def test_publishing_without_sources_or_by_the_author_is_refused_with_reasons(people):
    author = people["reviewer"].contributor
    article = factories.ArticleFactory(body="No citations here.", author=author, status=Status.IN_REVIEW)
    with pytest.raises(WorkflowError) as refusal:
        content_approve(obj=article, user=people["reviewer"])
    assert any("cites no source" in problem for problem in refusal.value.problems)
    assert any("You are the author" in problem for problem in refusal.value.problems)

    page = login("reviewer").get(transition_url(article, "publish")).content.decode()
    assert "cites no source" in page and "You are the author" in page
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW


def test_a_reviewer_without_credentials_cannot_approve(people, draft):
    people["reviewer2"].contributor.credentials = ""
    people["reviewer2"].contributor.save()
    content_submit(obj=draft, user=people["editor"])
    with pytest.raises(WorkflowError, match="no credentials"):
        content_approve(obj=draft, user=people["reviewer2"])


def test_scheduling_publishes_on_time_with_no_job(people, draft):
    content_submit(obj=draft, user=people["editor"])
    when = timezone.now() + timedelta(hours=2)
    content_schedule(obj=draft, user=people["reviewer"], when=when)
    assert not Article.objects.published().exists()
    assert Article.objects.published(now=when + timedelta(seconds=1)).get() == draft
    with pytest.raises(WorkflowError, match="future"):
        content_schedule(obj=factories.ArticleFactory(status=Status.IN_REVIEW), user=people["reviewer"], when=None)


def test_an_edit_to_live_content_waits_for_review(people, live, client):
    editor = login("editor")
    response = editor.post(change_url(live), article_form(live, body="Corrected claim [@fda]."))
    assert response.status_code == 302
    revision = Revision.objects.get()
    assert revision.status == RevisionStatus.PENDING
    assert "Claim" in client.get(live.get_absolute_url()).content.decode()
    assert "Corrected claim" not in client.get(live.get_absolute_url()).content.decode()

    # The editor cannot publish it; the reviewer (not its author) can.
    assert (
        "Publish this revision"
        not in editor.get(reverse("admin:editorial_revision_change", args=[revision.pk])).content.decode()
    )
    editor.post(reverse("admin:editorial_revision_publish", args=[revision.pk]), {"note": "mine"})
    assert Revision.objects.get().status == RevisionStatus.PENDING

    reviewer = login("reviewer")
    page = reviewer.get(reverse("admin:editorial_revision_change", args=[revision.pk])).content.decode()
    assert "<del>Claim</del><ins>Corrected claim</ins>" in page  # a word-level diff against the live text
    reviewer.post(
        reverse("admin:editorial_revision_publish", args=[revision.pk]),
        {"note": "Corrected the claim", "material_change": "on"},
    )
    assert Revision.objects.get().status == RevisionStatus.PUBLISHED
    html = client.get(live.get_absolute_url()).content.decode()
    assert "Corrected claim" in html
    assert "Updated on" in html and "Corrected the claim" in html  # a material change readers see


def test_the_author_of_a_revision_cannot_publish_it(people, live):
    reviewer = login("reviewer")
    reviewer.post(change_url(live), article_form(live, title="Retitled by the reviewer"))
    revision = Revision.objects.get()
    reviewer.post(reverse("admin:editorial_revision_publish", args=[revision.pk]), {"note": ""})
    assert Revision.objects.get().status == RevisionStatus.PENDING
    assert Article.objects.get().title == "Draft article"


def test_edits_to_a_live_strains_effects_wait_for_review(people, client):
    factories.SourceFactory(key="fda")
    strain = factories.StrainProfileFactory(published=True, body="[@fda]")
    effect = factories.ReportedEffectFactory(strain=strain, effect="Calm (user reports)")
    reviewer = login("reviewer")
    data = {
        "title": strain.title, "slug": strain.slug, "summary": strain.summary, "body": strain.body,
        "vein_colour": strain.vein_colour, "marketed_names": "", "cautions": "", "lock_version": strain.lock_version,
        "effects-TOTAL_FORMS": "1", "effects-INITIAL_FORMS": "1",
        "effects-0-id": effect.pk, "effects-0-strain": strain.pk, "effects-0-effect": "Sleepiness (user reports)",
        "effects-0-claim_kind": "reported", "effects-0-certainty": "not_tested", "effects-0-frequency": "",
        "effects-0-frequency_note": "", "effects-0-source": effect.source_id, "effects-0-order": "0",
        "proposal-note": "Renamed the effect as users report it.",
    }  # fmt: skip
    assert reviewer.post(change_url(strain), data).status_code == 302
    assert list(strain.effects.values_list("effect", flat=True)) == ["Calm (user reports)"]
    revision = Revision.objects.get()
    login("reviewer2").post(reverse("admin:editorial_revision_publish", args=[revision.pk]), {"note": "ok"})
    assert list(StrainProfile.objects.get().effects.values_list("effect", flat=True)) == ["Sleepiness (user reports)"]
    assert "Sleepiness" in client.get(strain.get_absolute_url()).content.decode()


def test_history_diff_and_revert_through_review(people, live, client):
    live.body = "Changed <script>words</script> here [@fda]."
    live.save()
    reviewer = login("reviewer")
    compare = reverse("admin:articles_article_compare", args=[live.pk])
    page = reviewer.get(compare).content.decode()
    assert "<del>Claim</del><ins>Changed &lt;script&gt;words&lt;/script&gt; here</ins>" in page
    assert "&lt;script&gt;" in page and "<script>words" not in page
    assert reviewer.get(compare, {"a": "junk", "b": "1"}).status_code == 400

    old = live.history.order_by("history_date").first()
    reviewer.post(reverse("admin:articles_article_propose_restore", args=[live.pk, old.history_id]))
    revision = Revision.objects.get()
    assert revision.data["fields"]["body"] == "Claim [@fda]."
    assert "Changed" in client.get(live.get_absolute_url()).content.decode()  # live until reviewed
    login("reviewer2").post(reverse("admin:editorial_revision_publish", args=[revision.pk]), {"note": "Restored"})
    assert Article.objects.get().body == "Claim [@fda]."


def test_the_stock_revert_is_disabled(people, live):
    old = live.history.first()
    url = reverse("admin:articles_article_simple_history", args=[live.pk, old.history_id])
    response = login("reviewer").post(url, {"title": "x"})
    assert response.status_code < 500
    assert Article.objects.get().title == "Draft article"
    assert not Revision.objects.exists()


def test_previews_are_staff_only_noindex_and_uncached(people, draft, client):
    url = reverse("admin:articles_article_preview", args=[draft.pk])
    response = login("editor").get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Preview: not published" in html
    assert '<meta name="robots" content="noindex">' in html
    assert "no-cache" in response["Cache-Control"] and response["X-Robots-Tag"] == "noindex"
    assert html.count("data-safety-notice") == 1
    assert client.get(url).status_code == 302  # anonymous: to the login page
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_a_pending_revision_can_be_previewed(people, live):
    login("editor").post(change_url(live), article_form(live, body="Preview me [@fda]."))
    revision = Revision.objects.get()
    html = login("reviewer").get(reverse("admin:editorial_revision_preview", args=[revision.pk])).content.decode()
    assert "Preview me" in html and "Preview: not published" in html
    assert f'id="src-article-{live.pk}-1"' in html


def test_archived_items_answer_410_or_301_to_their_successor(people, live, client):
    live.status = Status.ARCHIVED
    live.save()
    assert client.get(live.get_absolute_url()).status_code == 410
    successor = factories.ArticleFactory(published=True, title="Newer")
    live.superseded_by = successor
    live.save()
    response = client.get(live.get_absolute_url())
    assert (response.status_code, response["Location"]) == (301, successor.get_absolute_url())


def test_revert_restores_many_to_many_values_too(people, live):
    old_topic, new_topic = factories.TopicFactory(name="Old topic"), factories.TopicFactory(name="New topic")
    live.topics.set([old_topic])
    marker = live.history.latest().history_id
    live.topics.set([new_topic])
    live.title = "Retitled"
    live.save()
    historical = live.history.get(history_id=marker)
    login("reviewer").post(reverse("admin:articles_article_propose_restore", args=[live.pk, historical.history_id]))
    assert Revision.objects.get().data["m2m"]["topics"] == [old_topic.pk]


def test_a_browser_style_crlf_resubmission_changes_nothing_but_what_was_edited(people, live):
    live.key_takeaways = "a\nb"
    live.save()
    form = article_form(live, title="New title", body=live.body.replace("\n", "\r\n"), key_takeaways="a\r\nb")
    login("editor").post(change_url(live), form)
    page = login("reviewer").get(reverse("admin:editorial_revision_change", args=[Revision.objects.get().pk]))
    labels = [label for label, _diff in page.context["diffs"]]
    assert labels == ["Title"]
