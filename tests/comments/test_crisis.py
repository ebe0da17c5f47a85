import pytest

from comments.crisis import mentions_crisis

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
    assert not mentions_crisis("I have my pills saved up")
    assert mentions_crisis("I have my pills saved up", ["pills saved up"])
