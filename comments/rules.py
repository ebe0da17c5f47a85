"""The moderation policy, in order. Each rule that fires adds a hold reason.

0. crisis language            -> held as urgent (never spam, never published automatically)
1. disallowed words, names,
   e-mail or link domains     -> spam
2. links at/above threshold   -> held
3. moderation words, disguised
   list words, words of death,
   self-harm or despair
   (comments.sensitive), dosing talk,
   where-to-buy talk, a name
   claiming a role            -> held
4. not a verified returning
   commenter (comments.identity):
   a first comment, or an
   address not confirmed
   from this browser          -> held
5. "hold everything" switch   -> held
otherwise (a verified returning commenter tripping nothing) -> published at once

Every check reads text normalised the way a person reads it (comments.textnorm): lookalike letters,
accents, spacing and leetspeak do not hide a word.
"""

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from .crisis import mentions_crisis
from .models import CommentStatus, ModerationSettings
from .sensitive import needs_a_person
from .textnorm import normalise, squash

# What the thread's urlize() turns into a link: http(s):// and www. addresses, bare domains it knows, and
# e-mail addresses. A bare domain or address in a reply is a link to readers, so it counts as one here.
LINK_RE = re.compile(
    r"(?:https?://|www\.)[^\s<>\"']+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?<![\w@.])\w[\w.-]*\.(?:com|edu|gov|int|mil|net|org)\b(?:/[^\s<>\"']*)?",
    re.IGNORECASE,
)
# Amounts written in digits or words ("5g", "five grams", "a couple of capsules"), dose words, and how often.
_AMOUNT = (
    r"(?:\d+(?:[.,]\d+)?|half an?|half|a half|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
    r"twenty|thirty|forty|fifty|hundred|a few|few|several|a couple(?: of)?|couple(?: of)?|a dozen|dozen)"
)
_UNIT = (
    r"(?:g|gs|gr|grams?|gram|grammes?|gms?|grms?|mg|milligrams?|kg|kilos?|oz|ounces?|teaspoons?|tsps?|tablespoons?|tbsps?|spoons?|"
    r"spoonfuls?|scoops?|capsules?|caps|pills?|tablets?|shots?)"
)
DOSING_RE = re.compile(
    rf"\b{_AMOUNT}\s*(?:(?:-|to|or|and a half)\s*{_AMOUNT}?\s*)?{_UNIT}\b"
    r"|\bdos(?:e|es|age|ages|ing)\b"
    r"|\b(?:once|twice|thrice|\d+ times|(?:two|three|four|five) times) (?:a|per|each|every) (?:day|morning|night)\b"
    r"|\bevery \d+ hours\b"
    r"|\b(?:a|an|one|heaping|heaped|level|rounded)\s+(?:(?:heaping|heaped|level|rounded)\s+)?"
    r"(?:teaspoons?|tsps?|tablespoons?|tbsps?|spoons?|spoonfuls?|scoops?)\b"
)
# A display name that claims authority readers would trust (staff and reviewers' names are added at run time).
ROLE_RE = re.compile(
    r"\b(?:dr|doctor|md|phd|pharmd|rn|np|nurse|pharmacist|physician|psychiatrist|psychologist|therapist|"
    r"counsell?or|medical|reviewer|moderator|mod|admin|administrator|editor|staff|official|team|kratom ?info)\b"
)
DISGUISE_MIN_LENGTH = 4  # shorter list words are too often inside ordinary words once spaces are gone
VENDOR_RE = re.compile(
    r"\b(?:buy|buying|order|ordering|purchase|vendors?|sellers?|shop|store|discount|coupon|promo|"
    r"sells?|selling|for sale|where (?:can|do|to) (?:i |you )?(?:get|buy|find))\b"
)


@dataclass
class Verdict:
    status: str = CommentStatus.APPROVED
    urgent: bool = False
    reasons: list[str] = field(default_factory=list)

    def hold(self, reason: str) -> None:
        self.reasons.append(reason)
        if self.status == CommentStatus.APPROVED:
            self.status = CommentStatus.PENDING


def _words_in(text: str, words: list[str]) -> list[str]:
    normalised = f" {normalise(text)} "
    return [word for word in words if normalise(word) and f" {normalise(word)} " in normalised]


def _disguised_words_in(text: str, words: list[str]) -> list[str]:
    """List words found only once spacing and punctuation are gone ("c a s-ino", "cas.ino")."""
    squashed = squash(text)
    return [word for word in words if len(squash(word)) >= DISGUISE_MIN_LENGTH and squash(word) in squashed]


def claimed_role(name: str, protected_names: list[str] | tuple = ()) -> str | None:
    """What authority a display name claims ("dr", a staff member's name), or None."""
    normalised = normalise(name)
    if match := ROLE_RE.search(normalised):
        return match.group(0)
    squashed = squash(name)
    return next((person for person in protected_names if squash(person) and squash(person) in squashed), None)


def link_domains(text: str) -> list[str]:
    domains = []
    for link in LINK_RE.findall(text):
        url = link if "://" in link else f"http://{link}"
        try:
            hostname = urlsplit(url).hostname
        except ValueError:  # a bracketed host that is no IP address: "http://[x"; still a link
            hostname = None
        domains.append((hostname or "").lower().removeprefix("www."))
    return domains


def moderation_verdict(
    *,
    body: str,
    name: str,
    email: str,
    first: bool,
    verified: bool,
    policy: ModerationSettings,
    protected_names: list[str] | tuple = (),
) -> Verdict:
    """Decide a new comment's status and why, by the rules above. Saves nothing: the caller does.

    `first`: no approved comment from this address yet; `verified`: this browser was confirmed for it."""
    verdict = Verdict()
    extra = policy.lines(policy.crisis_phrases)
    if mentions_crisis(body, extra) or mentions_crisis(name, extra):
        verdict.urgent = True
        verdict.hold("crisis language: urgent, read first")

    spam_reasons = [f"disallowed word: {w}" for w in _words_in(body, policy.lines(policy.disallowed_words))]
    spam_reasons += [f"disallowed name: {w}" for w in _words_in(name, policy.lines(policy.disallowed_names))]
    domain = email.rsplit("@", 1)[-1].lower()
    if domain in policy.lines(policy.disallowed_email_domains):
        spam_reasons.append(f"disallowed e-mail domain: {domain}")
    # The name is shown beside the text, so the rules below read both: a name can carry a link or a dose.
    both = f"{name}\n{body}"
    links = link_domains(both)
    blocked = policy.lines(policy.disallowed_link_domains)
    spam_reasons += [
        f"disallowed link domain: {d}" for d in links if any(d == b or d.endswith(f".{b}") for b in blocked)
    ]
    if spam_reasons:
        verdict.reasons += spam_reasons
        # A person in crisis is never filed as spam: a moderator must see them.
        if not verdict.urgent:
            verdict.status = CommentStatus.SPAM
            return verdict

    if links and len(links) >= policy.link_threshold:
        verdict.hold(f"{len(links)} link(s); the limit is {policy.link_threshold}")
    for word in _words_in(both, policy.lines(policy.moderation_words)):
        verdict.hold(f"moderation word: {word}")
    listed = policy.lines(policy.disallowed_words) + policy.lines(policy.moderation_words)
    for word in sorted(set(_disguised_words_in(body, listed)) - set(_words_in(body, listed))):
        verdict.hold(f"disguised list word: {word}")
    for word in sorted(set(_disguised_words_in(name, policy.lines(policy.disallowed_names)))):
        verdict.hold(f"disguised disallowed name: {word}")
    normalised = normalise(both)
    if DOSING_RE.search(both.lower()) or DOSING_RE.search(normalised):
        verdict.hold("dosing talk")
    if VENDOR_RE.search(normalised):
        verdict.hold("vendor or where-to-buy talk")
    if not verdict.urgent and (needs_a_person(body) or needs_a_person(name)):
        verdict.hold("speaks of death, self-harm or despair: a person reads it first")
    if role := claimed_role(name, protected_names):
        verdict.hold(f"name claims a role or a staff name: {role}")
    if first:
        verdict.hold("first comment from this e-mail address")
    elif not verified:
        verdict.hold("e-mail address not confirmed from this browser")
    if policy.hold_everything:
        verdict.hold("all comments are being held")
    return verdict
