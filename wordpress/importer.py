"""A WordPress export, brought in as drafts for review, in one transaction.

Posts become draft Articles and pages draft Pages; attachments are listed with their addresses; reader
comments are held for moderation, threaded, marked imported, with crisis rules applied, addresses hashed
and nobody e-mailed. Repeatable: posts are keyed by GUID and comments by (site, comment ID) in
ImportedItem. A later export updates drafts nobody has edited here and reports the others as conflicts.
The original addresses of posts and pages redirect once their item is published (wordpress.links).
"""

import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from articles.models import Article, Topic
from comments.models import Comment, CommentStatus, ModerationSettings
from comments.rules import moderate
from editorial.models import Contributor, Page, Status
from editorial.net import ip_hash

from .content import plain, plain_comment, to_markdown
from .links import remember_old_address
from .models import ImportedItem
from .wxr import Export, Post, ReaderComment

IMPORTED_STATUSES = {"publish", "draft", "pending", "private", "future"}
MODELS = {"post": Article, "page": Page}
COMMENT_STATES = {"1": "approved", "0": "waiting for moderation"}  # spam and trash are skipped
TERM_KINDS = {"category": Topic.Kind.CATEGORY, "post_tag": Topic.Kind.TAG}


@dataclass
class Report:
    """What an import did (or, with --dry-run, would do)."""

    counts: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)

    def note(self, outcome: str, message: str) -> None:
        self.counts[outcome] += 1
        self.notes.append(f"{outcome}: {message}")


def local_hash(article) -> str:
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
    if post.post_type == "attachment":
        address = post.attachment_url or post.link
        report.note("attachment", f"{label}: {address} (not copied: upload the images you still need)")
        return
    model = MODELS.get(post.post_type)
    if model is None:
        report.note("skipped", f"{label}: {post.post_type} items are not imported")
        return
    if post.status not in IMPORTED_STATUSES:
        report.note("skipped", f"{label}: its status is {post.status!r}")
        return
    if not post.guid:
        report.note("skipped", f"{label}: it has no GUID to recognise it by next time")
        return
    existing = ImportedItem.objects.filter(key=post.guid).first()
    if existing is None:
        obj = model(status=Status.DRAFT)
        _fill(obj, export, post)
        obj.save()
        _set_topics(obj, post)
        ImportedItem.objects.create(
            key=post.guid,
            kind=post.post_type,
            source_hash=post.source_hash,
            local_hash=local_hash(obj),
            content_type=ContentType.objects.get_for_model(model),
            object_id=obj.pk,
            original_id=post.post_id[:20],
            original_url=post.link[:500],
            original_date=post.date,
        )
        report.note("created", f"{label} → draft {model._meta.verbose_name} “{obj.title}”")
    else:
        obj = existing.target
        if existing.source_hash == post.source_hash:
            report.note("unchanged", label)
        elif obj is None or obj.status != Status.DRAFT or local_hash(obj) != existing.local_hash:
            report.note("conflict", f"{label}: changed in the export, and edited or published here; left as it is")
        else:
            _fill(obj, export, post)
            obj.save()
            _set_topics(obj, post)
            existing.source_hash, existing.local_hash = post.source_hash, local_hash(obj)
            existing.save(update_fields=["source_hash", "local_hash", "updated_at"])
            report.note("updated", f"{label}: the draft had not been edited here")
    if obj is not None:
        remember_old_address(post.link, obj, report.note)
        if isinstance(obj, Article):
            _import_comments(export, post, obj, report)


def _import_comments(export: Export, post: Post, article: Article, report: Report) -> None:
    """Reader comments, held for moderation here; threads kept (one level deep, as on this site)."""
    policy = ModerationSettings.current()
    made: dict[str, Comment] = {}
    for reader in post.comments:
        key = f"{export.site_url}#comment-{reader.comment_id}"
        label = f"comment {reader.comment_id} on post {post.post_id}"
        if reader.kind not in ("", "comment"):
            report.note("skipped", f"{label}: a {reader.kind}, not a reader's comment")
        elif reader.state not in COMMENT_STATES:
            report.note("skipped", f"{label}: it was {reader.state or 'unmarked'} on WordPress")
        elif (known := ImportedItem.objects.filter(key=key).first()) is not None:
            made[reader.comment_id] = known.target
            report.note("unchanged", label)
        else:
            try:  # the same plain-text rule as a reader's reply here
                body, body_changes = plain_comment(reader.content)
                name, name_changes = plain_comment(reader.author)
            except ValidationError as error:
                report.note("skipped", f"{label}: it cannot be made plain text ({error.messages[0]})")
                continue
            changes = {"body": body_changes, "name": name_changes}
            cleaned = "; ".join(f"{part}: {', '.join(done)}" for part, done in changes.items() if done)
            made[reader.comment_id] = _create_comment(article, reader, key, policy, body, name, cleaned)
            report.note("created", f"{label}: held for moderation")
            if cleaned:
                report.note("cleaned", f"{label}: converted to plain text ({cleaned})")
    # Replies hang under the thread's first comment (one level deep, as on this site); a parent may come
    # after its replies in the file, so each reply's top comment is found by walking up the WordPress ids.
    parents = {reader.comment_id: reader.parent_id for reader in post.comments}

    def top(comment_id: str) -> str:
        seen = {comment_id}
        while parents.get(comment_id) in made and parents[comment_id] not in seen:
            comment_id = parents[comment_id]
            seen.add(comment_id)
        return comment_id

    for comment_id, comment in made.items():
        if comment is not None and comment.parent_id is None and (root := top(comment_id)) != comment_id:
            Comment.objects.filter(pk=comment.pk).update(parent=made[root])


def _create_comment(article, reader: ReaderComment, key: str, policy, body: str, name: str, cleaned: str) -> Comment:
    body, name, email = body[:5000], (" ".join(name.split()) or "Anonymous")[:80], reader.email[:254]
    # Never confirmed from a browser here, and held whatever the rules say (below): "first" and not "verified".
    verdict = moderate(body=body, name=name, email=email, first=True, verified=False, policy=policy)
    reasons = [f"imported from WordPress, where it was {COMMENT_STATES[reader.state]}"]
    reasons += [f"cleaned on import to plain text: {cleaned}"] if cleaned else []
    reasons += verdict.reasons
    comment = Comment.objects.create(
        article=article,
        name=name,
        email=email,
        body=body or "(empty)",
        status=CommentStatus.PENDING,  # every imported comment is read by a moderator here first
        hold_reasons=reasons,
        is_urgent=verdict.urgent,
        ip_hash=ip_hash(reader.ip) if reader.ip else "",
        imported=True,
    )
    if reader.date:
        Comment.objects.filter(pk=comment.pk).update(created_at=reader.date)
    ImportedItem.objects.create(
        key=key[:500],
        kind="comment",
        source_hash=hashlib.sha256(reader.content.encode()).hexdigest(),
        local_hash="",
        content_type=ContentType.objects.get_for_model(Comment),
        object_id=comment.pk,
        original_id=reader.comment_id[:20],
        original_date=reader.date,
    )
    return comment


def _fill(obj, export: Export, post: Post) -> None:
    obj.title = plain(post.title)[:200] or f"Untitled {post.post_type} {post.post_id}"
    obj.body = to_markdown(post.content)
    obj.summary = plain(post.excerpt) or _first_sentences(obj.body)
    obj.author = _contributor(export.authors.get(post.author) or post.author or "WordPress author")
    if not obj.slug:
        obj.slug = _free_slug(type(obj), post.slug or slugify(obj.title) or f"{post.post_type}-{post.post_id}")


def _first_sentences(markdown: str, limit: int = 300) -> str:
    text = plain(markdown.replace("#", " "))
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _free_slug(model, wanted: str, fallback: str = "post") -> str:
    """`wanted` as a slug no row of `model` has yet: "-2", "-3" ... added when it is taken."""
    base = slugify(wanted)[: model._meta.get_field("slug").max_length - 10] or fallback
    slug, number = base, 2
    while model._base_manager.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def _contributor(name: str) -> Contributor:
    """The author, matched by name to a contributor here, or created (without credentials)."""
    found = Contributor.objects.filter(name__iexact=name).first()
    if found is not None:
        return found
    slug = _free_slug(Contributor, name, fallback="author")
    return Contributor.objects.create(name=name[:150], slug=slug, bio="Imported from WordPress.")


def _set_topics(article, post: Post) -> None:
    if not isinstance(article, Article):
        return  # pages have no topics
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
