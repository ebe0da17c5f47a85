"""Workflow notifications: one row per recipient per event. The in-admin list and the mail queue in one table."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationEvent(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted for review")
    RETURNED = "returned", _("Returned to draft")
    PUBLISHED = "published", _("Published")
    SCHEDULED = "scheduled", _("Scheduled")
    REVISION_PROPOSED = "revision_proposed", _("Changes proposed")
    REVISION_PUBLISHED = "revision_published", _("Your revision published")
    REVISION_WITHDRAWN = "revision_withdrawn", _("Your revision withdrawn")
    NOTE_ADDED = "note_added", _("Note left")


class Notification(models.Model):
    """Someone did something to an item that `recipient` should know about.

    `sent_at` stays empty until the mail went out: a failed send leaves it empty and `send_notifications`
    (cron) retries it. `by_mail` is false for a recipient without an e-mail address (the admin list only)."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    event = models.CharField(_("event"), max_length=30, choices=NotificationEvent.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    revision = models.ForeignKey("editorial.Revision", on_delete=models.SET_NULL, null=True, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    by_mail = models.BooleanField(default=True)
    claimed_at = models.DateTimeField(null=True, editable=False)  # a send in progress (see notifications.py)
    sent_at = models.DateTimeField(_("mailed at"), null=True, editable=False)
    attempts = models.PositiveSmallIntegerField(default=0, editable=False)
    failed_at = models.DateTimeField(_("last failed send"), null=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            models.Index(fields=["recipient", "read_at"]),
            models.Index(fields=["sent_at", "by_mail"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_event_display()}: {self.title}"
