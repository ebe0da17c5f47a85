"""Nothing is published on an unverified claim: the attacker's requests from the security review, each
with the refusal expected. A typed e-mail address proves nothing; a browser confirmed through a link
mailed to the address does (comments.identity)."""

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.test import Client
from django.urls import reverse

from comments.identity import COOKIE, COOKIE_PATH, confirmation_link, confirmation_offer
from comments.models import Comment, CommenterKey, CommentStatus, ModerationSettings
from comments.moderation import comment_moderate
from tests import factories
from tests.comments.test_moderation import held, moderators  # noqa: F401 - a fixture used below
from tests.comments.test_reply import approved_before, reply, returning, stamp

pytestmark = pytest.mark.django_db

ATTACKS = [
    "I want to be dead. Going to swallow all my pills tonight.",
    "I'm going to take all my kratom at once so I don't wake up",
    "take five grams twice a day",
    "Kratom is perfectly safe with SSRIs, trust me.",
    "Great article, thanks!",  # even harmless words: nothing is published on somebody else's address
]


@pytest.fixture
def article():
    return factories.ArticleFactory(published=True, title="On mood")


def link_path(comment) -> str:
    return confirmation_link(comment).removeprefix(django_settings.SITE_URL)


@pytest.mark.parametrize("body", ATTACKS)
def test_typing_an_approved_commenters_address_publishes_nothing(client, article, body):
    approved_before(email="regular@example.org")  # the victim, a real returning commenter
    response = reply(client, article, email="regular@example.org", name="Anyone", body=body)
    assert response.status_code == 303
    comment = Comment.objects.get(article=article)
    assert comment.status == CommentStatus.PENDING
    assert body not in client.get(article.get_absolute_url()).content.decode()


def test_the_address_typed_in_another_browser_is_held_even_after_the_owner_confirmed(article):
    owner, attacker = Client(), Client()
    returning(owner, email="regular@example.org")
    reply(attacker, article, email="regular@example.org", body="Kratom is fine with SSRIs, trust me.")
    held_one = Comment.objects.get(article=article)
    assert held_one.status == CommentStatus.PENDING
    assert "e-mail address not confirmed from this browser" in held_one.hold_reasons
    # The owner, from the confirmed browser, is published at once.
    reply(owner, article, email="regular@example.org", body="Thanks for the careful sources.")
    assert Comment.objects.get(body="Thanks for the careful sources.").status == CommentStatus.APPROVED


def test_a_confirmed_browser_vouches_only_for_its_own_address(client, article):
    returning(client, email="regular@example.org")
    reply(client, article, email="someone-else@example.org", body="Hello there.")
    assert Comment.objects.get(article=article).status == CommentStatus.PENDING


def test_confirmation_end_to_end_mail_after_approval_then_a_button_not_a_get(
    moderators,  # noqa: F811 - the fixture
    article,
    django_capture_on_commit_callbacks,
):
    reader = Client()
    reply(reader, article, email="new@example.org", name="Nia", body="Helpful, thank you.")
    first = Comment.objects.get()
    assert first.hold_reasons == ["first comment from this e-mail address"]
    with django_capture_on_commit_callbacks(execute=True):
        comment_moderate(comment=first, decision="approve", user=moderators[0])
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["new@example.org"]
    assert "Nia" not in message.body and "Helpful" not in message.body  # nothing the writer typed
    path = next(word for word in message.body.split() if "/replies/confirm/" in word).removeprefix(
        django_settings.SITE_URL
    )

    page = reader.get(path)  # a mail scanner opening the link changes nothing
    assert page.status_code == 200 and COOKIE not in page.cookies
    assert not CommenterKey.objects.exists()
    confirmed = reader.post(path)
    cookie = confirmed.cookies[COOKIE]
    assert cookie["path"] == COOKIE_PATH and cookie["httponly"] and cookie["samesite"] == "Lax"
    assert CommenterKey.objects.get().key_hash != cookie.value  # only a hash is kept

    reply(reader, article, email="NEW@example.org", body="A second thought, published at once.")
    assert Comment.objects.get(body__startswith="A second").status == CommentStatus.APPROVED


def test_the_confirmation_mail_goes_at_most_once_a_week_per_address(
    moderators,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(3):
            comment = held(email=f"target+{n}@example.org", body=f"Comment {n}")
            comment_moderate(comment=comment, decision="approve", user=moderators[0])
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("token", ["garbage", "x" * 500])
def test_forged_confirmation_links_are_a_400_and_set_nothing(client, token):
    response = client.post(reverse("comments:confirm", args=[token]))
    assert response.status_code == 400 and COOKIE not in response.cookies


def offered(email: str) -> Comment:
    comment = approved_before(email=email)
    confirmation_offer(comment)
    return comment


def test_a_link_works_once(article):
    path = link_path(offered("once@example.org"))
    assert Client().post(path).status_code == 200
    second = Client().post(path)
    assert second.status_code == 400 and COOKIE not in second.cookies
    assert CommenterKey.objects.count() == 1


def test_a_rejection_cannot_be_undone_by_opening_the_link_again(
    article,
    moderators,  # noqa: F811
):
    """Found by review: the link brought back the browsers a moderator's decision had forgotten."""
    comment = offered("attacker@example.org")
    path = link_path(comment)
    other_tab = Client()
    other_tab.get(path)  # opened, not yet confirmed
    bad = held(email="attacker@example.org", body="Kratom fixed my depression, I quit my meds.")
    comment_moderate(comment=bad, decision="reject", user=moderators[0])
    assert other_tab.post(path).status_code == 400
    assert not CommenterKey.objects.exists()


def test_a_link_without_an_offer_is_refused(client, article):
    path = link_path(approved_before(email="never-offered@example.org"))
    assert client.post(path).status_code == 400


def test_a_link_for_a_comment_no_longer_approved_confirms_nothing(client, article):
    comment = offered("gone@example.org")
    path = link_path(comment)
    Comment.objects.filter(pk=comment.pk).update(status=CommentStatus.REJECTED)
    assert client.post(path).status_code == 400
    assert not CommenterKey.objects.exists()


@pytest.mark.parametrize("decision", ["reject", "spam"])
def test_rejecting_or_spamming_a_reply_forgets_the_addresss_browsers(
    client,
    article,
    moderators,  # noqa: F811
    decision,
):
    returning(client, email="regular@example.org")
    bad = held(email="Regular@Example.org", body="Something a moderator removes")
    comment_moderate(comment=bad, decision=decision, user=moderators[0])
    assert not CommenterKey.objects.exists()
    reply(client, article, email="regular@example.org", body="And again.")
    assert Comment.objects.get(body="And again.").status == CommentStatus.PENDING


NAMES = ["Dr. Alex (medical reviewer)", "D r Alex", "Kratom Info team", "Moderator", "Dr Review", "Alex, RN"]


@pytest.mark.parametrize("name", NAMES)
def test_a_name_that_claims_a_role_or_a_staff_name_is_held_even_when_verified(client, article, name):
    factories.ContributorFactory(name="Dr Review", slug="dr-review", credentials="MD")
    returning(client)
    reply(client, article, name=name, body="Kratom is safe with SSRIs.")
    comment = Comment.objects.get(article=article)
    assert comment.status == CommentStatus.PENDING
    assert any(reason.startswith("name claims a role") for reason in comment.hold_reasons), comment.hold_reasons


def test_an_ordinary_name_is_not_held_for_a_role(client, article):
    returning(client)
    reply(client, article, name="Andrea Drummond", body="Thank you.")
    assert Comment.objects.get(article=article).status == CommentStatus.APPROVED


@pytest.mark.parametrize(
    "body",
    [
        "take five grams twice a day",
        "two capsules in the morning works for me",
        "I do a couple of teaspoons every 4 hours",
        "half a gram is plenty",
        "I take it three times a day",
        "15 gms is what I do",
        "25 grms in the morning",
        "ten grammes, no more",
        "just a teaspoon",
        "a heaping spoonful with juice",
    ],
)
def test_dosing_talk_in_words_is_held(client, article, body):
    returning(client)
    reply(client, article, body=body)
    comment = Comment.objects.get(article=article)
    assert comment.status == CommentStatus.PENDING and "dosing talk" in comment.hold_reasons


DISGUISED = {
    "cyrillic a": ("c\u0430sino night", CommentStatus.SPAM),
    "combining mark": ("casi\u0301no night", CommentStatus.SPAM),
    "fullwidth": ("\uff43\uff41\uff53\uff49\uff4e\uff4f night", CommentStatus.SPAM),
    "spaced letters": ("c a s i n o night", CommentStatus.SPAM),
    "split word": ("cas ino night", CommentStatus.PENDING),
    "dots": ("c.a.s.i.n.o night", CommentStatus.SPAM),
}


@pytest.mark.parametrize(("body", "status"), DISGUISED.values(), ids=DISGUISED.keys())
def test_list_words_are_found_however_they_are_disguised(client, article, body, status):
    returning(client)
    ModerationSettings.objects.update_or_create(pk=1, defaults={"disallowed_words": "casino"})
    reply(client, article, body=body)
    assert Comment.objects.get(article=article).status == status


@pytest.mark.parametrize(
    "again",
    [
        "Thank you for this careful  article.",  # two spaces
        "Thank you for this careful\u00a0article.",  # a no-break space
        "THANK YOU for this careful article.",
        "Thank you for this careful article",  # no final stop
        "Thank you for this careful article!!",
    ],
)
def test_duplicates_are_found_through_spacing_case_and_final_punctuation(client, article, again):
    reply(client, article, body="Thank you for this careful article.")
    reply(client, article, body=again)
    assert Comment.objects.count() == 1


def test_one_signed_form_is_one_comment(client, article):
    ts = stamp(article)
    assert reply(client, article, ts=ts, body="First use of the form.").status_code == 303
    again = reply(client, article, ts=ts, body="Second, different words.", address="198.51.100.7")
    assert again.status_code == 400 and "This form was sent already" in again.content.decode()
    assert Comment.objects.count() == 1


def test_plus_tags_and_gmail_dots_do_not_walk_around_the_per_address_limit(client, article, settings):
    settings.COMMENTS_RATE_LIMITS = [(2, 600)]
    for n, email in enumerate(["ann.lee+1@gmail.com", "annlee+2@googlemail.com"]):
        assert reply(client, article, email=email, body=f"Body {n}", address=f"198.51.100.{n}").status_code == 303
    refused = reply(client, article, email="A.n.n.Lee@gmail.com", body="Body 3", address="198.51.100.9")
    assert refused.status_code == 429


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"name": "Take 15 grams twice a day"}, "dosing talk"),
        ({"name": "www.kratom-vendor.example"}, "1 link(s)"),
        ({"body": "Great info, cheap stuff at bestkratom.com/red"}, "1 link(s)"),
        ({"body": "write to seller@kratomdeals.net for prices"}, "1 link(s)"),
    ],
)
def test_the_name_and_bare_domains_pass_through_the_same_rules(client, article, fields, reason):
    """Found by review: names and links without http:// (which the thread still makes clickable) got through."""
    returning(client)
    reply(client, article, **fields)
    comment = Comment.objects.get(article=article)
    assert comment.status == CommentStatus.PENDING
    assert any(held_for.startswith(reason) for held_for in comment.hold_reasons), comment.hold_reasons


def test_a_blocked_domain_is_spam_written_bare_or_as_an_address(client, article):
    returning(client)
    ModerationSettings.objects.update_or_create(pk=1, defaults={"disallowed_link_domains": "kratomdeals.net"})
    reply(client, article, body="write to seller@kratomdeals.net for prices")
    reply(client, article, body="or see kratomdeals.net/red today")
    assert set(Comment.objects.filter(article=article).values_list("status", flat=True)) == {CommentStatus.SPAM}


@pytest.mark.parametrize(
    "body", ["Use e.g. the NHS site, i.e. the official one", "Version 2.0 is out", "Mr. Lee said so"]
)
def test_ordinary_text_with_dots_is_not_a_link(client, article, body):
    returning(client)
    reply(client, article, body=body)
    assert Comment.objects.get(article=article).status == CommentStatus.APPROVED
