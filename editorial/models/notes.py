"""Notes on an item: what a medical reviewer or an editor says about a draft, optionally on a quoted passage.

A note is resolved, never deleted: who resolved it and when stay with it. The services are in editorial/notes.py.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

BODY_LENGTH = 2000
QUOTE_LENGTH = 1000


class ItemNote(models.Model):
    """One note on one item (any Publishable). Open until someone resolves it; then kept, under "resolved"."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    # PROTECT, like the workflow log: staff accounts are deactivated, not deleted, and a note keeps its writer.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, related_name="+"
    )
    body = models.TextField(_("note"), max_length=BODY_LENGTH)
    quote = models.TextField(
        _("quoted passage"), max_length=QUOTE_LENGTH, blank=True, help_text=_("The words of the item it is about.")
    )
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resolved by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["created_at", "pk"]  # oldest first: read as a conversation
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        indexes = [models.Index(fields=["content_type", "object_id", "resolved_at"])]
        # Who may write and resolve notes is the workflow's permissions (editorial/notes.py). There is no
        # add, change or delete permission to give anyone: a note is resolved, never edited or deleted.
        default_permissions = ()
        constraints = [
            models.CheckConstraint(condition=~Q(body=""), name="editorial_itemnote_has_body"),
            models.CheckConstraint(
                condition=Q(resolved_at__isnull=True, resolved_by__isnull=True)
                | Q(resolved_at__isnull=False, resolved_by__isnull=False),
                name="editorial_itemnote_resolved_by_someone",
            ),
        ]

    def __str__(self) -> str:
        return self.body[:60]
