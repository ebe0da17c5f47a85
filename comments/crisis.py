"""Crisis language: a comment that may be a cry for help is urgent, never published automatically.

The text is first folded by comments.textnorm (lookalike letters, leetspeak, spacing, masks,
stretched letters), then matched against the phrase families of comments.crisis_phrases (the data;
this module is the matching). The patterns lean broad: a false alarm costs a moderator a minute; a
miss could cost far more. Admins add their own phrases in ModerationSettings.
tests/comments/crisis_eval_set.py measures recall and false alarms.
"""

import functools
import re

from .crisis_phrases import FAMILIES, SPOKEN_FORMS, SQUASHED_STEMS
from .textnorm import compile_alternatives, forms, normalise, squash, squash_normalised

__all__ = ["FAMILIES", "crisis_families", "mentions_crisis", "normalise", "post_mentions_crisis", "squash"]

_CANON_RE = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, SPOKEN_FORMS), key=len, reverse=True)) + r")\b")
SQUASHED = re.compile(SQUASHED_STEMS)  # looked for in squash(text), where spaces and punctuation are gone

# One regex for every family (see textnorm.compile_alternatives); a match is then told to its family.
_COMPILED = compile_alternatives(FAMILIES.values())
_FAMILY = {family: re.compile("|".join(f"(?:{p})" for p in ps)) for family, ps in FAMILIES.items()}


def _families(folded: tuple[str, ...]) -> list[str]:
    variants = [_CANON_RE.sub(lambda m: SPOKEN_FORMS[m.group()], v) for v in folded]
    if any(_COMPILED.search(v) for v in variants):  # the fast scan; then which families, for the record
        return [family for family, pattern in _FAMILY.items() if any(pattern.search(v) for v in variants)]
    return ["squashed"] if SQUASHED.search(squash_normalised(folded[0])) else []


def crisis_families(text: str) -> list[str]:
    """The phrase families that match the text ("squashed" for a disguised stem), in FAMILIES order."""
    return _families(forms(text))


@functools.lru_cache(maxsize=512)
def _phrase(phrase: str) -> tuple[re.Pattern | None, str]:
    """An admin's phrase, normalised the same way: matched at the start of a word (whole words if
    short), or with spaces and punctuation gone if it has 8 letters or more."""
    wanted = normalise(phrase)
    if not wanted:
        return None, ""
    letters = squash_normalised(wanted)
    bounded = re.compile(rf"\b{re.escape(wanted)}" + (r"\b" if len(wanted) < 4 else ""))
    return bounded, letters if len(letters) >= 8 else ""


def mentions_crisis(text: str, extra_phrases: list[str] | tuple = ()) -> bool:
    """True when the text may speak of suicide, self-harm or wanting to die."""
    folded = forms(text)
    if _families(folded):
        return True
    phrases = [_phrase(p) for p in extra_phrases if p and p.strip()]
    squashed = squash_normalised(folded[0]) if any(letters for _, letters in phrases) else ""
    return any(
        (bounded and any(bounded.search(v) for v in folded)) or (letters and letters in squashed)
        for bounded, letters in phrases
    )


def post_mentions_crisis(data) -> bool:
    """Whether a posted reply (name or body, as sent, valid or not) may speak of a crisis."""
    from .models import ModerationSettings  # models import nothing from here; this keeps it that way

    policy = ModerationSettings.current()
    extra = policy.lines(policy.crisis_phrases)
    return any(mentions_crisis(str(data.get(field, ""))[:20_000], extra) for field in ("name", "body"))
