"""SearchEntry: one row per published item, so search is one query over all types."""

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import connection, models
from django.utils.translation import gettext_lazy as _

from .publishable import PublishableQuerySet, Status


def _plain(text: str) -> str:
    """Collapse whitespace and drop the private-use characters search uses as highlight markers."""
    return " ".join(text.replace("\ue000", "").replace("\ue001", "").split())


class SearchEntry(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    kind = models.CharField(_("kind"), max_length=50)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    text = models.TextField(_("text"), blank=True)
    url = models.CharField(_("URL"), max_length=300)
    # Copied from the item so `published()` applies the very same rule here.
    status = models.CharField(max_length=20, choices=Status.choices)
    published_at = models.DateTimeField(null=True)
    # Filled on PostgreSQL only (GIN-indexed by migration); NULL on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [models.UniqueConstraint(fields=["content_type", "object_id"], name="searchentry_one_per_item")]

    def __str__(self) -> str:
        return f"{self.kind}: {self.title}"

    @classmethod
    def sync(cls, instance) -> None:
        """Create, refresh or drop the entry for one Publishable after it changed."""
        content_type = ContentType.objects.get_for_model(instance)
        key = {"content_type": content_type, "object_id": instance.pk}
        if instance.status != Status.PUBLISHED:
            cls.objects.filter(**key).delete()
            return
        cls.objects.update_or_create(
            **key,
            defaults={
                "kind": str(instance._meta.verbose_name),
                "title": instance.title,
                "summary": instance.summary,
                "text": _plain(instance.search_text()),
                "url": instance.get_absolute_url(),
                "status": instance.status,
                "published_at": instance.published_at,
            },
        )
        if connection.vendor == "postgresql":
            cls.objects.filter(**key).update(
                search_vector=SearchVector("title", weight="A", config="english")
                + SearchVector("summary", weight="B", config="english")
                + SearchVector("text", weight="C", config="english")
            )

    @classmethod
    def remove(cls, instance) -> None:
        """Drop the entry of a deleted item."""
        content_type = ContentType.objects.get_for_model(instance)
        cls.objects.filter(content_type=content_type, object_id=instance.pk).delete()
