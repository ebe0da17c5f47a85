"""The second net (comments.sensitive): a reply that speaks of death, self-harm or despair in words crisis
detection does not know is still never published automatically, even from a verified returning commenter.

Measured on tests/comments/crisis_heldout_set.py, written blind (without reading either detector). Its
even-numbered sentences were used to tune the second net's word list; the odd-numbered ones never were,
and are the honest figure for text nobody tuned against. The figures are printed in the test summary.
"""

import pytest

from comments.crisis import mentions_crisis
from comments.models import Comment, CommentStatus
from comments.sensitive import needs_a_person
from tests import factories
from tests.comments.crisis_eval_set import CRISIS, LATER_CRISIS, LATER_ORDINARY, ORDINARY
from tests.comments.crisis_heldout_set import HELD_OUT_CRISIS, HELD_OUT_ORDINARY
from tests.comments.test_reply import reply, returning


def held(text: str) -> bool:
    """Whether a verified commenter's reply would wait for a person: urgent, or the second net."""
    return mentions_crisis(text) or needs_a_person(text)


def rate(texts, check) -> float:
    return sum(map(check, texts)) / len(texts)


def flatten(families: dict) -> list[str]:
    return [text for texts in families.values() for text in texts]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "body",
    [
        "everything is set up for tonight",  # no word of death: crisis detection misses it
        "i think i'm done. like done done.",
        "My affairs are in order now. Thanks for the article.",
        "\U0001f480 that's the plan",
    ],
)
def test_what_crisis_detection_misses_is_still_held_from_a_verified_commenter(client, body):
    article = factories.ArticleFactory(published=True)
    returning(client)
    response = reply(client, article, body=body)
    comment = Comment.objects.get(article=article)
    assert comment.status == CommentStatus.PENDING
    assert "speaks of death, self-harm or despair: a person reads it first" in comment.hold_reasons
    if not comment.is_urgent:  # the writer is told it is held, not sent to the crisis page
        assert response["Location"].endswith("?reply=held#comments")


@pytest.mark.django_db
def test_an_ordinary_reply_from_a_verified_commenter_is_still_published(client):
    article = factories.ArticleFactory(published=True)
    returning(client)
    reply(client, article, body="The section on tapering with my GP was really clear, thank you.")
    assert Comment.objects.get(article=article).status == CommentStatus.APPROVED


def test_measured_on_the_blind_held_out_set(crisis_report):
    untouched_crisis, untouched_ordinary = HELD_OUT_CRISIS[1::2], HELD_OUT_ORDINARY[1::2]
    tuned_crisis, tuned_ordinary = HELD_OUT_CRISIS[0::2], HELD_OUT_ORDINARY[0::2]
    evaluation_crisis, evaluation_ordinary = (
        flatten(CRISIS) + flatten(LATER_CRISIS),
        flatten(ORDINARY) + flatten(LATER_ORDINARY),
    )
    rows = [
        ("evaluation set (tuned on)", evaluation_crisis, evaluation_ordinary),
        ("held-out, even half (tuned the second net)", tuned_crisis, tuned_ordinary),
        ("held-out, odd half (never tuned on)", untouched_crisis, untouched_ordinary),
    ]
    crisis_report.append("held for a person (urgent, or the second net) vs urgent alone:")
    for name, crisis, ordinary in rows:
        urgent = f"urgent {rate(crisis, mentions_crisis):.0%} / {rate(ordinary, mentions_crisis):.0%}"
        crisis_report.append(
            f"  {name:<44} held {rate(crisis, held):.0%} of {len(crisis)} crisis, "
            f"{rate(ordinary, held):.0%} of {len(ordinary)} ordinary; {urgent}"
        )
    # Floors a change must not go below (measured on 2026-11-29: 100% / 99% / 77%).
    assert rate(evaluation_crisis, held) >= 0.98
    assert rate(tuned_crisis, held) >= 0.95
    assert rate(untouched_crisis, held) >= 0.75
    assert rate(untouched_ordinary, mentions_crisis) <= 0.05  # urgent stays precise on text nobody tuned on


@pytest.mark.parametrize(
    "body",
    [
        "I will end my Iife tonight",  # a capital I for an l
        "I want to end my 1ife",
        "I want to kil1 myself",
        "I want to k1II myself",
        "gonna unaIive myself",
        "I want to end myseIf",
        "I will sIit my wrists",
        "seIf harm again",
        "I want to \U0001f1e9\U0001f1ee\U0001f1ea",  # regional-indicator letters
        "I want to \u0257ie",  # d with a hook
        "s\u057dicide",  # Armenian u
        "I want to stop living",
        "Tomorrow I wont exist",
    ],
)
def test_the_reviewers_disguises_are_never_published_automatically(body):
    """Found by the review of this change: each of these was published at once from a verified commenter."""
    assert held(body)
