import pytest

from editorial import markdown as pipeline
from editorial.markdown import render, sanitize
from tests.html_checks import unsafe_parts


def test_tables_keep_alignment_as_attributes():
    out = render("| a | b |\n|:--|--:|\n| 1 | 2 |").html
    assert "<table>" in out
    assert '<th align="left">a</th>' in out
    assert '<td align="right">2</td>' in out


def test_footnotes_link_both_ways_with_the_object_prefix():
    out = render(
        "Claim[^1] and another[^long note].\n\n[^1]: First.\n[^long note]: Second.", id_prefix="article-7-"
    ).html
    assert '<sup id="article-7-fnref-1"><a class="footnote-ref" href="#article-7-fn-1"' in out
    assert '<li id="article-7-fn-1">' in out
    assert 'class="footnote-backref" href="#article-7-fnref-1"' in out
    # A label with a space becomes a slug that is the same at both ends.
    assert 'href="#article-7-fn-long-note"' in out
    assert '<li id="article-7-fn-long-note">' in out


def test_headings_get_prefixed_anchors_and_a_table_of_contents():
    result = render("## First part\n\ntext\n\n### Detail\n\n## Second part", id_prefix="faqentry-3-")
    assert '<h2 id="faqentry-3-h-first-part">First part</h2>' in result.html
    assert '<h3 id="faqentry-3-h-detail">Detail</h3>' in result.html
    assert [entry["id"] for entry in result.toc] == ["faqentry-3-h-first-part", "faqentry-3-h-second-part"]
    assert result.toc[0]["children"][0]["name"] == "Detail"


def test_a_level_one_heading_in_a_body_becomes_level_two():
    out = render("# Not the page title").html
    assert "<h1" not in out
    assert '<h2 id="h-not-the-page-title">' in out


def test_ids_that_we_did_not_generate_are_dropped():
    out = render('<h2 id="login-form">x</h2><p id="h-x">y</p><sup id="fn-1">z</sup>').html
    assert 'id="login-form"' not in out
    assert 'id="h-x"' not in out  # right pattern, wrong element
    assert '<sup id="fn-1">' in out


def test_bad_id_prefix_is_refused():
    with pytest.raises(ValueError, match="id_prefix"):
        render("x", id_prefix='"><script>')


def test_images_only_from_our_media():
    out = render(
        "![ok](/media/uploads/a.png) ![off](https://tracker.example/p.gif) ![proto](//evil.example/media/x.png)"
    ).html
    assert 'src="/media/uploads/a.png"' in out
    assert "tracker.example" not in out
    assert "evil.example" not in out


HOSTILE = {
    "script tag": "<script>alert(1)</script>",
    "script in markdown paragraph": "Hello <script src=//evil.example/x.js></script> there",
    "iframe": '<iframe src="https://evil.example"></iframe>',
    "style element": "<style>body{display:none}</style>",
    "style attribute": '<p style="position:fixed;top:0">cover</p>',
    "onerror": "<img src=/media/a.png onerror=alert(1)>",
    "onclick on allowed tag": '<a href="https://ok.example" onclick="alert(1)">x</a>',
    "onmouseover uppercase": '<P ONMOUSEOVER="alert(1)">x</P>',
    "javascript link in markdown": "[click](javascript:alert(1))",
    "javascript link mixed case": "[click](JaVaScRiPt:alert(1))",
    "javascript with whitespace": "<a href=' javascript:alert(1)'>x</a>",
    "javascript with tab": '<a href="java\tscript:alert(1)">x</a>',
    "data url link": "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "vbscript link": "[x](vbscript:msgbox(1))",
    "decimal entity scheme": '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    "hex entity scheme": '<a href="&#x6A;avascript:alert(1)">x</a>',
    "named entity colon": '<a href="javascript&colon;alert(1)">x</a>',
    "entity scheme in markdown link": "[x](&#106;avascript:alert(1))",
    "markdown link title breakout": '[x](https://ok.example "a" onmouseover="alert(1))',
    "markdown image attribute breakout": '![x" onerror="alert(1)](/media/a.png)',
    "markdown image src breakout": '![x](/media/a.png" onerror="alert(1))',
    "reference link to javascript": "[x][r]\n\n[r]: javascript:alert(1)",
    "autolink javascript": "<javascript:alert(1)>",
    "svg with script": "<svg><script>alert(1)</script></svg>",
    "svg onload": "<svg onload=alert(1)>",
    "svg animate href": '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a></svg>',
    "mathml href": '<math><mtext><a href="javascript:alert(1)">x</a></mtext></math>',
    "object": '<object data="javascript:alert(1)"></object>',
    "embed": '<embed src="javascript:alert(1)">',
    "form": '<form action="https://evil.example"><button>Go</button></form>',
    "meta refresh": '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    "base tag": '<base href="https://evil.example/">',
    "link stylesheet": '<link rel="stylesheet" href="https://evil.example/x.css">',
    "html comment conditional": "<!--[if IE]><script>alert(1)</script><![endif]-->",
    "template": "<template><script>alert(1)</script></template>",
    "noscript mutation": '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "img srcset": '<img src="/media/a.png" srcset="https://evil.example/x.png 1x">',
    "class injection": '<p class="safety-notice">fake notice</p>',
    "data attribute": '<p data-safety-notice="1">fake notice</p>',
}


@pytest.mark.parametrize("source", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_input_is_neutralised(source):
    out = render(source).html
    assert unsafe_parts(out) == [], out
    assert 'class="safety-notice"' not in out


def test_the_checker_itself_catches_what_it_should():
    assert unsafe_parts('<p><img src="/a.png" onerror="x"></p>') == ["<img onerror>"]
    assert unsafe_parts('<a href=" jav&#x61;script:alert(1)">x</a>') != []
    assert unsafe_parts("<svg></svg>") == ["<svg>"]


def test_safe_links_survive_with_rel():
    out = render("[FDA](https://www.fda.gov/) and [mail](mailto:team@example.org) and [faq](/faq/)").html
    assert '<a href="https://www.fda.gov/" rel="noopener noreferrer">FDA</a>' in out
    assert 'href="mailto:team@example.org"' in out
    assert 'href="/faq/"' in out


def test_a_panic_inside_nh3_becomes_escaped_text_not_an_error(monkeypatch, caplog):
    class Panicking:
        def clean(self, html):
            raise BaseException("simulated PanicException from the Rust side")

    monkeypatch.setattr(pipeline, "_get_cleaner", lambda: Panicking())
    out = sanitize("<b>bold</b><script>alert(1)</script>")
    assert "<script>" not in out
    assert "&lt;script&gt;" in out
    assert "nh3 failed" in caplog.text


def test_keyboard_interrupt_is_not_swallowed(monkeypatch):
    class Interrupted:
        def clean(self, html):
            raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "_get_cleaner", lambda: Interrupted())
    with pytest.raises(KeyboardInterrupt):
        sanitize("x")


def test_markdownify_is_the_pipeline():
    assert pipeline.markdownify("<script>x</script>**b**").strip() == "<p><strong>b</strong></p>"


@pytest.mark.parametrize("href", ["java\tscript:alert(1)", "java\nscript:alert(1)", "\x01javascript:alert(1)"])
def test_sanitizer_alone_drops_split_schemes(href):
    assert unsafe_parts(sanitize(f'<a href="{href}">x</a>')) == []
