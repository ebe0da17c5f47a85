"""The moderation policy, in order. Each rule that fires adds a hold reason.

0. crisis language            -> held as urgent (never spam, never published automatically)
1. disallowed words, names,
   e-mail or link domains     -> spam
2. links at/above threshold   -> held
3. moderation words, dosing
   talk, where-to-buy talk    -> held
4. first comment from this
   e-mail address             -> held
5. "hold everything" switch   -> held
otherwise (a returning commenter tripping nothing) -> published at once
"""

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from .crisis import mentions_crisis, normalise
from .models import CommentStatus, ModerationSettings

LINK_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)
DOSING_RE = re.compile(r"\b\d+(?:[.,]\d+)?\s*(?:g|gs|grams?|gram|mg|milligrams?|kg)\b|\bdos(?:e|es|age|ages|ing)\b")
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
    return [word for word in words if f" {normalise(word)} " in normalised]


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


def moderate(*, body: str, name: str, email: str, returning: bool, policy: ModerationSettings) -> Verdict:
    """Decide a new comment's status and why, by the rules above."""
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
    links = link_domains(body)
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
    for word in _words_in(body, policy.lines(policy.moderation_words)):
        verdict.hold(f"moderation word: {word}")
    normalised = normalise(body)
    if DOSING_RE.search(body.lower()) or DOSING_RE.search(normalised):
        verdict.hold("dosing talk")
    if VENDOR_RE.search(normalised):
        verdict.hold("vendor or where-to-buy talk")
    if not returning:
        verdict.hold("first comment from this e-mail address")
    if policy.hold_everything:
        verdict.hold("all comments are being held")
    return verdict
