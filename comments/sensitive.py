"""The second net: words of death, self-harm or despair that hold a reply for a person, even from a
verified returning commenter.

Crisis detection (comments.crisis) decides what is *urgent* and sends the writer to help; it has to be
precise, because a false alarm shows a reader crisis lines they did not need. It cannot be complete:
on sentences written after it was built it finds far fewer than on its own evaluation set. A miss must
still never be published automatically, so before any reply is published without a moderator this
broad lexicon is checked on the same folded text. A match only holds the reply ("a person reads it
first"); it is not urgent and the writer is not redirected. Its false alarms cost a moderator a read.
"""

import re

from .textnorm import forms, squash_normalised

_WORDS = [
    # Death and dying, any form.
    r"die|dies|died|dying|dead|death|deaths|deadly|lethal|fatal|funeral|grave|coffin|afterlife|heaven",
    r"kill(?!(?:ed|ing)? it\b|s? for\b| off\b)\w*|suicid\w*|su[ia]?cid\w*|unaliv\w*|sewerslide|kms|kys|ctb",
    r"overdos\w*|od|ods|od(?:ing|ed)",
    r"end (?:it|it all|things|everything|my life|myself|this)|ending (?:it|it all|things|everything|my life)",
    r"(?:not|never) (?:wake|waking) up|sleep forever|permanent (?:solution|sleep)|catch(?:ing)? the bus",
    r"not (?:be )?(?:here|around|alive) (?:anymore|any more|much longer|tomorrow|next week)",
    r"(?:wont|will not|wont be) (?:be )?(?:here|around)|better off without|without me|gone for good",
    # Self-harm and means.
    r"self ?harm\w*|(?:hurt|hurting|harm|harming|cut|cutting|burn|burning|punish|punishing) (?:my ?self|me)",
    r"cutting again|relapsed? (?:on|into) (?:cutting|self ?harm)|scars?|razors?|blades?|noose|hang\w*",
    r"(?<!end of my )(?<!end of the )rope|bridge(?! the gap)|jump(?:ing)? (?:off|from|in front)|gun",
    r"shoot (?:my ?self|me)|poison\w*|bleach|pills|stockpil\w*",
    r"all (?:my|of my|the) (?:pills|meds|tablets|kratom)|(?:saved|saving) up|wrote (?:a|my) (?:note|letter)",
    # Despair, burden, goodbyes.
    r"hopeless\w*|worthless\w*|pointless|no point|no reason|no future|no way out|no hope|nothing left",
    r"give up|giving up|gave up|cant (?:go on|do this|take (?:it|this)|cope|keep going|carry on|live)",
    r"(?:tired|sick|done) (?:of|with) (?:living|life|everything|it all|being|fighting|trying|this)",
    r"burden|trapped|empty inside|numb|despair\w*|want out|escape (?:it all|this|everything|life)",
    r"goodbye|goodbyes|farewell|last (?:post|message|time|words|night|day)|take care of my|my will",
    r"be with (?:my )?(?:grandma|grandpa|nan|mom|mum|dad|mother|father|brother|sister|son|daughter|wife|husband)",
    r"disappear\w*|vanish\w*|wish i (?:was|were|wasnt|werent|had)|never (?:been )?born",
    r"made (?:my|the|a|up my) (?:decision|mind)|this is it|(?:set|all set|ready)(?: up)? for tonight",
    r"done done|im done(?! with)|slit\w*|stop (?:living|existing|breathing)|(?:wont|dont want to|not) exist",
    # Plans, timing and putting things in order, said without a word of death.
    r"(?:going to be|do it|doing it|happen|happens) tonight|after (?:everyone|everybody) (?:is asleep|goes to bed)",
    r"cliffs?|how high|took (?:everything|all of it|them all)|notes? (?:is |are )?written|written (?:a|my) note",
    r"affairs (?:are )?in order|(?:the|my) will\b|life insurance|spare key|giving (?:\w+ )?(?:things|stuff|\w+) away",
    r"deleting (?:all )?my accounts|signing off|sign(?:ing)? off for good|dont wait up|wont (?:be )?need(?:ing)?",
    r"take care of (?:yourselves|everyone|each other)|someone to know|where im going|on earth|last attempt",
    r"something permanent|easy way out|take myself out|out of the picture|(?:dip|check|bow) out of (?:life|this)",
    r"meet (?:jesus|god|my maker)|see (?:my )?\w+ again soon|waiting for me",
    # Hopelessness and burden without the usual words.
    r"nothing (?:is )?(?:ever )?going to (?:get better|change)|stopped pretending|out of fight|no fight left",
    r"(?:has|have|needs?) to end|only way (?:this|the|it|my) (?:\w+ )?(?:stops|ends)|if i stop\b|hope is gone",
    r"until i cant|(?:wasnt|werent|not) around|in the way|(?:no one|nobody|noone) needs me",
    r"easier for (?:them|everyone)",
    # Self-harm without the usual verbs.
    r"cutting deeper|make myself stop|on purpose|feel something|stove|banging my head|punch(?:ed|ing)? (?:the )?wall",
]
_LEXICON = re.compile(r"\b(?:" + "|".join(_WORDS) + r")\b")
# Stems still found once spacing and punctuation are gone ("s u i c i d e", "k.i.l.l m y s e l f").
_SQUASHED = re.compile(r"suicid|sucid|unaliv|sewerslid|kilmyself|endmylife|hangmyself|wantodie|overdos|selfharm")


# Emoji for death that folding removes with the other symbols.
_EMOJI = re.compile("[\U0001f480\u2620\u26b0\U0001faa6\U0001f52a\U0001fa78]")


def needs_a_person(text: str) -> bool:
    """Whether the text speaks, however lightly, of death, self-harm or despair."""
    if _EMOJI.search(text or ""):
        return True
    folded = forms(text)
    return any(_LEXICON.search(variant) for variant in folded) or bool(_SQUASHED.search(squash_normalised(folded[0])))
