"""Crisis language: the normaliser, the phrase families, named regressions and the measured evaluation set."""

import time

import pytest

from comments.crisis import FAMILIES, crisis_families, mentions_crisis, normalise, post_mentions_crisis
from comments.models import ModerationSettings
from comments.textnorm import normalise as textnorm_normalise
from comments.textnorm import squash

from .crisis_eval_set import CRISIS as FIRST_CRISIS
from .crisis_eval_set import LATER_CRISIS, LATER_ORDINARY
from .crisis_eval_set import ORDINARY as FIRST_ORDINARY

CRISIS = [
    "I want to die",
    "i just want to die, nothing helps",
    "Some days I wish I was dead",
    "I've been thinking about suicide a lot",
    "Feeling suicidal again tonight",
    "I'm going to kill myself",
    "thinking of killing my self",
    "I want to end it all",
    "I'm planning to end my life",
    "I don't want to live anymore",
    "I dont want to be alive",
    "Everyone would be better off without me",
    "I'd be better off dead",
    "There's no reason to live",
    "I can't go on like this",
    "I can't take it anymore",
    "I've started self-harming again",
    "I keep hurting myself",
    "cutting myself is the only thing that helps",
    "I want to overdose on purpose",
    "I hope I never wake up",
    "There is no point in living",
    "My life is not worth living",
    "Goodbye everyone, this is the last time",
    "I want to unalive myself",
    "I'm a burden to everyone",
    "I WANT TO DIE",
    "I want   to\ndie",
    "I want to d\u200bie",  # a zero-width space inside a word
    "I\u2019m going to kill myself",  # a curly apostrophe
    "i wanna die",
    "kms",
    "I'd rather be dead",
    "I'm thinking about ending it",
    "I can't live like this anymore",
    "I'm going to overdose",
    "I'm going to take all my pills",
    "I want it all to be over",
    "nobody would miss me",
    "I don't see a way out",
    "i want to end myself",
]

HARMLESS = [
    "This article was really helpful, thank you.",
    "I'm dying to know whether the liver study was repeated.",
    "My plant died last winter.",
    "The withdrawal was hard but I'm doing better now.",
    "Has anyone talked to their doctor about stopping?",
    "I killed it at my exam after switching to therapy.",
    "This comment section is dead quiet.",
    "I live in Ohio; is it legal here?",
    "We need more research, not more marketing.",
    "My GP was kind and helped me taper my antidepressant safely.",
    "The end of the article was the best part.",
    "I take my medication every morning.",
    "It's a burden on the health system when products are mislabelled.",
    "Good point about the poison centre data.",
    "Cutting down on coffee helped my sleep.",
    "I want to try CBT; how do I find a therapist?",
    "Life is busy but I am managing.",
    "I hurt my back last week.",
    "Is there any point in asking my pharmacist?",
    "Thanks for not selling anything.",
]


@pytest.mark.parametrize("text", CRISIS)
def test_crisis_language_is_recognised(text):
    assert mentions_crisis(text)


@pytest.mark.parametrize("text", HARMLESS)
def test_ordinary_comments_are_not_flagged(text):
    assert not mentions_crisis(text)


def test_admins_can_add_phrases():
    assert not mentions_crisis("I keep thinking about the long walk home")
    assert mentions_crisis("I keep thinking about the long walk home", ["long walk home"])


def test_admins_phrases_go_through_the_same_normalisation():
    phrase = ["Long Walk Home"]  # an invented euphemism a moderator has seen
    assert mentions_crisis("taking the l0ng w\u0430lk h-o-m-e tonight", phrase)  # leet, Cyrillic a, hyphens
    assert mentions_crisis("taking the LONG   WALK\u200b HOME", phrase)
    assert mentions_crisis("taking the long walk home", ["  long walk home  ", ""])
    assert not mentions_crisis("took the long way home", phrase)
    # Short phrases match whole words only: "od" is not in "good" or "odd".
    assert not mentions_crisis("a good odd day", ["od"])
    assert mentions_crisis("might od later", ["od"])


# Each phrasing the attacker measured as missed, and each disguise named in the issue.
NAMED_MISSES = [
    "thinking about ending things",
    "I'm going to swallow all my pills",
    "nobody would care if I died",
    "I feel like a burden",
    "I've been cutting again",
    "I'm done with life",
    "I want to be dead. Going to swallow all my pills tonight.",
    "I'm going to take all my kratom at once so I don't wake up",
    "I bought a rope",
    "I have my pills saved up",
    "this is my last post, thank you all",
    "I want to k*ll myself",
    "thinking about su1cide",
    "sui cide",
    "sui_cide",
    "I want to unalive myself",
    "kms",
    "sewerslide",
    "I want to catch the bus",
    "i_want_to_die",
    "I want to d\u0456\u0435",  # Cyrillic i and e
    "\u0455u\u0456c\u0456d\u0435",  # Cyrillic s, i, e
    "I want to d\u0336i\u0336e\u0336",  # combining strokes
    "s u i c i d e",
    "k.i.l.l myself",
    "i want to diiiie",
    "kill my$elf",
    "i want to d13",
    "i want to k1ll myself",
]


@pytest.mark.parametrize("text", NAMED_MISSES)
def test_phrasings_once_missed_are_caught(text):
    assert mentions_crisis(text), normalise(text)


@pytest.mark.parametrize(
    "text",
    [
        "this heat is killing me",
        "I'm dying to know",
        "my phone died",
        "kill the process",
        "I could murder a coffee",
        "cut down on kratom",
        "cutting back",
        "I'm done with kratom",
        "end of the article",
        "I take 5 grams twice a day",
        "I cut myself shaving",
        "I take all my pills with breakfast",
        "I said goodbye to kratom",
        "I worry I'm a burden on the NHS",
        "sertraline versus side effects of kratom",  # "versusidefects" once squashed
        "Jesus, I decided to quit",
    ],
)
def test_idioms_and_routine_are_not_crisis(text):
    assert not mentions_crisis(text), crisis_families(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I don\u2019t  want\nto\tgo", "i dont want to go"),  # apostrophes of every kind, any blank
        (
            "\uff4b\uff49\uff4c\uff4c \U0001d426\U0001d432\U0001d42c\U0001d41e\U0001d425\U0001d41f",
            "kill myself",
        ),  # NFKC
        ("\u0455\u0443\u0456c\u0456d\u0435 \u03bf\u03ba", "syicide ok"),  # Cyrillic and Greek lookalikes
        ("\u1d0b\u026a\u029f\u029f", "kill"),  # small capitals
        ("d\u0336i\u0336e\u0336 caf\u00e9", "die cafe"),  # combining marks
        ("k\u200bi\u200dl\u00adl", "kill"),  # zero-width and soft hyphen
        ("s u i c i d e, k.i.l.l, d-i-e, D r Alex", "suicide kill die dr alex"),
        ("i m a burden u r a star", "i m a burden u r a star"),  # three spaced letters stay words
        ("sui_cide k*ll d*e f*ck", "sui cide kill die fck"),
        ("su1cide k1ll d13 $elf d!e self h@rm", "suicide kill die self die self harm"),
        ("diiiie soooo", "die so"),
        ("I took 5 grams, 5g, 0.5g at 3am on the 2nd; B12, 10mg", "i took 5 grams 5g 0 5g at 3am on the 2nd b12 10mg"),
        ("", ""),
    ],
)
def test_normalise_undoes_disguises_and_keeps_numbers(text, expected):
    assert textnorm_normalise(text) == expected
    assert normalise is textnorm_normalise  # rules.py imported it from crisis.py; both names are one function


def test_squash_keeps_letters_reads_digits_and_single_letters():
    assert squash("sui cide") == "suicide"
    assert squash("K i l l   my-self!!") == "kilmyself"
    assert squash("5uicide") == "suicide"  # a token that starts with a digit is a number to normalise...
    assert normalise("5uicide") == "5uicide"  # ...but squash reads every digit
    assert squash("") == ""


def test_stretched_letters_are_read_both_ways():
    assert mentions_crisis("i want to killlll myself")  # a doubled letter stretched
    assert mentions_crisis("i want to diiiie")  # a single letter stretched


def test_crisis_in_the_name_or_body_of_a_post(db):
    ModerationSettings.objects.update(crisis_phrases="long walk home")
    assert post_mentions_crisis({"name": "k m s", "body": "Thanks."})
    assert post_mentions_crisis({"name": "Sam", "body": "Taking the long walk home."})
    assert not post_mentions_crisis({"name": "Sam", "body": "Thanks for the article."})


def test_a_long_post_is_checked_quickly():
    """Every post is checked: 5,000 characters, ordinary or built to make regexes backtrack."""
    ordinary = " ".join(t for texts in FIRST_ORDINARY.values() for t in texts)[:5000]
    hostile = ["i " * 2500, "a.b." * 1250, "k*" * 2500, "i want to " * 500, "x" * 5000, "\u0456" * 5000]
    for text in [ordinary, *hostile]:
        started = time.perf_counter()
        mentions_crisis(text)
        assert time.perf_counter() - started < 0.25, text[:40]


def _merge(*sets):
    merged: dict[str, list[str]] = {}
    for labelled in sets:
        for family, texts in labelled.items():
            merged.setdefault(family, []).extend(texts)
    return merged


CRISIS_SET = _merge(FIRST_CRISIS, LATER_CRISIS)
ORDINARY_SET = _merge(FIRST_ORDINARY, LATER_ORDINARY)


def test_the_evaluation_set_is_big_and_clean():
    crisis = [t for texts in CRISIS_SET.values() for t in texts]
    ordinary = [t for texts in ORDINARY_SET.values() for t in texts]
    assert len(FIRST_CRISIS) >= 6 and sum(map(len, FIRST_CRISIS.values())) >= 170
    assert sum(map(len, FIRST_ORDINARY.values())) >= 170
    assert len(set(crisis)) == len(crisis) and len(set(ordinary)) == len(ordinary)
    assert not set(crisis) & set(ordinary)
    assert set(FIRST_CRISIS) - {"disguised"} <= set(FAMILIES)


def test_recall_and_false_positives_on_the_evaluation_set(crisis_report):
    """Recall >= 95% on crisis sentences, false alarms <= 5% on ordinary ones, overall; printed per family."""
    started = time.perf_counter()
    missed = {family: [t for t in texts if not mentions_crisis(t)] for family, texts in CRISIS_SET.items()}
    flagged = {family: [t for t in texts if mentions_crisis(t)] for family, texts in ORDINARY_SET.items()}
    elapsed = time.perf_counter() - started
    crisis_total = sum(map(len, CRISIS_SET.values()))
    ordinary_total = sum(map(len, ORDINARY_SET.values()))
    recall = 1 - sum(map(len, missed.values())) / crisis_total
    false_positives = sum(map(len, flagged.values())) / ordinary_total
    crisis_report.append(f"recall {recall:.1%} of {crisis_total} crisis sentences; per family:")
    for family, texts in CRISIS_SET.items():
        crisis_report.append(f"  {family:<22} {len(texts) - len(missed[family]):>3}/{len(texts):<3}")
    crisis_report.append(f"false positives {false_positives:.1%} of {ordinary_total} ordinary sentences; per family:")
    for family, texts in ORDINARY_SET.items():
        crisis_report.append(f"  {family:<22} {len(flagged[family]):>3}/{len(texts):<3}")
    crisis_report.extend(f"  missed: {t!r}" for texts in missed.values() for t in texts)
    crisis_report.extend(f"  false alarm: {t!r}" for texts in flagged.values() for t in texts)
    per_post = elapsed / (crisis_total + ordinary_total) * 1000
    crisis_report.append(f"{per_post:.2f} ms per sentence")
    assert recall >= 0.95, missed
    assert false_positives <= 0.05, flagged
    assert all(len(missed[f]) <= len(CRISIS_SET[f]) * 0.15 for f in CRISIS_SET), missed  # no family collapses
