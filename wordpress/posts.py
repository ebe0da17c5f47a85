"""Posts and pages of an export become drafts: each prepared in turn, the new ones written in bulk per batch.

The bulk write leaves the rows a one-by-one `save()` would: the body rendered with the row's id, a history
record ("created"; then "changed" with the topics, as `topics.set()` records it), and citations for any
`[@source]` in the body. Drafts get no search entry either way; the importer starts the new content version
(once per batch). Items already imported are updated one by one (rare: only drafts nobody edited here).
"""

import hashlib
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.utils.text import slugify
from simple_history.models import HistoricalRecords
from simple_history.utils import get_history_manager_for_model

from articles.models import Article, Topic
from editorial.models import Citation, Contributor, Page, Status

from .bulk import update_rows
from .content import plain, to_markdown
from .models import ImportedItem
from .wxr import Export, Post

IMPORTED_STATUSES = {"publish", "draft", "pending", "private", "future"}
MODELS = {"post": Article, "page": Page}
TERM_KINDS = {"category": Topic.Kind.CATEGORY, "post_tag": Topic.Kind.TAG}
KEY_LENGTH = ImportedItem._meta.get_field("key").max_length


def local_hash(article) -> str:
    """The fields an editor here might change, as the import left them."""
    parts = [article.title, article.slug, article.summary, article.body, article.status, str(article.author_id)]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


class Posts:
    """Prepares each post of a batch, then writes the new ones; remembers authors and topics across batches."""

    def __init__(self, export: Export):
        self.export = export
        self.contributors: dict[str, Contributor] = {}
        self.topics: dict[str, Topic] = {}
        self.start_batch([], {})

    def start_batch(self, posts: list[Post], known: dict[str, ImportedItem]) -> None:
        """One query for the slugs the batch wants, one per type for the items it already has."""
        self.new: list[tuple[Post, object, list[Topic]]] = []
        self.reserved: dict[type, set[str]] = defaultdict(set)  # slugs given out in this batch
        wanted = defaultdict(set)
        for post in posts:
            if (model := MODELS.get(post.post_type)) is not None and post.guid not in known:
                wanted[model].add(_slug_base(model, post.slug or slugify(_title(post)) or _fallback(post)))
        self.free = {
            model: slugs - set(model._base_manager.filter(slug__in=slugs).values_list("slug", flat=True))
            for model, slugs in wanted.items()
        }
        ids = defaultdict(list)
        for item in known.values():
            if item.kind in MODELS:
                ids[item.content_type_id].append(item.object_id)
        self.targets = {
            (type_id, pk): obj
            for type_id, pks in ids.items()
            for pk, obj in ContentType.objects.get_for_id(type_id).model_class()._base_manager.in_bulk(pks).items()
        }

    def prepare(self, post: Post, existing: ImportedItem | None, note):
        """The item for `post` (new, updated or as it is), or None when there is none; the outcome noted."""
        label = f"{post.post_type} {post.post_id} “{post.title or post.slug}”"
        if post.post_type == "attachment":
            address = post.attachment_url or post.link
            note("attachment", f"{label}: {address} (not copied: upload the images you still need)")
            return None
        model = MODELS.get(post.post_type)
        if model is None:
            note("skipped", f"{label}: {post.post_type} items are not imported")
            return None
        if post.status not in IMPORTED_STATUSES:
            note("skipped", f"{label}: its status is {post.status!r}")
            return None
        if not post.guid:
            note("skipped", f"{label}: it has no GUID to recognise it by next time")
            return None
        if len(post.guid) > KEY_LENGTH:
            note("skipped", f"{label}: its GUID is longer than {KEY_LENGTH} characters")
            return None
        if existing is None:
            obj = model(status=Status.DRAFT)
            self._fill(obj, post)
            self.new.append((post, obj, self._topics(post) if model is Article else []))
            note("created", f"{label} → draft {model._meta.verbose_name} “{obj.title}”")
            return obj
        obj = self.targets.get((existing.content_type_id, existing.object_id))
        if existing.source_hash == post.source_hash:
            note("unchanged", label)
        elif obj is None or obj.status != Status.DRAFT or local_hash(obj) != existing.local_hash:
            note("conflict", f"{label}: changed in the export, and edited or published here; left as it is")
        else:
            self._fill(obj, post)
            obj.save()
            if isinstance(obj, Article):
                obj.topics.set(self._topics(post))
            existing.source_hash, existing.local_hash = post.source_hash, local_hash(obj)
            existing.save(update_fields=["source_hash", "local_hash", "updated_at"])
            note("updated", f"{label}: the draft had not been edited here")
        return obj

    def write(self) -> None:
        """Write the batch's new items, by type: rows, rendered bodies, history, citations, topics, records."""
        by_model = defaultdict(list)
        for post, obj, topics in self.new:
            by_model[type(obj)].append((post, obj, topics))
        for model, rows in by_model.items():
            objs = [obj for _, obj, _ in rows]
            model.objects.bulk_create(objs, batch_size=500)  # bumps: new drafts, on no page (the batch bumps too)
            for obj in objs:
                obj.render_markdown()  # with the id now known, as save() renders it the second time
            update_rows(model, objs, list(model.derived_fields))  # bumps: the same new drafts
            history = get_history_manager_for_model(model)
            history.bulk_history_create(objs, batch_size=500, default_change_reason=None)
            for obj in objs:
                if obj.cited_keys:  # as the post-save signal does (editorial.signals)
                    Citation.sync(obj)
            if model is Article:
                _set_new_topics([(obj, topics) for _, obj, topics in rows if topics])
            content_type = ContentType.objects.get_for_model(model)
            ImportedItem.objects.bulk_create(
                [
                    ImportedItem(
                        key=post.guid,
                        kind=post.post_type,
                        source_hash=post.source_hash,
                        local_hash=local_hash(obj),
                        content_type=content_type,
                        object_id=obj.pk,
                        original_id=post.post_id[:20],
                        original_url=post.link[:500],
                        original_date=post.date,
                    )
                    for post, obj, _ in rows
                ],
                batch_size=500,
            )

    def _fill(self, obj, post: Post) -> None:
        obj.title = _title(post)
        obj.body = to_markdown(post.content)
        obj.summary = plain(post.excerpt) or _first_sentences(obj.body)
        obj.author = self._contributor(self.export.authors.get(post.author) or post.author or "WordPress author")
        if not obj.slug:
            model = type(obj)
            wanted = post.slug or slugify(obj.title) or _fallback(post)
            obj.slug = _free_slug(model, wanted, free=self.free.get(model, set()), reserved=self.reserved[model])

    def _contributor(self, name: str) -> Contributor:
        """The author, matched by name to a contributor here, or created (without credentials)."""
        if (found := self.contributors.get(name)) is None:
            found = Contributor.objects.filter(name__iexact=name).first()
            if found is None:
                slug = _free_slug(Contributor, name, fallback="author")
                found = Contributor.objects.create(name=name[:150], slug=slug, bio="Imported from WordPress.")
            self.contributors[name] = found
        return found

    def _topics(self, post: Post) -> list[Topic]:
        topics = []
        for domain, slug, name in post.terms:
            kind = TERM_KINDS.get(domain)
            if kind is None or not (slug or name):
                continue
            slug = slugify(slug or name)[:100]
            if (topic := self.topics.get(slug)) is None:
                topic = Topic.objects.filter(slug=slug).first() or Topic.objects.create(
                    slug=slug, name=_free_topic_name(name or slug), kind=kind
                )
                self.topics[slug] = topic
            topics.append(topic)
        return topics


def _set_new_topics(rows: list[tuple[Article, list[Topic]]]) -> None:
    """`article.topics.set(topics)` for new articles: the links, and the history record that set() leaves."""
    if not rows:
        return
    field = Article._meta.get_field("topics")
    through = field.remote_field.through
    links = {}
    for article, topics in rows:
        links[article.pk] = [through(article_id=article.pk, topic_id=pk) for pk in dict.fromkeys(t.pk for t in topics)]
    links_made = [link for made in links.values() for link in made]
    through.objects.bulk_create(links_made, batch_size=500)  # bumps: links of new drafts, on no page
    articles = [article for article, _ in rows]
    history = get_history_manager_for_model(Article)
    records = history.bulk_history_create(articles, batch_size=500, update=True, default_change_reason=None)
    m2m_history = HistoricalRecords.m2m_models[field]  # the history's copy of each link
    m2m_history.objects.bulk_create(  # bumps: history rows, never on a page
        [
            m2m_history(history=record, id=link.pk, article_id=link.article_id, topic_id=link.topic_id)
            for article, record in zip(articles, records, strict=True)
            for link in links[article.pk]
        ],
        batch_size=500,
    )


def _title(post: Post) -> str:
    return plain(post.title)[:200] or f"Untitled {post.post_type} {post.post_id}"


def _fallback(post: Post) -> str:
    return f"{post.post_type}-{post.post_id}"


def _first_sentences(markdown: str, limit: int = 300) -> str:
    text = plain(markdown.replace("#", " "))
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _slug_base(model, wanted: str, fallback: str = "post") -> str:
    return slugify(wanted)[: model._meta.get_field("slug").max_length - 10] or fallback


def _free_slug(model, wanted: str, fallback: str = "post", free: set = frozenset(), reserved: set | None = None) -> str:
    """`wanted` as a slug no row of `model` has yet: "-2", "-3" ... added when it is taken. `free`: slugs
    known to be free when the batch began; `reserved`: slugs given out since (and added to here)."""
    reserved = set() if reserved is None else reserved
    base = _slug_base(model, wanted, fallback)
    slug, number = base, 2
    while slug in reserved or (slug not in free and model._base_manager.filter(slug=slug).exists()):
        slug, number = f"{base}-{number}", number + 1
    reserved.add(slug)
    return slug


def _free_topic_name(name: str) -> str:
    name, base, number = name[:100], name[:95], 2
    while Topic.objects.filter(name=name).exists():
        name, number = f"{base} ({number})", number + 1
    return name
