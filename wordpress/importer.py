"""Posts from a WordPress export become draft Articles here (they go through review), in one transaction.

Repeatable: each post is keyed by its GUID in ImportedItem. A later export updates drafts nobody has
edited here, and reports the others as conflicts; an unchanged post is skipped.
"""

import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.text import slugify

from articles.models import Article, Topic
from editorial.models import Contributor, Status

from .content import plain, to_markdown
from .models import ImportedItem
from .wxr import Export, Post

IMPORTED_STATUSES = {"publish", "draft", "pending", "private", "future"}
TERM_KINDS = {"category": Topic.Kind.CATEGORY, "post_tag": Topic.Kind.TAG}


@dataclass
class Report:
    """What an import did (or, with --dry-run, would do)."""

    counts: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)

    def note(self, outcome: str, message: str) -> None:
        self.counts[outcome] += 1
        self.notes.append(f"{outcome}: {message}")


def local_hash(article: Article) -> str:
    """The fields an editor here might change, as the import left them."""
    parts = [article.title, article.slug, article.summary, article.body, article.status, str(article.author_id)]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


Progress = Callable[[int, int], None]


def import_export(export: Export, *, dry_run: bool = False, progress: Progress | None = None) -> Report:
    """Bring the export's posts in as draft articles; all or nothing (a dry run rolls everything back)."""
    report = Report()
    with transaction.atomic():
        for number, post in enumerate(export.posts, start=1):
            report.counts["read"] += 1
            _import_post(export, post, report)
            if progress:
                progress(number, len(export.posts))
        if dry_run:
            transaction.set_rollback(True)
    return report


def _import_post(export: Export, post: Post, report: Report) -> None:
    label = f"{post.post_type} {post.post_id} “{post.title or post.slug}”"
    if post.post_type != "post":
        report.note("skipped", f"{label}: only posts are imported for now ({post.post_type})")
        return
    if post.status not in IMPORTED_STATUSES:
        report.note("skipped", f"{label}: its status is {post.status!r}")
        return
    if not post.guid:
        report.note("skipped", f"{label}: it has no GUID to recognise it by next time")
        return
    existing = ImportedItem.objects.filter(key=post.guid).first()
    if existing is None:
        article = Article(status=Status.DRAFT)
        _fill(article, export, post)
        article.save()
        _set_topics(article, post)
        ImportedItem.objects.create(
            key=post.guid,
            kind="post",
            source_hash=post.source_hash,
            local_hash=local_hash(article),
            content_type=ContentType.objects.get_for_model(Article),
            object_id=article.pk,
            original_url=post.link[:500],
            original_date=post.date,
        )
        report.note("created", f"{label} → draft article “{article.title}”")
        return
    article = existing.target
    if existing.source_hash == post.source_hash:
        report.note("unchanged", label)
        return
    if article is None or article.status != Status.DRAFT or local_hash(article) != existing.local_hash:
        report.note("conflict", f"{label}: changed in the export, and edited or published here; left as it is")
        return
    _fill(article, export, post)
    article.save()
    _set_topics(article, post)
    existing.source_hash, existing.local_hash = post.source_hash, local_hash(article)
    existing.save(update_fields=["source_hash", "local_hash", "updated_at"])
    report.note("updated", f"{label}: the draft had not been edited here")


def _fill(article: Article, export: Export, post: Post) -> None:
    article.title = plain(post.title)[:200] or f"Untitled post {post.post_id}"
    article.body = to_markdown(post.content)
    article.summary = plain(post.excerpt) or _first_sentences(article.body)
    article.author = _contributor(export.authors.get(post.author) or post.author or "WordPress author")
    if not article.slug:
        article.slug = _free_slug(post.slug or slugify(article.title) or f"post-{post.post_id}")


def _first_sentences(markdown: str, limit: int = 300) -> str:
    text = plain(markdown.replace("#", " "))
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _free_slug(wanted: str) -> str:
    base = slugify(wanted)[:190] or "post"
    slug, number = base, 2
    while Article.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def _contributor(name: str) -> Contributor:
    """The author, matched by name to a contributor here, or created (without credentials)."""
    found = Contributor.objects.filter(name__iexact=name).first()
    if found is not None:
        return found
    base = slugify(name)[:140] or "author"
    slug, number = base, 2
    while Contributor.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return Contributor.objects.create(name=name[:150], slug=slug, bio="Imported from WordPress.")


def _set_topics(article: Article, post: Post) -> None:
    topics = []
    for domain, slug, name in post.terms:
        kind = TERM_KINDS.get(domain)
        if kind is None or not (slug or name):
            continue
        slug = slugify(slug or name)[:100]
        topic = Topic.objects.filter(slug=slug).first() or Topic.objects.create(
            slug=slug, name=_free_topic_name(name or slug), kind=kind
        )
        topics.append(topic)
    article.topics.set(topics)


def _free_topic_name(name: str) -> str:
    name, base, number = name[:100], name[:95], 2
    while Topic.objects.filter(name=name).exists():
        name, number = f"{base} ({number})", number + 1
    return name
