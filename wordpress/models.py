from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedItem(models.Model):
    """One thing brought in from a WordPress export, keyed so a second import finds it again.

    `source_hash` is of the export's version; `local_hash` of the row as the import left it, so a later
    import can tell a draft nobody edited here (updated) from one somebody did (reported as a conflict).
    """

    key = models.CharField(
        _("key"), max_length=500, unique=True, help_text=_("A post's GUID; a comment's site address and ID")
    )
    kind = models.CharField(_("kind"), max_length=20)
    source_hash = models.CharField(max_length=64)
    local_hash = models.CharField(max_length=64)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    original_id = models.CharField(_("WordPress ID"), max_length=20, blank=True, db_index=True)
    original_url = models.URLField(_("original address"), max_length=500, blank=True)
    original_date = models.DateTimeField(_("originally published"), null=True, blank=True)
    imported_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-imported_at"]
        verbose_name = _("imported item")
        verbose_name_plural = _("imported items")

    def __str__(self) -> str:
        return f"{self.kind} {self.key}"
