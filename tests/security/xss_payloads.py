"""Hostile inputs for the XSS corpus, grouped by the category they come from.

Every payload, if it ever ran, would call alert, confirm, prompt or print, so
the browser tests' trap sees it. Sources are named where a search of public
issue trackers confirmed them; nothing here is an invented advisory id.
Payloads are data only: tests put each one through every field that reaches a
page (Markdown bodies, plain-text titles and summaries, comment names and
bodies, the search query) and check what comes out.
"""

from dataclasses import dataclass

B64_SCRIPT = "PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="  # <script>alert(1)</script>
B64_SVG = "PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIG9ubG9hZD0iYWxlcnQoMSkiLz4="  # <svg onload=alert(1)/>


@dataclass(frozen=True)
class Payload:
    id: str
    category: str
    text: str


CATEGORIES: dict[str, list[tuple[str, str]]] = {
    # OWASP XSS Filter Evasion: script tags (plain, case, nesting, malformed, unclosed, remote src).
    "script": [
        ("script-basic", "<script>alert(1)</script>"),
        ("script-case", "<ScRiPt>confirm(1)</sCrIpT>"),
        ("script-data-src", '<script src="data:text/javascript,alert(1)"></script>'),
        ("script-nested-strip", "<scr<script>ipt>alert(1)</scr</script>ipt>"),
        ("script-non-alpha", "<script/xss>prompt(1)</script>"),
        ("script-extra-brackets", "<<script>alert(1);//<</script>"),
        ("script-unclosed", "<script>alert(1)//"),
        ("script-json-ld-breakout", '</script><script>alert(1)</script><script type="application/ld+json">{}'),
        ("script-print", "<script>print()</script>"),
    ],
    # OWASP: event handlers on img and other elements, incl. handlers that fire without a click.
    "event-handler": [
        ("img-onerror", "<img src=x onerror=alert(1)>"),
        ("img-slash-separated", "<img/src=x/onerror=alert(1)>"),
        ("img-onload-media", '<img src="/media/a.png" onload="alert(1)" alt="a">'),
        ("img-entity-handler", "<img src=x onerror=&#97;&#108;&#101;&#114;&#116;&#40;&#49;&#41;>"),
        ("img-eval-src", "<img src=x:alert(alt) onerror=eval(src) alt=1>"),
        ("img-malformed-quotes", '<img """><script>alert(1)</script>">'),
        # leanote/leanote#719 (Markdown note to blog post)
        ("img-fromcharcode", '<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>'),
        ("body-onload", "<body onload=alert(1)>"),
        ("details-ontoggle", "<details open ontoggle=alert(1)><summary>x</summary></details>"),
        ("input-autofocus", "<input autofocus onfocus=alert(1)>"),
        ("select-autofocus", "<select autofocus onfocus=confirm(1)></select>"),
        ("video-source-onerror", "<video><source onerror=alert(1)></video>"),
        ("audio-onerror", "<audio src=x onerror=prompt(1)>"),
        ("marquee-onstart", "<marquee onstart=alert(1)>x</marquee>"),
        # trentm/python-markdown2#721 (content-visibility event)
        (
            "content-visibility",
            "<p oncontentvisibilityautostatechange=alert(1) style=display:block;content-visibility:auto>x</p>",
        ),
        ("a-onclick", '<a href="https://a.example/" onclick="alert(1)">x</a>'),
    ],
    # OWASP: SVG vectors, incl. animation and foreignObject.
    "svg": [
        ("svg-onload", "<svg onload=alert(1)>"),
        ("svg-slash-onload", "<svg/onload=alert(1)//"),
        ("svg-script", "<svg><script>alert(1)</script></svg>"),
        ("svg-animate-onbegin", "<svg><animate onbegin=alert(1) attributeName=x dur=1s>"),
        # rust-ammonia/ammonia GHSA-m6mh-2hw2-555x (PR #250): <set> turns an <a> into a javascript: link
        (
            "svg-set-href",
            '<svg><a><set attributeName="href" to="javascript:alert(1)"></set><text y="30">x</text></a></svg>',
        ),
        ("svg-foreignobject", "<svg><foreignObject><img src=x onerror=alert(1)></foreignObject></svg>"),
        ("svg-style-children", "<svg><style><img src=x onerror=alert(1)></style></svg>"),
        ("svg-use-data", '<svg><use href="data:image/svg+xml;base64,' + B64_SVG + '#x"></use></svg>'),
    ],
    # OWASP: frames, objects, embeds, applets and other containers.
    "embedding": [
        ("iframe-javascript", '<iframe src="javascript:alert(1)"></iframe>'),
        ("iframe-srcdoc", '<iframe srcdoc="<script>parent.alert(1)</script>"></iframe>'),
        # trentm/python-markdown2#694: a tag broken across lines by an autolink
        ("iframe-broken-tag", '<iframe\n<http:> srcdoc="<script>parent.alert(1)</script>" a='),
        ("object-javascript", '<object data="javascript:alert(1)"></object>'),
        ("object-data-html", '<object data="data:text/html,<script>parent.alert(1)</script>"></object>'),
        ("embed-data-base64", f'<embed src="data:text/html;base64,{B64_SCRIPT}">'),
        ("frameset-onload", "<frameset onload=alert(1)>"),
        ("table-background", '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>'),
        ("applet", '<applet code="javascript:alert(1)"></applet>'),
        ("isindex", "<isindex type=image src=1 onerror=alert(1)>"),
    ],
    # OWASP: javascript: in raw-HTML href, with case, whitespace, control characters and entities.
    "html-href-scheme": [
        ("href-plain", '<a href="javascript:alert(1)">x</a>'),
        ("href-case", '<a href="JaVaScRiPt:alert(1)">x</a>'),
        ("href-entity-tab", '<a href="jav&#x09;ascript:alert(1)">x</a>'),
        ("href-entity-newline", '<a href="jav&#x0A;ascript:alert(1)">x</a>'),
        ("href-literal-tab", '<a href="jav\tascript:alert(1)">x</a>'),
        ("href-entity-first-letter", '<a href="&#106;avascript:alert(1)">x</a>'),
        (
            "href-decimal-no-semicolons",
            '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116'
            '&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000049&#0000041">x</a>',
        ),
        (
            "href-hex-no-semicolons",
            '<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x31'
            '&#x29">x</a>',
        ),
        ("href-nul", '<a href="java\0script:alert(1)">x</a>'),
        ("href-leading-controls", '<a href=" &#14;  javascript:alert(1)">x</a>'),
        ("href-leading-c0", '<a href="\x01javascript:alert(1)">x</a>'),
        ("href-named-colon", '<a href="javascript&colon;alert(1)">x</a>'),
        # bustle/mobiledoc-dom-renderer#79: doubled scheme
        ("href-doubled-scheme", '<a href="javascript:javascript:alert(1)">x</a>'),
    ],
    # Markdown inline links: scheme tricks the Markdown layer does not see as a scheme.
    "md-link": [
        # markedjs/marked#203
        ("md-link-plain", "[x](javascript:alert(1))"),
        ("md-link-case", "[x](JaVaScRiPt:alert(1))"),
        ("md-link-leading-space", "[x]( javascript:alert(1))"),
        ("md-link-angle", "[x](<javascript:alert(1)>)"),
        # markdown-it/markdown-it#1083 (PR #1084): angle-bracket destination with spaces
        ("md-link-angle-spaced", "[hello]( <javascript:alert(1)> )"),
        ("md-link-entity-tab", "[x](jav&#x09;ascript:alert(1))"),
        ("md-link-entity-first-letter", "[x](&#106;avascript:alert(1))"),
        ("md-link-nul", "[x](java\0script:alert(1))"),
        # markedjs/marked#592 and trentm/python-markdown2#721: colon as an unterminated entity
        ("md-link-colon-entity", "[x](javascript&#58alert(1))"),
        # trentm/python-markdown2#726: zero-padded unterminated entity
        ("md-link-colon-padded", "[x](javascript&#058alert(1))"),
        ("md-link-paren-entity", "[x](javascript:alert('xss'&#41;)"),
        # markedjs/marked#492
        ("md-link-vbscript", "[x](vbscript:alert(1&#41;)"),
        # netbox-community/netbox#4717: link text across lines
        ("md-link-multiline", "[I'm a javascript\n xss link]( javascript:alert(1))"),
        # bartTC/django-markup#18: many spaces before the scheme
        ("md-link-many-spaces", "[XXX](                                      javascript:alert('123');)"),
        # neutronX/django-markdownx#163: escaped parentheses
        ("md-link-escaped-parens", "[x](javascript:alert\\(1\\))"),
        # chuangbo/meteor-marked#13
        ("md-link-onerror-throw", "[x](javascript:window.onerror=alert;throw%201)"),
        ("md-link-html-text", "[<img src=x onerror=alert(1)>](https://a.example/)"),
        ("md-link-quote-in-url", '[x](https://a.example/"onmouseover="alert(1))'),
        ("md-link-tag-in-url", '[x](https://a.example/?a="><script>alert(1)</script>)'),
    ],
    # Markdown reference-style links and images.
    "md-reference": [
        ("md-ref-plain", "[x][r]\n\n[r]: javascript:alert(1)"),
        # trentm/python-markdown2#51
        ("md-ref-same-label", "[evil][evil]\n[evil]: javascript:alert('evil');"),
        ("md-ref-angle", "[x][r]\n\n[r]: <javascript:alert(1)>"),
        ("md-ref-entity", "[x][r]\n\n[r]: &#106;avascript:alert(1)"),
        ("md-ref-title-breakout", '[x][r]\n\n[r]: https://a.example/ "a" onmouseover="alert(1)"'),
        ("md-ref-image", "![x][img]\n\n[img]: javascript:alert(1)"),
    ],
    # Markdown images: src schemes, alt and title breaking out of their quotes.
    "md-image": [
        ("md-img-javascript", "![x](javascript:alert(1))"),
        ("md-img-alt-breakout", '![x"onerror="alert(1)](/media/a.png)'),
        ("md-img-src-breakout", '![x](/media/a.png"onerror="alert(1))'),
        # trentm/python-markdown2#703: quote inside the title
        ("md-img-title-breakout", '![A](B "<C D="E" onerror=alert(1) >")'),
        ("md-img-data-svg", f"![x](data:image/svg+xml;base64,{B64_SVG})"),
        ("md-img-in-link", "[![x](/media/a.png)](javascript:alert(1))"),
    ],
    # Markdown autolinks.
    "md-autolink": [
        ("md-autolink-javascript", "<javascript:alert(1)>"),
        ("md-autolink-case", "<JAVASCRIPT:alert(1)>"),
        ("md-autolink-vbscript", "<vbscript:alert(1)>"),
        ("md-autolink-data", "<data:text/html;base64," + B64_SCRIPT + ">"),
        ("md-autolink-email-breakout", '<"onmouseover="alert(1)"@a.example>'),
    ],
    # Markdown link titles breaking out of their quotes.
    "md-title": [
        ("md-title-escaped-quote", '[x](https://a.example "a\\" onmouseover=\\"alert(1)")'),
        ("md-title-single-quote", '[x](https://a.example \'a" onfocus="alert(1)" autofocus="\')'),
        ("md-title-paren", '[x](https://a.example (a" onmouseover="alert(1)))'),
    ],
    # HTML inside code spans, indented code and fences (must stay text).
    "md-code": [
        ("md-code-span", "`<script>alert(1)</script>`"),
        ("md-code-indented", "    <img src=x onerror=alert(1)>"),
        ("md-code-fence", "```html\n<img src=x onerror=alert(1)>\n```"),
        ("md-code-fence-info", '```"><script>alert(1)</script>\nx\n```'),
        ("md-code-in-attribute", '<b title="`"><img src=x onerror=alert(1)>`">x</b>'),
        # trentm/python-markdown2#702: code span across a raw tag and a reference definition
        ("md-code-ref-definition", '`\n<img src onerror="alert(origin)">\n[x]: `'),
        # trentm/python-markdown2#726: image inside a tag name (alt text added: the site refuses empty alt)
        ("md-image-in-tag", "<x![a](`<a\n>`)><svg onload=alert(origin)![a](`<a\n>`)"),
    ],
    # Footnotes, headings, tables and the site's own citation syntax.
    "md-extensions": [
        ("md-footnote-label", 'x[^a"><img src=x onerror=alert(1)>]\n\n[^a"><img src=x onerror=alert(1)>]: note'),
        ("md-footnote-script", "x[^<script>alert(1)</script>]\n\n[^<script>alert(1)</script>]: note"),
        ("md-footnote-body", "x[^n]\n\n[^n]: <img src=x onerror=alert(1)>"),
        ("md-heading-html", "## <img src=x onerror=alert(1)>"),
        ("md-heading-escaped", "## &lt;script&gt;alert(1)&lt;/script&gt;"),
        ("md-table-cell", "| <img src=x onerror=alert(1)> |\n|---|\n| <svg onload=alert(1)> |"),
        ("md-table-align", '| a |\n|:-" onmouseover="alert(1)|\n| b |'),
        ("md-citation-script", '[@"><script>alert(1)</script>]'),
        ("md-citation-attribute", '[@xss-src" onmouseover="alert(1)]'),
        ("md-citation-img", "[@<img src=x onerror=alert(1)>]"),
        # Python-Markdown's own placeholders (STX wzxhzdk / klzzwxh ETX) typed by an author
        ("md-html-placeholder", "\x02wzxhzdk:0\x03<img src=x onerror=alert(1)>\x02wzxhzdk:1\x03"),
        ("md-inline-placeholder", "\x02klzzwxh:0\x03 <svg onload=alert(1)> \x02klzzwxh:1\x03"),
        ("md-emphasis-html", "*<img src=x onerror=alert(1)>*"),
        ("md-blockquote-html", "> <script>alert(1)</script>"),
    ],
    # Markdown-editor regressions reported against other renderers' "safe" modes.
    "md-regressions": [
        # trentm/python-markdown2#341
        ("md2-autolink-script", "<http:[<script>alert(1);//]()><http:[</script>]()>"),
        # trentm/python-markdown2#601
        ("md2-stray-close-p", '<img src=# onerror="alert()"></p>'),
        # trentm/python-markdown2#285 (the thread names CVE-2018-5773): a tag left open at the end
        ("md2-unclosed-tag", '<img src="" onerror=alert(/XSS/) '),
        ("md2-unclosed-tag-slash", '<img/src="" onerror=alert(/XSS/) '),
        # trentm/python-markdown2#721: escaped comment opener
        ("md2-escaped-comment", "\\<!--<img src onerror=alert(1)//>-->"),
        # trentm/python-markdown2#721: corrupted tag name
        ("md2-corrupted-tag", "<http:|><x| onfocus=alert(1) autofocus tabindex=1>"),
        # markedjs/marked#916: data: link
        ("marked-data-link", f"[xss link](data:text/html;base64,{B64_SCRIPT})"),
    ],
    # data: URIs in raw HTML.
    "data-uri": [
        ("data-href-base64", f'<a href="data:text/html;base64,{B64_SCRIPT}">x</a>'),
        ("data-href-plain", '<a href="data:text/html,<script>alert(1)</script>">x</a>'),
        ("data-img-svg", f'<img src="data:image/svg+xml;base64,{B64_SVG}" alt="x">'),
        ("data-md-link-plain", "[x](data:text/html,<script>alert(1)</script>)"),
    ],
    # vbscript: and other legacy schemes.
    "legacy-scheme": [
        ("vbscript-href", '<a href="vbscript:alert(1)">x</a>'),
        ("livescript-href", '<a href="livescript:alert(1)">x</a>'),
    ],
    # OWASP: style attributes and elements, expression(), url(javascript:), stylesheets.
    "style": [
        ("style-expression", '<div style="width:expression(alert(1))">x</div>'),
        ("style-url-javascript", '<div style="background:url(javascript:alert(1))">x</div>'),
        ("style-element-import", "<style>@import 'javascript:alert(1)';</style>"),
        ("style-element-breakout", '<style><img src="</style><img src=x onerror=alert(1)>">'),
        ("link-stylesheet", '<link rel="stylesheet" href="javascript:alert(1)">'),
        ("link-import", '<link rel="import" href="data:text/html,<script>alert(1)</script>">'),
    ],
    # OWASP: meta refresh, base href, form and formaction.
    "navigation": [
        ("meta-refresh-javascript", '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'),
        ("meta-refresh-data", f'<meta http-equiv="refresh" content="0;url=data:text/html;base64,{B64_SCRIPT}">'),
        ("base-href", '<base href="javascript:alert(1)//"><a href="/x">x</a>'),
        ("form-action", '<form action="javascript:alert(1)"><input type="submit"></form>'),
        ("button-formaction", '<form><button formaction="javascript:alert(1)">x</button></form>'),
        ("input-image-formaction", "<input type=image formaction=javascript:alert(1) src=x onerror=alert(1)>"),
    ],
    # Namespace confusion and mutation XSS (SVG/MathML, foreign content, comments, CDATA).
    "mxss": [
        ("math-mglyph-style", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>"),
        # DOMPurify 2.0.17 bypass, as reported in mat-sz/react-letter#12
        ("form-math-mglyph", "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>"),
        # cure53/DOMPurify#482
        (
            "form-math-svg-mtext",
            '<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style><img onerror=alert(1) src>">',
        ),
        # SonarSource/mxss-cheatsheet#9 table (closure-library): noscript parsed differently with scripting off
        ("noscript-title", '<noscript><p title="</noscript><img src=x onerror=alert(1)>">'),
        # SonarSource/mxss-cheatsheet#7 table (DOMPurify 3.0.8)
        (
            "svg-annotation-foreignobject",
            "<svg><annotation-xml><foreignobject><style><!--</style><p id=\"--><img src='x' onerror='alert(1)'>\">",
        ),
        # SonarSource/mxss-cheatsheet#7 table (DOMPurify 2.2.3)
        (
            "svg-desc-noscript",
            '<svg><xss><desc><noscript>&lt;/noscript>&lt;/desc>&lt;p>&lt;/p>&lt;style>&lt;a title="&lt;/style>'
            '&lt;img src onerror=alert(1)>">',
        ),
        # cure53/DOMPurify#495: </p> inside svg
        ("svg-close-p", '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">'),
        # ammonia mXSS via MathML annotation-xml encoding (RUSTSEC-2026-0193, per kvcache-ai/AgentENV#208)
        (
            "math-annotation-xml-html",
            '<math><annotation-xml encoding="text/html"><style><img src=x onerror=alert(1)></style>'
            "</annotation-xml></math>",
        ),
        ("comment-short-close", "<!--><img src=x onerror=alert(1)>-->"),
        ("comment-bang-close", "<!-- --!><img src=x onerror=alert(1)> -->"),
        # SonarSource/mxss-cheatsheet#13: incorrectly opened comment
        ("comment-incorrectly-opened", '<! foo="><img src=x onerror=alert(1)>">'),
        ("cdata", "<![CDATA[><img src=x onerror=alert(1)>]]>"),
    ],
    # Breaking out of raw-text elements: noscript, title, textarea, xmp, noembed, plaintext.
    "rawtext-breakout": [
        ("title-breakout", "</title><script>alert(1)</script>"),
        ("title-element", "<title><img src=x onerror=alert(1)></title>"),
        ("textarea-breakout", "</textarea><script>alert(1)</script>"),
        ("textarea-attribute", '<textarea><img title="</textarea><img src=x onerror=alert(1)>">'),
        ("noscript-breakout", "</noscript><img src=x onerror=alert(1)>"),
        ("xmp-attribute", '<xmp><p title="</xmp><img src=x onerror=alert(1)>">'),
        ("noembed-attribute", '<noembed><img title="</noembed><img src=x onerror=alert(1)>">'),
        ("plaintext", "<plaintext><img src=x onerror=alert(1)>"),
    ],
    # Breaking out of an attribute value or text node the input may land in.
    "attribute-breakout": [
        ("attr-double-quote", '"><img src=x onerror=alert(1)>'),
        ("attr-single-quote", "'><svg onload=alert(1)>"),
        ("attr-autofocus", '" autofocus onfocus="alert(1)'),
        ("attr-single-onmouseover", "' onmouseover='alert(1)"),
        ("attr-backtick", "`><img src=x onerror=alert(1)>"),
        ("attr-close-p", "</p><img src=x onerror=alert(1)><p>"),
        ("attr-unquoted", "x onmouseover=alert(1) y"),
    ],
    # Text that a link-finder (comments) turns into <a>: quotes and tags inside URLs.
    "urlize": [
        ("urlize-quote", 'https://a.example/"onmouseover="alert(1)'),
        ("urlize-tag", "www.a.example/<script>alert(1)</script>"),
        ("urlize-query-img", "http://a.example/?<img src=x onerror=alert(1)>"),
        ("urlize-email", '"><script>alert(1)</script>@a.example'),
        ("urlize-bare-javascript", "javascript:alert(1)"),
    ],
}

PAYLOADS: list[Payload] = [
    Payload(id_, category, text) for category, items in CATEGORIES.items() for id_, text in items
]
BY_ID: dict[str, Payload] = {payload.id: payload for payload in PAYLOADS}
assert len(BY_ID) == len(PAYLOADS), "payload ids must be unique"
# What can be stored: every form refuses NUL (Django's ProhibitNullCharactersValidator) and PostgreSQL
# cannot hold it in text. Payloads with NUL go where nothing is stored (search queries, the editor's
# preview), and test_xss_html.py checks that the forms refuse them.
STORABLE: list[Payload] = [payload for payload in PAYLOADS if "\0" not in payload.text]
