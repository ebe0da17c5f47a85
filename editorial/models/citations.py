"""Citation: which sources an object cites, in the order its text first cites them."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from .people import Source


class Citation(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    source = models.ForeignKey(Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="citations")
    position = models.PositiveSmallIntegerField(_("number"), help_text=_("The number shown in the text: [1], [2], ..."))

    class Meta:
        ordering = ["content_type", "object_id", "position"]
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id", "position"], name="citation_unique_position")
        ]

    def __str__(self) -> str:
        return f"[{self.position}] {self.source.key}"

    @classmethod
    def sync(cls, instance) -> None:
        """Rewrite an object's citations from the keys its last render found."""
        keys = getattr(instance, "cited_keys", None)
        if keys is None:  # not rendered in this process: nothing new to write
            return
        content_type = ContentType.objects.get_for_model(instance)
        sources = Source.objects.in_bulk(keys, field_name="key")
        with transaction.atomic():
            cls.objects.filter(content_type=content_type, object_id=instance.pk).delete()
            cls.objects.bulk_create(
                cls(content_type=content_type, object_id=instance.pk, source=sources[key], position=number)
                for number, key in enumerate(keys, start=1)
                if key in sources
            )
