"""Crisis language: a comment that may be a cry for help is urgent, never published automatically.

The patterns are deliberately broad: a false alarm costs a moderator a minute;
a miss could cost far more. Admins add their own phrases in ModerationSettings.
"""

import re
import unicodedata

# Written against normalised text: lower case, straight apostrophes dropped ("dont"), single spaces.
CRISIS_PATTERNS = [
    r"\bsuicid",  # suicide, suicidal
    r"\bkill(ing|ed)? (my ?self|me)\b",
    r"\b(end|ending|ended|take|taking|took) (it all|my (own )?life|everything)\b",
    r"\bend (it|things)\b( all| now| tonight| today| soon)",
    r"\b(want|wanted|wanting|wish|going|ready|need) to die\b",
    r"\bwish i (was|were|had never been|wasnt|werent) (dead|born|alive|here)\b",
    r"\bbetter off (dead|without me|if i (was|were) gone)\b",
    r"\b(no|nothing to|no more) reasons? (to|for) (live|living|go on|keep going|stay)\b",
    r"\bdont want to (live|be alive|be here|exist|wake up|go on)( anymore)?\b",
    r"\b(cant|cannot|can not) (go on|take (it|this) anymore|keep going|do this anymore)\b",
    r"\bself[ -]?harm",
    r"\b(hurt|hurting|harm|harming|cut|cutting|burn|burning) (my ?self|myself)\b",
    r"\boverdos(e|ing) (on purpose|deliberately|intentionally)\b",
    r"\b(plan|planning|planned) (to|on) (end|ending|kill|killing|overdosing|overdose)\b",
    r"\b(never|not) wake up\b",
    r"\bno (point|reason) (in )?(living|being alive|going on|carrying on)\b",
    r"\b(life|living) (is|isnt|feels) (not )?(worth living|pointless|not worth it)\b",
    r"\bnot worth living\b",
    r"\bdisappear forever\b",
    r"\bgoodbye (everyone|world|forever|cruel world)\b",
    r"\bunalive\b",
    r"\bjump (off|from) (a|the) (bridge|building|roof)\b",
    r"\bhang(ing)? my ?self\b",
    r"\b(im|i am) (a )?burden\b",
    r"\bwhats the point of (living|anything|going on)\b",
    r"\b(wanna|gonna|want to|going to) (die|end it|end myself|kill myself|disappear)\b",
    r"\bkms\b",
    r"\brather be dead\b",
    r"\b(thinking about|thinking of|think about) (ending|killing|hurting) (it|myself|my life)\b",
    r"\bending it\b",
    r"\bcant live (like this|with this|anymore)\b",
    r"\b(going to|gonna|want to|will) (overdose|od)\b",
    r"\btake all (my|the|of my) (pills|tablets|meds|medication)\b",
    r"\b(want|need) (it|everything) (all )?to (be over|end|stop)\b",
    r"\bnobody (would|will) (miss|care about) me\b",
    r"\b(dont|cant|do not|cannot) see (a|any) way out\b",
    r"\bend myself\b",
]
_COMPILED = [re.compile(pattern) for pattern in CRISIS_PATTERNS]


def normalise(text: str) -> str:
    """Lower case, compatibility-folded, apostrophes dropped, punctuation and spaces collapsed."""
    text = unicodedata.normalize("NFKC", text or "").lower()
    # Invisible formatting characters (zero-width spaces and joiners) must not split a phrase.
    text = "".join(character for character in text if unicodedata.category(character) != "Cf")
    text = re.sub("['\u2019\u2018`\u00b4]", "", text)  # apostrophes of every kind
    text = re.sub(r"[^\w\s]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def mentions_crisis(text: str, extra_phrases: list[str] | tuple = ()) -> bool:
    """True when the text may speak of suicide, self-harm or wanting to die."""
    normalised = normalise(text)
    if any(pattern.search(normalised) for pattern in _COMPILED):
        return True
    return any(phrase and normalise(phrase) in normalised for phrase in extra_phrases)


def post_mentions_crisis(data) -> bool:
    """Whether a posted reply (name or body, as sent, valid or not) may speak of a crisis."""
    from .models import ModerationSettings  # models import nothing from here; this keeps it that way

    policy = ModerationSettings.current()
    extra = policy.lines(policy.crisis_phrases)
    return any(mentions_crisis(str(data.get(field, ""))[:20_000], extra) for field in ("name", "body"))
