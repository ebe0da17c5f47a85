"""Publishable: the abstract base of every piece of public content."""

import html
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from markdownx.models import MarkdownxField
from simple_history.models import HistoricalRecords

from ..markdown import PIPELINE_VERSION, citation_namespace, images_without_alt_text, render
from .citations import Citation
from .people import Source


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


def published_q(now=None) -> Q:
    """The one definition of "visible to the public", shared by search and sitemaps."""
    return Q(status=Status.PUBLISHED, published_at__lte=now or timezone.now())


class PublishableQuerySet(models.QuerySet):
    def published(self, now=None):
        """Rows a reader may see: published, with a publication time already passed."""
        return self.filter(published_q(now))

    def review_due(self, now=None):
        """Published rows whose last review is older than their type's review interval."""
        cutoff = (now or timezone.now()) - self.model.review_interval()
        return self.filter(published_q(now), last_reviewed_at__lte=cutoff)

    def with_sources(self):
        """Prefetch each row's citations and their sources, numbered in order."""
        return self.prefetch_related(
            models.Prefetch("citations", queryset=Citation.objects.select_related("source").order_by("position"))
        )


class Publishable(models.Model):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    summary = models.TextField(
        _("summary"), max_length=300, help_text=_("One or two sentences; also the page's meta description.")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)
    published_at = models.DateTimeField(
        _("published at"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("A future time schedules the item: it appears then, with no job to run."),
    )
    author = models.ForeignKey(
        "editorial.Contributor",
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_by = models.ForeignKey(
        "editorial.Contributor",
        verbose_name=_("medically reviewed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    last_reviewed_at = models.DateTimeField(_("last reviewed at"), null=True, blank=True)
    body = MarkdownxField(_("body"), blank=True, help_text=_("Markdown. Raw HTML is sanitised away."))
    body_html = models.TextField(editable=False, blank=True)
    body_toc = models.JSONField(editable=False, default=list, blank=True)
    rendered_with = models.PositiveSmallIntegerField(
        editable=False, default=0, help_text=_("Version of the Markdown pipeline that rendered body_html.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # One more on every save: a form or a revision says which version it was based on (editorial.locking).
    lock_version = models.PositiveIntegerField(_("version"), default=0, editable=False)
    superseded_by = models.ForeignKey(
        "self",
        verbose_name=_("superseded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("When archived, readers of the old address are sent here (301) instead of seeing 410 Gone."),
    )
    citations = GenericRelation("editorial.Citation")
    transition_logs = GenericRelation("editorial.TransitionLog")
    notes = GenericRelation("editorial.ItemNote")  # reviewers' and editors' notes (editorial/notes.py)

    # Columns save() computes from the others; they stay out of history.
    derived_fields = ("body_html", "body_toc", "rendered_with")
    history = HistoricalRecords(inherit=True, excluded_fields=list(derived_fields))

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-published_at", "title"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=Status.PUBLISHED)
                | Q(reviewed_by__isnull=False, last_reviewed_at__isnull=False, published_at__isnull=False),
                name="%(app_label)s_%(class)s_published_is_reviewed",
                violation_error_message=_(
                    "Published content needs a medical reviewer, a review date and a publication time."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        creating = self.pk is None
        if not creating:
            # Writers of content lock the row first, so this is one more than what everyone else saw.
            self.lock_version += 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = [*kwargs["update_fields"], "lock_version"]
        self.render_markdown()
        if not creating:
            super().save(*args, **kwargs)
            return
        # Ids in the body carry the primary key, known only after the insert. One transaction, so the new
        # content version the insert's signals start reaches readers only once the final ids are written.
        with transaction.atomic(using=kwargs.get("using")):
            super().save(*args, **kwargs)
            self.render_markdown()
            self.save_derived_fields()

    def clean(self) -> None:
        super().clean()
        keys = render(self.body).citation_keys
        unknown = sorted(set(keys) - set(Source.objects.filter(key__in=keys).values_list("key", flat=True)))
        problems = []
        if unknown:
            message = _("Unknown source key(s): %(keys)s. Add the source first, or fix the key.")
            problems.append(message % {"keys": ", ".join(unknown)})
        if missing_alt := images_without_alt_text(self.body):
            message = _(
                "%(count)d image(s) have no alt text. Describe each one: ![what it shows](...), "
                "or write ![decorative](...) if it adds nothing a reader needs."
            )
            problems.append(message % {"count": missing_alt})
        if problems:
            raise ValidationError({"body": problems})

    def publication_problems(self) -> list[str]:
        """Rules of this type that a reviewer cannot approve past (workflow.meets_its_type_rules)."""
        return []

    @property
    def id_prefix(self) -> str:
        """Prefix for ids in the rendered body, unique across objects on one page."""
        return f"{self._meta.model_name}-{self.pk}-" if self.pk else ""

    @classmethod
    def review_interval(cls) -> timedelta:
        """How long a medical review stays current for this type (settings.REVIEW_INTERVAL_DAYS)."""
        days = settings.REVIEW_INTERVAL_DAYS.get(cls._meta.label_lower, settings.REVIEW_INTERVAL_DEFAULT_DAYS)
        return timedelta(days=days)

    @property
    def is_review_due(self) -> bool:
        if self.status != Status.PUBLISHED or self.last_reviewed_at is None:
            return False
        return self.last_reviewed_at + self.review_interval() <= timezone.now()

    @property
    def table_of_contents(self) -> list:
        """The body's h2/h3 headings, shown only when there are three or more."""
        count = sum(1 + len(entry["children"]) for entry in self.body_toc)
        return self.body_toc if count >= 3 else []

    @property
    def is_public(self) -> bool:
        return self.status == Status.PUBLISHED and self.published_at is not None and self.published_at <= timezone.now()

    @property
    def citation_namespace(self) -> str:
        """The object part of citation anchors: "src-<this>-3" in the sources list."""
        return citation_namespace(self.id_prefix)

    def render_markdown(self) -> None:
        """Fill the derived HTML columns from `body` with the current pipeline."""
        rendered = render(self.body, id_prefix=self.id_prefix)
        self.body_html, self.body_toc, self.rendered_with = rendered.html, rendered.toc, PIPELINE_VERSION
        # Not a column: read by the post-save handler that writes Citation rows.
        self.cited_keys = rendered.citation_keys

    def save_derived_fields(self) -> None:
        """Write only the columns computed from the body: no history row, no timestamp change."""
        # bumps: its callers do (save(): the insert's signals, same transaction; rerender_markdown, rebuild_index)
        type(self)._base_manager.filter(pk=self.pk).update(**{f: getattr(self, f) for f in self.derived_fields})

    def search_text(self) -> str:
        """Plain text that search matches against; subclasses add their own fields."""
        return html.unescape(strip_tags(self.body_html))


def source_cited_by_published(source: Source) -> bool:
    """Whether any published (or scheduled) item shows `source`: cited as [@key] in its text, or named by
    one of its rows (a strain's reported effect). Then a change to the source reaches readers at once."""
    for citation in source.citations.values("content_type").distinct():
        model = ContentType.objects.get_for_id(citation["content_type"]).model_class()
        cited_ids = source.citations.filter(content_type=citation["content_type"]).values("object_id")
        if model is not None and model._base_manager.filter(pk__in=cited_ids, status=Status.PUBLISHED).exists():
            return True
    for relation in Source._meta.related_objects:
        model = relation.related_model
        if not relation.one_to_many or model._meta.app_label == "editorial":  # citations, history: above
            continue
        # The item the row belongs to: the row's own foreign key to a Publishable.
        owners = [f for f in model._meta.concrete_fields if f.is_relation and f.related_model]
        item = next((f.name for f in owners if issubclass(f.related_model, Publishable)), None)
        rows = model._base_manager.filter(**{relation.field.name: source})
        if item is not None and rows.filter(**{f"{item}__status": Status.PUBLISHED}).exists():
            return True
    return False
