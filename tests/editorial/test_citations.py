import pytest
from django.core.exceptions import ValidationError

from editorial.markdown import render
from editorial.models import Citation
from tests import factories
from tests.html_checks import elements

pytestmark = pytest.mark.django_db


def test_citations_are_numbered_in_order_of_first_citation():
    result = render("A [@b-key]. B [@a-key]. A again [@b-key].", id_prefix="article-5-")
    assert result.citation_keys == ["b-key", "a-key"]
    links = [attrs["href"] for tag, attrs in elements(result.html) if tag == "a"]
    assert links == ["#src-article-5-1", "#src-article-5-2", "#src-article-5-1"]
    sup_ids = [attrs.get("id") for tag, attrs in elements(result.html) if tag == "sup"]
    assert sup_ids == ["cite-article-5-1", "cite-article-5-2", None]  # back-link target only on the first


def test_citation_rows_follow_the_text_and_source_edits_show_at_once(client):
    factories.SourceFactory(key="first")
    second = factories.SourceFactory(key="second")
    article = factories.ArticleFactory(published=True, body="X [@second]. Y [@first].")
    assert [(c.position, c.source.key) for c in Citation.objects.all()] == [(1, "second"), (2, "first")]

    second.title = "A corrected title"
    second.save()
    html = client.get(article.get_absolute_url()).content.decode()
    assert f'id="src-article-{article.pk}-1"' in html
    assert "A corrected title" in html

    article.body = "Only [@first] now."
    article.save()
    assert [(c.position, c.source.key) for c in Citation.objects.all()] == [(1, "first")]


def test_an_unknown_key_is_a_validation_error_naming_it():
    factories.SourceFactory(key="known")
    article = factories.ArticleFactory.build(body="Fine [@known], wrong [@no-such-study].", author=None)
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "no-such-study" in str(error.value.message_dict["body"])
    assert "known," not in str(error.value.message_dict["body"])


def test_citations_go_with_their_object():
    factories.SourceFactory(key="s")
    factories.FAQEntryFactory(body="[@s]").delete()
    assert not Citation.objects.exists()


def test_a_source_needs_something_a_reader_can_follow():
    source = factories.SourceFactory.build(url="", doi="", pmid="")
    with pytest.raises(ValidationError, match="URL, a DOI or a PubMed ID"):
        source.full_clean()
    source.doi = "10.1000/xyz"
    source.full_clean()
    assert source.link == "https://doi.org/10.1000/xyz"


def test_images_need_alt_text_unless_marked_decorative():
    article = factories.ArticleFactory.build(body="![](/media/uploads/a.png)", author=None)
    with pytest.raises(ValidationError, match="no alt text"):
        article.full_clean()
    article.body = "![decorative](/media/uploads/a.png) ![A leaf, close up](/media/uploads/b.png)"
    article.full_clean()
    html = render(article.body).html
    assert '<img alt="" src="/media/uploads/a.png">' in html
    assert 'alt="A leaf, close up"' in html


def test_several_items_on_one_page_never_share_citation_anchors(client):
    factories.SourceFactory(key="a")
    first = factories.FAQEntryFactory(published=True, body="One [@a].")
    second = factories.FAQEntryFactory(published=True, body="Two [@a].")
    html = client.get("/faq/").content.decode()
    for entry in (first, second):
        assert f'href="#src-faqentry-{entry.pk}-1"' in html
        assert f'<li id="src-faqentry-{entry.pk}-1" value="1">' in html
    ids = [attrs["id"] for _tag, attrs in elements(html) if "id" in attrs]
    assert len(ids) == len(set(ids)), "duplicate ids on the page"
