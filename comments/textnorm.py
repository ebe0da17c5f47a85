"""Text folding for matching readers' words against phrase lists: crisis language, moderators' words.

normalise() undoes the ways a word gets disguised or mangled, in this order:

1. NFKC (fullwidth, mathematical and circled letters, ligatures) and case-folding;
2. combining marks stripped ("d̶i̶e̶", accents) and invisible format characters dropped (zero-width);
3. lookalike letters from other scripts folded to Latin (Cyrillic, Greek, small capitals);
4. apostrophes dropped ("don't" -> "dont");
5. spaced-out letters joined ("k.i.l.l", "d-i-e", then "s u i c i d e");
6. masked words filled in from a short list ("k*ll" -> "kill"), else the masks dropped;
7. leetspeak in words that start with a letter ("su1cide", "k1ll", "d13", "$elf", "d!e"); a
   token that starts with a digit is a number and stays one ("5 grams", "5g", "3am");
8. other punctuation and underscores become spaces, runs of 3+ of a letter become one ("diiiie").

The result is lower-case words separated by single spaces. squash() goes further for substring
checks of disguised words: letters only, every digit read as leetspeak, every doubled letter single.

The lookalike table is written here rather than taken from a library: the Unicode confusables data
(e.g. the confusable-homoglyphs package) maps many lower-case Cyrillic letters only to other
non-Latin lookalikes (Cyrillic ka to kra, te to a small capital T), so it would need curating anyway.
"""

# ruff: noqa: RUF001  (the lookalike table is made of ambiguous letters on purpose)
import re
import unicodedata

# Letters that look like Latin ones, after case-folding: (lookalikes, Latin). Fullwidth, mathematical
# and circled letters are already folded by NFKC; these are the ones it leaves alone.
_LOOKALIKES = (
    ("абвгдеёзийклмнопрстухцшщъьѕіїјԁԛԝһӏүөѵғ", "abbrdeeeuuknmhonpctyxuwwbbsiijdqwhlyovf"),  # Cyrillic
    ("αβγδεζηθικμνοπρσςτυχωϲϳ", "abydeznoikuvonpostuxwcj"),  # Greek
    ("ɡᴀʙᴄᴅᴇɢʜɪᴊᴋʟᴍɴᴏᴘǫʀꜱᴛᴜᴠᴡʏᴢıȷɑɩʋłđøħŧƚ", "gabcdeghijklmnopqrstuvwyzijaiuldohtl"),  # small capitals and the like
    ("’‘`´ʼ′", "''''''"),  # apostrophe lookalikes, dropped below
)
_FOLD = str.maketrans(
    *map("".join, zip(*_LOOKALIKES, strict=True)),
    # Armenian, Latin letters with hooks, and regional indicators ("🇩🇮🇪")
) | str.maketrans(
    "սօոհցɗɓƙɦɱɲʂʈƴȥ" + "".join(map(chr, range(0x1F1E6, 0x1F200))), "uonhgdbkhmnstyz" + "abcdefghijklmnopqrstuvwxyz"
)

# "l" written as a capital I, a 1 or a bar ("Iife", "ki||", "kil1", "1ife"): only next to a letter, so
# the pronoun "I" and numbers stay as they are. The digit may stand for "i" or "l", so forms() tries both.
_ELL_NOT_DIGIT = re.compile(r"(?<=[A-Za-z])[I|]|[I|](?=[A-Za-z])")
_ELL_ANY = re.compile(r"(?<=[A-Za-z])[I1|]|[I1|](?=[A-Za-z])")

# Leetspeak: digits inside a word that starts with a letter, and symbols between letters.
_LEET_DIGITS = str.maketrans("013457", "oieast")
_ALL_DIGITS = str.maketrans("0123456789", "oizeasgtbg")  # squash() only: every digit is a letter
_LEET_SYMBOLS = re.compile(r"(?<=[a-z0-9])[!|@€](?=[a-z0-9])|\$(?=[a-z])")
_SYMBOL_LETTER = {"!": "i", "|": "i", "@": "a", "€": "e", "$": "s"}
_LEET_WORD = re.compile(r"\b[a-z][a-z0-9]*[0-9][a-z0-9]*\b")

# Spaced-out letters: 3+ single letters with the same punctuation between them ("k.i.l.l", "d-i-e"),
# or 2 or 4+ between spaces ("D r Alex", "i m", "s u i c i d e"). Three letters between spaces are
# joined only when they spell one of the words below, so that "i m a" and "u r a" stay words.
_SPACED_PUNCT = re.compile(r"(?<![a-z0-9])[a-z]([.\-_*+~/\\|:;,])[a-z](?:\1[a-z]){1,}(?![a-z0-9])")
_SPACED_BLANK = re.compile(r"(?<![a-z0-9])[a-z](?:\s+[a-z](?![a-z0-9])){1,}")
_SPACED_WORDS = {"die", "kms", "cut", "kys", "ctb", "end"}

# Words people mask with asterisks. A masked token that fits one is filled in; otherwise the
# asterisks are dropped ("f*ck" -> "fck").
_MASKABLE = [
    *("kill", "killing", "killed", "die", "dying", "dead", "death", "suicide", "suicidal", "self", "myself"),
    *("harm", "cut", "cutting", "hang", "hanging", "unalive", "overdose", "pills", "end", "life", "rope", "kms"),
]
_MASKED = re.compile(r"(?<![a-z])[a-z]*\*[a-z*]*")

_NOT_WORD = re.compile(r"[\W_]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_HAS_DIGIT = re.compile(r"[0-9]")
_HAS_LEET_SYMBOL = re.compile(r"[!|@€$]")
_STRETCHED = re.compile(r"([a-z])\1{2,}")
_DOUBLED = re.compile(r"([a-z])\1+")
_NOT_LETTER = re.compile(r"[^a-z]+")


def _unmask(match: re.Match) -> str:
    token = match.group()
    if not token.strip("*"):
        return " "
    shape = re.compile("".join("[a-z]" if c == "*" else c for c in token.strip("*")))
    return next((word for word in _MASKABLE if shape.fullmatch(word)), token.replace("*", ""))


def _join_blank(match: re.Match) -> str:
    letters = "".join(match.group().split())
    return letters if len(letters) != 3 or letters in _SPACED_WORDS else match.group()


def _leet(match: re.Match) -> str:
    word = match.group()
    return word if any(c in "26789" for c in word) else word.translate(_LEET_DIGITS)  # "b12", "covid19"


def _unicode(text: str) -> str:
    """Steps 1-3, for text that is not plain ASCII."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    text = _NON_ASCII.sub(lambda m: "" if unicodedata.category(m.group()) in ("Mn", "Me", "Cf") else m.group(), text)
    return unicodedata.normalize("NFC", text).translate(_FOLD)


def _base(text: str) -> str:
    """Steps 1-8 except the collapse of stretched letters. Each step runs only if it could change something."""
    text = (text or "").lower() if (text or "").isascii() else _unicode(text)
    text = _SPACED_PUNCT.sub(lambda m: m.group().replace(m.group(1), ""), text.replace("'", ""))
    if "*" in text:
        text = _MASKED.sub(_unmask, text)
    text = _SPACED_BLANK.sub(_join_blank, text)
    if _HAS_LEET_SYMBOL.search(text):
        text = _LEET_SYMBOLS.sub(lambda m: _SYMBOL_LETTER[m.group()], text)
    if _HAS_DIGIT.search(text):
        text = _LEET_WORD.sub(_leet, text)
    return _NOT_WORD.sub(" ", text).strip()


def forms(text: str) -> tuple[str, ...]:
    """The normalised text, and (if letters were stretched) the same with stretches kept double; and,
    if an "l" may be written as I, 1 or |, the same with those read as "l".

    "diiiie" folds to "die" but "killlll" to "kil": matching both forms catches either word.
    """
    found = []
    for variant in _ell_variants(text or ""):
        base = _base(variant)
        single = _STRETCHED.sub(r"\1", base)
        found += [single] if single == base else [single, _STRETCHED.sub(r"\1\1", base)]
    return tuple(dict.fromkeys(found))


def _ell_variants(text: str) -> list[str]:
    if not _ELL_ANY.search(text):
        return [text]
    return [text, _ELL_NOT_DIGIT.sub("l", text), _ELL_ANY.sub("l", text)]


def normalise(text: str) -> str:
    """Lower-case words separated by single spaces, with disguises undone (see the module)."""
    return _STRETCHED.sub(r"\1", _base(text))


def squash(text: str) -> str:
    """normalise(), then letters only: digits read as leetspeak, doubled letters made single."""
    return squash_normalised(normalise(text))


def squash_normalised(normalised: str) -> str:
    """squash() of text that is already normalised."""
    return _DOUBLED.sub(r"\1", _NOT_LETTER.sub("", normalised.translate(_ALL_DIGITS)))


# Many patterns, one regex. Every alternative of every pattern starts at a word boundary, which is
# checked once; the alternatives are then sorted by the letter they can start with, so that at a word
# start only those are tried. For a 5,000-character post that is about a millisecond instead of ten.
def _alternatives(pattern: str) -> list[str]:
    """A pattern's top-level alternatives, each of which must start at a word boundary."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 1
        elif c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    if not all(part.startswith("\\b") for part in parts):
        raise ValueError(f"every alternative must start with \\b: {pattern}")
    return [part[2:] for part in parts]


_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")


def _first_letters(items) -> tuple[frozenset, bool]:
    """The letters a parsed pattern can start with, and whether it can match nothing (ANY if unsure)."""
    letters: set[str] = set()
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            return frozenset(letters | {chr(av)}), False
        if name == "IN" and all(str(o) in ("LITERAL", "RANGE") for o, _ in av):
            for o, v in av:
                letters |= {chr(v)} if str(o) == "LITERAL" else {chr(c) for c in range(v[0], v[1] + 1)}
            return frozenset(letters), False
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue  # zero width: the next item decides
        if name == "SUBPATTERN":
            first, empty = _first_letters(av[-1])
        elif name == "BRANCH":
            results = [_first_letters(branch) for branch in av[1]]
            first, empty = frozenset().union(*(f for f, _ in results)), any(e for _, e in results)
        elif name in ("MAX_REPEAT", "MIN_REPEAT"):
            first, empty = _first_letters(av[2])
            empty = empty or av[0] == 0
        else:  # \w, ".", a negated set: any letter
            return _LETTERS, False
        letters |= first
        if not empty:
            return frozenset(letters), False
    return frozenset(letters), True


def compile_alternatives(pattern_lists) -> re.Pattern:
    """One regex that matches where any of the patterns (lists of regex strings) matches."""
    by_letter: dict[str, list[str]] = {}
    for alternative in (a for patterns in pattern_lists for p in patterns for a in _alternatives(p)):
        first, empty = _first_letters(re._parser.parse(alternative))
        for letter in _LETTERS if empty else first & _LETTERS:
            by_letter.setdefault(letter, []).append(alternative)
    branches = "|".join(f"(?={c})(?:{'|'.join(alts)})" for c, alts in sorted(by_letter.items()))
    return re.compile(rf"\b(?:{branches})")
