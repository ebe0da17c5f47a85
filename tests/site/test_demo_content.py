"""The demo content: loads, reloads without change, is findable, and has no broken link."""

import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import CommandError, call_command
from django.utils.html import strip_tags

from articles.models import Article
from editorial import content_files as demo_content
from editorial.models import Citation, Contributor, SearchEntry, Source
from faq.models import FAQEntry
from risks.models import RiskCategory, RiskItem
from strains.models import ReportedEffect, StrainProfile
from tests.html_checks import elements

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
SEED_OVERLAP = ROOT.parent / "shared" / "tools" / "seed_overlap.py"


@pytest.fixture
def demo():
    call_command("load_demo_content", "--allow-in-production", stdout=open("/dev/null", "w"))  # noqa: SIM115


def history_rows() -> int:
    return sum(model.history.count() for model in (Article, RiskItem, StrainProfile, Source, Contributor))


def test_refuses_with_debug_off_unless_told():
    with pytest.raises(CommandError, match="--allow-in-production"):
        call_command("load_demo_content")
    assert not Article.objects.exists()


def test_a_second_run_changes_no_row_and_adds_no_history(capsys):
    # (--allow-in-production stands in for DJANGO_DEBUG=1.)
    call_command("load_demo_content", "--allow-in-production")
    counts = {model: model.objects.count() for model in (Article, RiskItem, StrainProfile, Source, Citation)}
    history = history_rows()
    capsys.readouterr()
    call_command("load_demo_content", "--allow-in-production")
    assert "0 created, 0 updated" in capsys.readouterr().out
    assert {model: model.objects.count() for model in counts} == counts
    assert history_rows() == history


def test_the_content_covers_what_the_site_promises(demo):
    assert Source.objects.count() >= 8
    uncited = Source.objects.filter(citations__isnull=True, legalfact__isnull=True, reportedeffect__isnull=True)
    assert list(uncited) == [], "every source is cited somewhere: in a text, a dated legal fact or a reported effect"
    assert set(RiskItem.objects.published().values_list("category", flat=True)) == set(RiskCategory.values)
    assert sorted(StrainProfile.objects.published().values_list("vein_colour", flat=True)) == ["green", "red", "white"]
    assert not ReportedEffect.objects.filter(source=None).exists(), "every reported effect cites a source"
    assert Article.objects.published().filter(is_featured=True).exists()
    assert all(article.comments_open for article in Article.objects.all()), "a new demo invites replies"
    assert all("(demo)" in name for name in Contributor.objects.values_list("name", flat=True))


def test_pages_show_the_demo_banner_while_demo_people_exist(client, demo):
    assert "Demo content" in client.get("/").content.decode()
    Contributor.objects.update(is_demo=False)
    assert "Demo content" not in client.get("/").content.decode()


@pytest.mark.parametrize("word", ["depression", "withdrawal", "interactions"])
def test_search_finds_demo_content_title_matches_first(client, demo, word):
    results = list(client.get("/search/", {"q": word}).context["object_list"])
    assert results, word
    title_hits = [word in entry.title.lower() for entry in results]
    assert title_hits == sorted(title_hits, reverse=True), [entry.title for entry in results]
    assert SearchEntry.objects.count() >= 20


def test_no_internal_link_is_broken(client, demo):
    seen, queue, broken = set(), ["/", "/sitemap.xml"], []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200:
            broken.append((url, response.status_code))
            continue
        if not response["Content-Type"].startswith(("text/html", "application/xml")):
            continue
        body = response.content.decode()
        links = [attrs.get("href", "") for tag, attrs in elements(body) if tag in {"a", "link"}]
        links += [loc.split("</loc>")[0] for loc in body.split("<loc>")[1:]]
        for link in links:
            parts = urlsplit(urldefrag(link).url)
            internal = not parts.netloc or parts.netloc in {"127.0.0.1:8000", "testserver"}
            if not internal or not parts.path.startswith("/") or parts.path.startswith("/admin/"):
                continue
            if parts.path.startswith(settings.STATIC_URL):  # served by WhiteNoise, not the test client
                if finders.find(parts.path.removeprefix(settings.STATIC_URL)) is None:
                    broken.append((parts.path, "missing static file"))
                continue
            queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    assert broken == []
    assert len(seen) > 30


@pytest.mark.skipif(not SEED_OVERLAP.exists(), reason=f"seed checker not found at {SEED_OVERLAP}")
def test_no_sentence_is_copied_from_the_seed_article():
    result = subprocess.run([sys.executable, str(SEED_OVERLAP), str(ROOT)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout


REQUIRED = {
    RiskItem: [
        "concentrated-7-oh-products",
        "interactions-with-medicines",
        "seizures",
        "pregnancy-and-newborn-withdrawal",
        "dependence-and-withdrawal",
        "legal-status-varies",
    ],
    FAQEntry: ["what-are-7-oh-products", "kratom-with-antidepressants", "what-happens-when-you-stop-kratom"],
    Article: [
        "stopping-kratom-safely",
        "kratom-overdose-and-emergencies",
        "kratom-for-family-and-friends",
        "depression-symptoms-and-treatments",
    ],
}


@pytest.mark.parametrize(("model", "slug"), [(model, slug) for model, slugs in REQUIRED.items() for slug in slugs])
def test_the_content_a_reader_needs_is_published_reviewed_and_cited(demo, model, slug):
    item = model.objects.published().get(slug=slug)
    assert item.reviewed_by is not None and item.last_reviewed_at is not None
    assert item.citations.exists(), f"{slug} cites no source"


def test_every_claim_is_labelled_and_no_harm_is_called_not_established(client, demo):
    for risk in RiskItem.objects.published():
        text = strip_tags(client.get(risk.get_absolute_url()).content.decode())
        assert "not established" not in text.lower(), risk.slug
        if risk.claim_kind in ("harm", "interaction"):
            assert f"how often: {risk.get_frequency_display()}" in text, risk.slug
            assert f"certainty: {risk.get_certainty_display().lower()}" in text, risk.slug
        if risk.claim_kind == "fact":
            assert risk.legal_facts.count() >= 5
            assert text.count(" as of ") >= risk.legal_facts.count(), risk.slug
    assert all(e.source_id and e.claim_kind for e in ReportedEffect.objects.all())
    for url in ["/", "/risks/", "/strains/", "/faq/", "/articles/", "/evidence-levels/"]:
        assert "not established" not in client.get(url).content.decode().lower(), url


def test_the_text_files_are_the_only_copy_of_the_content():
    """No Python module carries content: every item's opening words are found in content/ alone."""
    python = "\n".join(p.read_text() for p in ROOT.rglob("*.py") if ".venv" not in p.parts and "tests" not in p.parts)
    openings = [demo_content.read_item(p)["body"][:80] for p in (ROOT / "content").rglob("*.md") if p.stem != "README"]
    assert len(openings) >= 35
    assert [o for o in openings if o in python] == []


def test_a_broken_file_is_named_and_nothing_is_written(tmp_path, settings):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    risk = tmp_path / "content" / "risks" / "seizures.md"
    risk.write_text(risk.read_text().replace("severity =", "sevrity ="))
    settings.BASE_DIR = tmp_path
    with pytest.raises(CommandError, match=r"unknown field.*sevrity"):
        call_command("load_demo_content", "--allow-in-production", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not Source.objects.exists() and not Article.objects.exists()
    risk.write_text("title = 'no header fence'\n")
    with pytest.raises(CommandError, match=r"content/risks/seizures.md: start with a line '\+\+\+'"):
        call_command("load_demo_content", "--allow-in-production", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_a_changed_file_updates_its_row_and_nothing_else(tmp_path, settings, capsys):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    settings.BASE_DIR = tmp_path
    call_command("load_demo_content", "--allow-in-production")
    faq = tmp_path / "content" / "faq" / "what-are-7-oh-products.md"
    faq.write_text(faq.read_text() + "\nOne more sentence [@fda-kratom].\n")
    capsys.readouterr()
    call_command("load_demo_content", "--allow-in-production")
    assert "0 created, 1 updated" in capsys.readouterr().out
    assert "One more sentence" in FAQEntry.objects.get(slug="what-are-7-oh-products").body


def test_child_rows_are_checked_like_items(tmp_path, settings):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    settings.BASE_DIR = tmp_path
    strain = tmp_path / "content" / "strains" / "red-vein.md"
    strain.write_text(strain.read_text().replace("claim_kind =", "claim_knd =", 1))
    with pytest.raises(CommandError, match=r"content/strains/red-vein.md: unknown field\(s\) claim_knd"):
        call_command("load_demo_content", "--allow-in-production", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_an_item_whose_file_is_gone_is_reported_not_deleted(tmp_path, settings, capsys):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    settings.BASE_DIR = tmp_path
    call_command("load_demo_content", "--allow-in-production")
    (tmp_path / "content" / "faq" / "what-are-7-oh-products.md").unlink()
    capsys.readouterr()
    call_command("load_demo_content", "--allow-in-production")
    assert "No file in content/ for the FAQ entry 'what-are-7-oh-products'" in capsys.readouterr().err
    assert FAQEntry.objects.filter(slug="what-are-7-oh-products").exists()
