"""Crisis phrases: only the data that comments.crisis matches, so a review of the list reads no logic.

Patterns are written against normalised text (see comments.textnorm): lower case, no apostrophes
("dont", "im", "ive"), single spaces, disguises undone. Building blocks first, then the families.
"""

ME = r"(?:my ?self|me)"
SELF = r"(?:my ?self)"
# A wish or a decision, then (after at most two words that are not a negation or "know") a way of
# saying death: "i want to die", "i hope i die", "i wish i would just die", "ready to be gone".
WISH = (
    r"(?:want|wants|wanted|wanting|wish|wishing|wished|hope|hoping|pray|praying|ready|need|needs|deserve|deserves"
    r"|plan|planning|planned|rather|prefer|tempted|decided|trying|try|tried|longing|like)"
)
FILL = r"(?:(?!(?:dont|not|never|wont|doesnt|know|see|if|whether|how|what|when|was|were|felt|thought)\b)\w+ ){0,2}"
DEATH = (
    r"(?:die|dye(?! (?:my|it|the|your|her|his|them|hair|clothes)\b)|be dead|(?:i )?(?:was|were) dead|be gone|end it"
    r"|end it all|end things|end my (?:own )?life|end myself|end everything|kill myself|off myself|not exist"
    r"|stop existing|not be (?:here|alive|around)|(?:disappear|vanish)(?: off the face of the earth)? (?:forever"
    r"|for good|permanently)|sleep forever|go to sleep forever|let go for good|stop breathing)\b(?! (?:with|off"
    r"|between|by|before|from|until|till)\b)"
)
INTENT = (  # words that turn "take all my pills" from a routine into a plan
    r"(?:going to|want to|will|ill|about to|ready to|decided to|plan to|planning to|planning on|thinking (?:of"
    r"|about)|could just|should just|might|might just|need to)"
)
MEANS = (
    r"(?:pills?|tablets?|meds|medications?|medicines?|antidepressants?|painkillers?|sleeping pills|kratom|stash"
    r"|bottle|pack|packet|supply|prescriptions?|it|them)"
)
BODY = r"(?:wrists?|arms?|thighs?|legs?|skin|stomach|hips?|body|throat)"
# Idioms where a self-harm verb is an accident or a chore ("cut myself shaving").
ACCIDENT = r"(?! (?:shaving|cooking|chopping|on (?:a|the|some)|by accident|accidentally|while|lifting|at the gym)\b)"

FAMILIES: dict[str, list[str]] = {
    # The wish or intent to die, said more or less directly.
    "intent": [
        r"\bsuicid",  # suicide, suicidal: any mention is urgent, even "thinking about suicide"
        rf"\bkil+(?:ing|in|ed)? ?{SELF}\b|\boff(?:ing)? {SELF}\b",
        rf"\b{WISH} (?:to |that )?{FILL}(?:just |really |finally |simply )?{DEATH}",
        # "going to die" only with a first-person subject: phones and plants die too.
        rf"\b(?:i|im|ill|me)\b {FILL}(?:going to|about to|will) (?:just )?{DEATH}",
        r"\b(?:ill|i will|going to) (?:just )?(?:end it|end my life|be dead|kill myself)\b(?! (?:tired|serious"
        r"|with)\b)",
        r"\bwish i (?:was|were|had) (?:never (?:been )?born|not born)|\bwish i (?:wasnt|werent) (?:alive|born)",
        r"\bdie in my sleep\b|\b(?:rather|sooner) (?:be )?dead\b|\bfeel like dying\b|\bsix feet under\b"
        r"|\bmy own funeral\b|\bstops? my heart\b",
        r"\b(?:end|ending|ended|take|taking|took) my (?:own )?life\b|\bend my (?:suffering|misery|existence)\b",
        r"\b(?:never|and not|to not|just not|then not) wake (?:back )?up\b(?! (?:before|until|till|early|on time|at"
        r"|rested)\b)",
        r"\b(?:hope|hoping|pray|praying|wish|so|that|then|and|sure|if only"
        r"|what if)(?: that)? (?:i )?(?:just )?(?:dont|wont|never|didnt) wake(?: back)? up\b(?! (?:late|early|at"
        r"|in the|before|until|till|tired|groggy|with|feeling)\b)",
        r"\b(?:dont|do not|not|never) (?:know|sure) if (?:ill|i will|im going to) (?:wake up|survive|make it)\b",
        r"\bdont want to (?:wake up|be alive|be here|exist|go on|keep living|carry on|live|be around)\b(?! (?:in"
        r"|with|near|at|there|on|next|without|off)\b)",
        r"\b(?:no|lost|losing|have no|dont have|zero)(?: the| any| my| all)? (?:will|reason|reasons"
        r"|desire) to (?:live|go on|keep going|be alive|stay alive|carry on|keep living)\b",
        r"\b(?:think|thinking|thought|thoughts|dream|dreaming|fantasi[sz]\w*|imagin\w*)(?: a lot| so much"
        r"| constantly| every day)? (?:about|of) (?:killing (?:my ?self)|taking my (?:own )?life|dying|being dead"
        r"|not being alive|not existing|my (?:own )?funeral|ending my life|not being here|just ending it"
        r"|ending it(?: all)?|crashing my car)\b",
        r"\bthink about is (?:dying|death|ending it|killing myself|not being here)\b",
        r"\b(?:it all|everything|my life|all of it|all of this) to (?:end|be over|stop)\b",
        r"\b(?:it|this|the pain|everything|it all|this all) to (?:end|stop|be over) (?:permanently|forever"
        r"|for good)\b",
        # Death spoken of as a relief: "dying would be a relief", "death seems peaceful", "id be happier dead".
        r"\b(?:dying|death|being dead|not existing|not waking up|not being here|ending it)(?: \w+){0,2} (?:would"
        r"|will|could|seems|sounds|feels|looks|is)(?: \w+)? (?:be )?(?:a |like a |like )?(?:relief|peaceful|nice"
        r"|better|easier|appealing|welcome|blessing|comforting|the only (?:way|option|answer))\b",
        r"\b(?:envy|jealous of) (?:people who (?:are dead|died)|the dead|dead people)\b|\b(?:happier|easier"
        r"|better) dead\b|\bend my pain (?:forever|for good|permanently)\b",
        r"\b(?:didnt|dont|never|wouldnt) wake up\b.{0,40}\b(?:nice|relief|better|peaceful|easier|blessing)\b",
        # A stance towards dying or being alive: "let me die", "i should just die", "why am i even alive".
        r"\b(?:let|should|shouldnt|rather) (?:me |i |just |\w+ ){0,2}(?:die|be dead)\b(?! (?:of|from|laughing)\b)",
        r"\b(?:hate|hating|shouldnt be|dont deserve to be|why am i|bother|tired of being|sick of being"
        r"|regret being)(?: even| still| staying| being)? alive\b|\blooking forward to (?:dying|death"
        r"|it all ending)\b",
        r"\bnot scared of (?:dying|death)\b.{0,30}\blooking forward\b|\bcourage to (?:end it|do it|kill myself|die"
        r"|go through with it)\b",
        r"\b(?:who|anyone|anybody|nobody|no one)(?: \w+){0,3} (?:come|go|show up|turn up) to my funeral\b",
        r"\b(?:wish|hope|pray|praying|want)(?: that)? (?:something|someone|somebody|anyone|god|it|a \w+) (?:would"
        r"|will|could|to) (?:just )?(?:kill|end|take) me\b|\bplease (?:just )?kill me\b|\bkill me please\b",
    ],
    # Plans and means: a method, a time, something saved up or bought. No method is spelled out.
    "plan_means": [
        r"\bswallow(?:ing|ed)?(?: down)? (?:all|every|everything|the whole|the entire|the rest|a whole|a handful"
        r"|handfuls|a bunch)\b",
        rf"\b{INTENT} (?:take|taking|swallow|swallowing|down|eat|neck|chug)(?: \w+)? (?:all|every|the whole"
        rf"|the entire|everything)(?: of)?(?: my| the| these| this| those)?(?: \w+)? {MEANS}\b"
        r"(?! (?:to|back|into|with|for|in the morning|every)\b)",
        r"\b(?:take|taking|took|swallow|swallowing)(?: \w+){0,2} (?:all|every|everything"
        r"|whole)(?: \w+){0,3} (?:at once|in one go|together) (?:so|and|to|tonight|then)\b",
        r"\b(?:take|taking|swallow|swallowing|down|neck|chug|finish)(?: off)? the (?:whole|entire) (?:bottle|pack"
        r"|packet|box|supply|stash)\b(?! of (?:water|wine|juice|soda|coke|beer|vodka)\b)",
        r"\bevery (?:single )?pill\b|\b(?:lethal|fatal|deadly) (?:doses?|amounts?)\b",
        r"\b(?:pills|meds|kratom|bottle|rope|gun)\b.{0,50}\b(?:should|will|would|enough to) do it\b|\btonight i(?:m"
        r"| am)? (?:finally |going to |will )?do it\b|\b(?:finally|going to) do it tonight\b",
        r"\b(?:make|making) (?:it|this|the pain|everything) (?:stop|end) (?:for good|forever|permanently)\b"
        r"|\bsleep and (?:not|never) (?:come back|wake up)\b|\b(?:stand|standing|stood) (?:near|at|on) the edge\b",
        r"\btook (?:a bunch|a lot|a handful|handfuls|too many|loads|all|every one"
        r"|the whole bottle) of (?:my )?(?:pills|tablets|meds|sleeping pills|painkillers)\b"
        r"|\btook all (?:of )?my (?:kratom|stash|sleeping pills|painkillers|antidepressants)\b",
        r"\b(?:saving|saved|stockpil\w*|hoarding|hoarded|stashing|collecting) (?:up )?(?:my |all my |enough "
        r"|of )?(?:\w+ )?(?:pills|meds|tablets|medication|antidepressants|painkillers)\b",
        r"\b(?:pills|meds|tablets|antidepressants|painkillers) (?:saved|stockpiled|hoarded|stashed)(?: up)?\b",
        r"\benough (?:pills|meds|tablets|kratom|painkillers)(?: saved)?(?: up)?(?: now)? to (?:do it|die|end|kill"
        r"|overdose|od|not wake|never wake)",
        r"\bhow many (?:pills|tablets|grams|mg)(?: of \w+)? (?:it would take|would it take|would kill"
        r"|it takes to (?:die|kill)|to (?:die|kill|overdose|od)|is (?:lethal|fatal|deadly))",
        r"\b(?:bought|buy|buying|got|have|found|tied|tie|tying|ordered|get) (?:a|the|some|myself a) (?:rope"
        r"|noose)\b|\bnoose\b|\b(?:to|gonna|wanna|ready to|time to) rope\b",
        r"\b(?:jump|jumping|jumped|leap|leaping|throw myself|throwing myself) (?:off|from|out of|in front of) (?:a"
        r"|the|my|an)? ?(?:bridge|building|roof|cliff|balcony|window|train|traffic|bus|car|truck|tracks|ledge)",
        r"\b(?:going to|ready to|about to|want to|will|ill) jump(?: off| from)?(?: tonight| now| today)?$"
        r"|\b(?:going to|ready to|about to|want to|will|ill) jump (?:off|from|in front of) (?:a|the|my)\b",
        r"\b(?:drive|driving|drove|crash|crashing|steer)(?: my| the)?(?: car| truck)? (?:off|into) (?:a"
        r"|the) (?:bridge|cliff|wall|tree|river|lake|oncoming)",
        r"\b(?:step|stepping|walk|walking|lie down|lying down|throw myself) in front of (?:a|the|one|an|oncoming)\b",
        r"\b(?:standing|stood|sitting|sat|been) (?:on|at) (?:the|a) (?:edge of (?:the|a) )?(?:bridge|ledge|roof"
        r"|edge|cliff)\b|\b(?:walk|walking|swim|swimming) (?:out )?into the (?:sea|ocean|river|lake)\b",
        r"\b(?:gun|pistol|rifle|firearm)\b.{0,60}\b(?:on myself|my head|end it)\b|\b(?:use|using) (?:it|them"
        r"|that) on myself\b",
        r"\b(?:overdos\w*|od) (?:\w+ ){0,3}(?:on purpose|deliberately|intentionally)\b",
        r"\b(?:going to|want to|will|ill|plan to|planning to|planning on|thinking (?:of|about)|try to|ready to"
        r"|decided to) (?:overdose|od)\b",
        rf"\bhang(?:ing|ed)? ?{ME}\b",
        r"\b(?:suicide|goodbye|farewell|last|final) (?:note|letter)\b|\b(?:wrote|written|writing|finished) (?:the"
        r"|my) note\b(?! (?:to|for|about)\b)",
        r"\b(?:picked|set|chose|chosen|pick|have) (?:a|the) (?:date|day)(?: for it\b|(?! (?:for|to|with|of|at|in|on"
        r"|and)\b))|\btonight is the night\b",
        r"\b(?:decided|figured out|know|planned|worked out|chosen|researching|looked up|looking up|googled"
        r"|googling) (?:how|when|where) (?:im going to|im gonna|i will|ill|i would|to|i am going to) (?:do it"
        r"|end it|die|kill myself)\b",
        r"\ba plan\b.{0,40}\bgo through with it\b|\b(?:plan|planning|planned|plotting) (?:my|an) (?:exit|death"
        r"|suicide|way out)\b",
        r"\bbullet (?:in|through) my (?:head|brain|skull)\b|\bshoot(?:ing)? myself\b|\bblow my (?:brains|head) out\b",
        # A means and a moment: "got the pills lined up", "on the roof and im ready", "pills ... for tonight".
        r"\b(?:pills|stash|rope|noose|gun|bullet|blade|razor|bridge|roof|ledge)\b.{0,50}\b(?:tonight im|this is it"
        r"|im ready(?! (?:for|to)\b)|lined up|laid out|counted out|(?:doing|do) it tonight|for tonight)\b",
        r"\b(?:mixed|swallowed|took|downed|taking|take|swallow) (?:everything|all the pills|all my pills"
        r"|all the meds) in (?:the|my) (?:medicine )?(?:cabinet|cupboard|drawer|house)\b|\bswallowed (?:it"
        r"|them) all\b",
        r"\b(?:ways|way|methods|method) to (?:end it|die|kill myself|end my life|do it|overdose)\b",
        r"\b(?:staring|looking|stare|look) at (?:the|my|all the|all my) (?:pills|rope|gun|blade|razor|bottle)\b",
        r"\b(?:have|got) (?:the|a) (?:rope|gun|pills)\b.{0,30}\bpicked out\b",
        r"\b(?:pills|rope|gun|blade|razor)\b.{0,60}\b(?:staring|stare) at\b",
    ],
    # Hopelessness, being a burden, "ending things": indirect, so the widest family.
    "hopeless_burden": [
        r"\bend(?:ing)? (?:it all|things|everything)\b(?! (?:with|off|on|between)\b)",
        r"\b(?:nobody|no one|noone|no body|who)(?: \w+){0,2} (?:care|notice|miss me|mind|be sad"
        r"|cry)(?: \w+){0,3} (?:if|when) (?:i|im) (?:died|dead|die|gone|disappeared|vanished|stopped \w+"
        r"|killed myself|left this world|was gone|were gone|was dead|wasnt (?:here|around|alive)|didnt wake up"
        r"|didnt exist|was no longer)\b",
        r"\bif i (?:was|were|wasnt|werent) (?:gone|dead|not here|not around|not alive|no longer here)\b"
        r"|\bif i (?:died|disappeared|stopped existing|killed myself|was no longer)\b|\b(?:when|after"
        r"|once) im (?:gone|dead)\b(?! (?:on|for|to|away|from)\b)",
        r"\b(?:nobody|no one|noone)(?: would| will)?(?: even| really)? miss me\b",
        r"\b(?:im|i am|feel like|being|become|became|i feel|im just|such) (?:(?!not|never"
        r"|no)\w+ ){0,2}burden\b(?! on (?:the|society|taxpayers|services)\b)",
        r"\bdone (?:with )?(?:life|living|this life|being alive|existing|this world|it all)\b"
        r"|\bdone with everything\b",
        r"\bbetter off (?:dead|gone|not (?:existing|alive|here|being here)|without (?:me|(?:a|an) \w+ like me"
        r"|someone like me))\b|\b(?:everyone|everybody|they|the world|my family|people) (?:would|will"
        r"|d) be better off\b(?! (?:with|if they|knowing|reading|asking|talking)\b)"
        r"|\bbetter off if i (?:\w+ ){0,2}(?:gone|dead|around|here|alive|born)\b|\bbetter (?:off )?without me\b",
        r"\b(?:no|dont see the|dont see any|cant see the|cant see any|lost|theres no|whats the|what is the"
        r"|whats even the|what is even the|is there a|see no|lost all)(?: real| even)? (?:point|reason"
        r"|purpose)(?: in| of| to)? (?:staying alive|being alive|living|going on|existing|life|carrying on"
        r"|keep going|keep living|go on|live|being here|anymore)\b",
        r"\bwhats (?:even )?the point(?: of (?:it all|anything|any of this|trying))?(?: anymore)?$",
        r"\b(?:cant|cannot|can not|dont) see (?:a|any|no)(?: \w+)? way out\b|\bno way out\b",
        r"\b(?:cant|cannot|can not) (?:go on|keep (?:doing this|going|living|doing it)|do (?:this|it) anymore"
        r"|live like this|cope anymore|take (?:it|this|any more) anymore|live with (?:this|myself))\b(?! (?:holiday"
        r"|vacation|a|an|the|with|without|my|about|at|in|to|for|\w+ing)\b)",
        r"\btired of (?:being alive|living|life|existing|fighting to (?:stay|be) alive|being here"
        r"|waking up)\b(?! (?:in|with|at|on|near|paycheck|out of|like that)\b)",
        r"\b(?:dont|do not|cant) see (?:a|any) future\b|\bnothing (?:left )?(?:to live for|left for me)\b",
        r"\b(?:cant|can not|cannot|dont) (?:see|imagine|picture) (?:myself|me) (?:being |still )?(?:alive|here"
        r"|around|living)\b|\bbe (?:here|around|alive) (?:much longer|for much longer|for long)\b",
        r"\b(?:life|living)(?: \w+){0,2} (?:isnt|is not|not|aint) worth (?:living|it)\b|\bnot worth living\b"
        r"|\blife (?:is|feels|seems) (?:meaningless|pointless|hopeless|empty)\b|\bi want out\b(?! of\b)",
        r"\b(?:had|have) enough of (?:everything|life|living|it all|this life|being alive)\b|\b(?:im"
        r"|i am) checking out$",
        r"\b(?:fine|okay|ok|happier|easier|the same) without me\b|\bconvince myself to (?:stay|keep going|live"
        r"|go on|hold on)\b|\bonly (?:thing|reason|one|person) (?:stopping|keeping) me\b(?! from\b)"
        r"|\bwant out of (?:this |my )?life\b|\b(?:dont|cant) (?:want to )?fight (?:anymore|any more)$"
        r"|\bim ready to go$",
        r"\bwaste of (?:space|oxygen|air|skin)\b|\bno hope (?:for me|left)\b|\b(?:lost|given up) all hope\b",
        r"\blife (?:has|holds) no (?:meaning|point|purpose|value)\b|\bno reason (?:for me )?to (?:stay|live|be here"
        r"|keep going|go on|exist|stick around)\b",
        r"\bnot (?:going to )?be (?:here|around|alive) (?:anymore|to see|for much longer|next)\b",
        r"\b(?:wont|will not) be (?:a problem|a burden|around|here|alive"
        r"|bothering anyone)(?: \w+){0,3} (?:much longer|for long|after (?:tonight|today))\b",
        r"\b(?:hopeless|worthless|pointless)(?: \w+){0,6} (?:want|wish)(?: \w+){0,2} (?:to end|to die|to be over)\b",
        r"\b(?:cant|dont think i can|wont|not going to|not gonna) (?:survive|make it through|last) (?:another"
        r"|much longer|the (?:night|week))\b",
        r"\bgive up on (?:life|living|everything)\b|\b(?:dont|do not) want to (?:go on|keep going|carry on)\b"
        r"|\b(?:dont|do not) want (?:this|my) life\b(?! (?:to|back)\b)|\bdont want to do (?:this"
        r"|any of this) anymore\b|\bdont want to do (?:this )?life\b",
        r"\b(?:world|everyone|everybody|family|they) (?:\w+ ){0,2}better (?:off )?without me\b",
        r"\b(?:world|anyone|anybody|nobody|no one|everyone|people|they)(?: \w+)? (?:doesnt|does not|dont"
        r"|wont) need me\b|\bnobody needs me\b|\bdont belong (?:in this world|here|anywhere|on this earth"
        r"|in this life)\b",
    ],
    # Self-harm, now or as an urge. "cut down", "cutting back" and "cut myself shaving" are not.
    "self_harm": [
        r"\bself ?(?:harm|injur|mutilat)",
        rf"\b(?:cutting|cuttin|cut|burn|burning|burned|burnt|hurt|hurting|hitting|hit|punch|punching|scratch"
        rf"|scratching|starve|starving|harm|harming|bruise|bruising|punish|punishing) {SELF}\b{ACCIDENT}",
        rf"\b(?:slash|slashed|slashing|slit|slitting|sliced|slicing|carve|carved|carving) (?:up )?(?:my|{SELF})\b",
        r"\b(?:s h|sh) (?:relapse|again|urges?|scars?|clean)\b|\b(?:relapsed?|urges?|clean from|want to|wanna"
        r"|wanting to) (?:on |to )?(?:s h|sh)\b",
        r"\brelapse\w* (?:on |with |into |back into )?(?:cutting|self harm|sh|hurting myself|cuts)\b",
        r"\b(?:hitting|punching|slapping|scratching) my (?:head|face|arms?|legs?)\b",
        rf"\b(?:burning|cutting|scratching|carving|slashing) my {BODY}\b|\bcarv\w*\b.{{0,30}}\b(?:into"
        rf"|on) my {BODY}\b",
        rf"\b(?:scars|cuts) on my {BODY}\b.{{0,40}}\b(?:more|again|fresh|new)\b",
        rf"\bcutt?(?:ing|in) (?:again|my {BODY})\b|\bcut my (?:wrists?|{BODY} (?:again|on purpose|deep))\b",
        r"\b(?:been|started|start|keep|kept|urge to|want to|wanna|need to|relapsed|relapse) cut(?:ting"
        r"|tin)?\b(?! (?:down|back|out|off|up|it|the|my (?:coffee|dose|hair)|(?!is |was )\w+ (?:down|back))\b)",
        r"\bcutting (?:is|was|helps|has been) (?:the only|what|my)\b",
        rf"\bfresh cuts\b|\bcuts on my {BODY}\b|\b{BODY} (?:are|is) (?:covered in|full of) (?:scars|cuts)\b",
        rf"\b(?:took|take|taking|used|use) (?:a|the|my) (?:razor|blade|knife) (?:to|on) (?:my|{ME})\b",
        rf"\b(?:knife|blade|blades|razor)\b.{{0,60}}\b(?:wrists?|throat|{SELF})\b",
        r"\b(?:keep|kept|hide|hid|have|bought|got)(?: a| the| my)? (?:blade|blades|razor"
        r"|razors)(?: \w+){0,4} (?:for when|in case|to use)\b",
        rf"\b(?:burn\w*|cut\w*|hurt\w*|hit|scratch\w*|bruis\w*|injur\w*) (?:my ?self|my {BODY})(?: \w+){{0,2}} "
        r"on purpose\b",
        r"\b(?:scratch|scratching|pick|picking)(?: at)? my skin (?:until|till|til) (?:it )?bleeds?\b",
        r"\bdeserve to (?:be hurt|suffer|die|feel pain|be punished|bleed)\b|\bdo it (?:to )?myself\b|\b(?:what"
        r"|something) (?:ill|i will|i might|i could|im going to|i am going to|i may) do to myself\b",
    ],
    # Goodbye messages. "goodbye kratom" and "my last comment had a typo" are not.
    "goodbye": [
        r"\b(?:this is|this will be|heres|here is|its)(?: \w+){0,2} (?:last|final) (?:post|message|comment|words)\b",
        r"\b(?:last|final) (?:post|message|words) (?:from me|ever)\b|\bfinal (?:message|words|post)\b(?! (?:of|in"
        r"|on|about|for)\b)",
        r"\blast (?:thing|words|message|post|time) (?:ill|i will|i|im going to) (?:ever )?(?:write|say|post|type"
        r"|send)\b",
        r"\b(?:wrote|writing|written|write|left|leaving) (?:letters|notes|goodbyes?|goodbye letters) (?:to"
        r"|for) (?:everyone|all|my|each|the people|people)\b|\bsorry\b.{0,40}\blove you\b.{0,20}\b(?:bye|goodbye)\b",
        r"\blast (?:time )?(?:you|anyone|youll|you will)(?: \w+){0,2} hear from me\b(?! (?:about|on|regarding)\b)"
        r"|\b(?:wont|will not|never) (?:hear|see) from me again\b",
        r"\bgoodbye (?:everyone|all|everybody|world|forever|cruel world|guys|friends|all of you|for good)\b",
        r"\bsay(?:ing)? (?:my )?goodbyes\b|\b(?:say|saying|to say) goodbye to (?:you all|all of you|everyone"
        r"|everybody|you guys|this (?:community|forum|site|group)|all)\b|\bthis is (?:my )?goodbye\b",
        r"\bsorry for (?:everything|all of it|all the trouble)\b.{0,20}\b(?:goodbye|bye|love you)\b",
        r"\bbefore i (?:go|leave)\b(?! (?:to|back|out|into|on|in|for|and|home|away|shopping)\b)",
        r"\b(?:wont|will not) (?:be )?(?:posting|around|here)(?: \w+){0,2} (?:again|anymore|much longer|for long"
        r"|tomorrow|after (?:tonight|today))\b",
        r"\bby the time (?:anyone|you|someone|somebody|people|you all)(?: \w+){0,2} (?:reads?|sees?) this\b",
        r"\b(?:sad|cry|blame yourselves?|miss me) (?:when|after) (?:im|i am) gone\b|\bfor after im (?:gone|dead)\b",
        r"\b(?:gave|given|giving|give) away (?:all )?my (?:things|stuff|cat|dog|pets?|belongings|possessions)\b"
        r"|\b(?:gave|given|giving|give) (?:all )?my (?:things|stuff|belongings|possessions) away\b",
        r"\btell my (?:mom|mum|dad|mother|father|family|kids|wife|husband|sister|brother|parents|son|daughter"
        r"|girlfriend|boyfriend|partner) (?:that )?(?:i love|im sorry|sorry)\b",
        r"\bwant (?:everyone|you all|you guys|my family|them|you|everybody) to know (?:that )?(?:im sorry|i love"
        r"|it wasnt|i tried)\b",
        r"\bif i dont (?:post|reply|answer|come back|respond|check in)(?: \w+){0,2} you (?:know|will know"
        r"|ll know) (?:why|what happened)\b",
        r"\b(?:this is )?the end (?:for|of) me\b|\bcheck(?:ing)? out (?:for good|permanently|of (?:this world"
        r"|life))\b",
        r"\bfarewell (?:everyone|all|world|friends|guys|everybody)\b|\blove (?:you|you all"
        r"|you guys)\b.{0,30}\bgoodbye\b|\bleft everything to my \w+\b|\bsaid (?:bye|goodbye) to (?:my friends"
        r"|everyone|my family|all my)",
        r"\b(?:sorry|im out|goodbye|bye)\b.{0,40}\btake care of (?:each other|yourselves)\b",
    ],
    # Community euphemisms and shorthand, used to get past filters like this one.
    "euphemism": [
        r"\bun ?aliv",
        r"\bkms\b|\bctb\b|\bsewer ?slid|\btoaster bath\b|\bdirt nap\b|\b(?:eternal|permanent|forever) (?:sleep"
        r"|nap)\b",
        r"\b(?:want|wanna|ready|going|gonna|time|decided|might|thinking about|think about"
        r"|planning)(?: to)? (?:just )?catch(?:ing)? the bus\b(?! (?:to|home|into|from|back|every|each|tomorrow"
        r"|today|later|instead)\b)",
        rf"\bself ?delet|\bdelet(?:e|ing) {ME}\b|\byeet(?:ing)?(?: \w+)? {ME}\b",
        r"\blog(?:ging|ged)? off (?:permanently|for good|forever|from life)\b",
    ],
}

# Spoken and short forms folded before matching, so one pattern covers "wanna"/"want to" etc.
SPOKEN_FORMS = {
    "wanna": "want to", "wana": "want to", "gonna": "going to", "gunna": "going to", "gona": "going to",
    "imma": "im going to", "tryna": "trying to", "cannot": "cant", "can not": "cant", "do not": "dont",
    "does not": "doesnt", "did not": "didnt", "will not": "wont", "i am": "im", "lifes": "life is",
    "u": "you", "ur": "your", "rn": "right now", "tn": "tonight", "tonite": "tonight", "pls": "please",
    "plz": "please", "ppl": "people", "myslef": "myself", "mysef": "myself", "mysel": "myself", "jus": "just",
    "bout": "about", "cuz": "because", "thinkin": "thinking", "endin": "ending", "killin": "killing",
    "dyin": "dying", "hurtin": "hurting", "goin": "going", "feelin": "feeling", "tryin": "trying",
}  # fmt: skip

# Looked for in squash(text), where spaces and punctuation are gone and doubled letters single
# ("sui cide", "i w a n t t o d i e"): only stems that do not occur across ordinary word breaks.
# The second stem is the common misspellings "sucide", "suicde", "suacide" (not "suiside": "versus side").
SQUASHED_STEMS = (
    r"suicid|su[ia]?ci?d(?:e|al)|unaliv|sewerslid|kil(?:ing)?myself|endmylife|hangmyself|wan(?:to|a)die(?!t)"
)
