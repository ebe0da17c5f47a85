from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from editorial.models import SingletonModel

from .addresses import email_key


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting moderation")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    SPAM = "spam", _("Spam")


class CommentQuerySet(models.QuerySet):
    def approved(self):
        """Comments readers see."""
        return self.filter(status=CommentStatus.APPROVED)

    def awaiting_moderation(self):
        """The moderators' queue: urgent (crisis) first, then oldest first."""
        return self.filter(status=CommentStatus.PENDING).order_by("-is_urgent", "created_at", "pk")


class Comment(models.Model):
    article = models.ForeignKey(
        "articles.Article", verbose_name=_("article"), on_delete=models.CASCADE, related_name="comments"
    )
    # Deleting a comment (a data request, a purge) must not delete other people's replies to it.
    parent = models.ForeignKey(
        "self", verbose_name=_("in reply to"), on_delete=models.SET_NULL, null=True, blank=True, related_name="replies"
    )
    name = models.CharField(_("name"), max_length=80)
    email = models.EmailField(_("e-mail"), help_text=_("Never shown."))
    # The address as one person (comments.addresses): limits, duplicates and identity compare this.
    email_key = models.CharField(max_length=254, editable=False, blank=True, db_index=True, default="")
    body = models.TextField(_("comment"), max_length=5000)
    status = models.CharField(
        _("status"), max_length=10, choices=CommentStatus.choices, default=CommentStatus.PENDING, db_index=True
    )
    hold_reasons = models.JSONField(_("hold reasons"), default=list, blank=True)
    is_urgent = models.BooleanField(
        _("urgent"), default=False, db_index=True, help_text=_("Crisis language: read this first.")
    )
    ip_hash = models.CharField(_("address hash"), max_length=64, blank=True, db_index=True)
    user_agent = models.CharField(_("browser"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("posted at"), auto_now_add=True, db_index=True)
    imported = models.BooleanField(
        _("imported"), default=False, help_text=_("Brought in from a WordPress export (manage.py import_wxr).")
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    moderation_note = models.TextField(_("moderation note"), blank=True)
    # Set once moderators have been told about a held comment (after the mail went); the digest command
    # retries the rest, and alerts claimed (alert_claimed_at) by a worker that died before sending.
    alerted_at = models.DateTimeField(_("moderators alerted at"), null=True, blank=True)
    alert_claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Asked for by a moderator; sent after their page (moderation_digest retries what did not go out).
    support_requested_at = models.DateTimeField(_("support resources requested at"), null=True, blank=True)
    support_sent_at = models.DateTimeField(_("support resources sent at"), null=True, blank=True)
    # When a worker took the mail to send it: the lease a dead worker's claim expires after (as alert_claimed_at).
    support_claimed_at = models.DateTimeField(_("support mail claimed at"), null=True, blank=True, editable=False)
    support_sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("support resources asked for by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    support_note = models.TextField(_("note with the support resources"), blank=True)
    # When the address was offered a link to confirm the writer's browser, and when that link was used
    # or cancelled (it works once, and not after the address's browsers were forgotten): comments.identity.
    confirmation_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    confirmation_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The reply form's one-time number: one signed form, one comment.
    form_nonce = models.CharField(max_length=32, null=True, blank=True, unique=True, editable=False)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [models.Index(fields=["email", "created_at"]), models.Index(fields=["article", "status"])]

    def __str__(self) -> str:
        return f"{self.name} on {self.article}: {self.body[:40]}"

    def save(self, *args, **kwargs) -> None:
        self.email_key = email_key(self.email)
        if kwargs.get("update_fields") is not None and "email" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "email_key"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return f"{self.article.get_absolute_url()}#comment-{self.pk}"


class ModerationSettings(SingletonModel):
    """The site's moderation lists and switches (one row, with history). One entry per line in each list."""

    disallowed_words = models.TextField(
        _("disallowed words"), blank=True, help_text=_("A match marks the comment as spam.")
    )
    disallowed_names = models.TextField(_("disallowed names"), blank=True)
    disallowed_email_domains = models.TextField(_("disallowed e-mail domains"), blank=True)
    disallowed_link_domains = models.TextField(_("disallowed link domains"), blank=True)
    link_threshold = models.PositiveSmallIntegerField(
        _("hold at this many links"), default=1, help_text=_("A comment with this many links or more is held.")
    )
    moderation_words = models.TextField(_("words that hold a comment"), blank=True)
    crisis_phrases = models.TextField(
        _("extra crisis phrases"),
        blank=True,
        help_text=_("Added to the built-in crisis language. A match is urgent and never published automatically."),
    )
    hold_everything = models.BooleanField(_("hold every comment"), default=False)
    digest_last_sent_at = models.DateTimeField(_("digest last sent"), null=True, blank=True, editable=False)
    history = HistoricalRecords(excluded_fields=["digest_last_sent_at"])

    class Meta(SingletonModel.Meta):
        verbose_name = _("moderation settings")
        verbose_name_plural = _("moderation settings")
        ordering = ["pk"]

    def __str__(self) -> str:
        return str(_("Moderation settings"))

    @classmethod
    def current(cls) -> "ModerationSettings":
        """The settings row, or defaults when none was saved yet."""
        return cls.objects.filter(pk=cls.SINGLETON_PK).first() or cls()

    @staticmethod
    def lines(text: str) -> list[str]:
        return [line.strip().lower() for line in text.splitlines() if line.strip()]


class CommenterKey(models.Model):
    """A browser a writer confirmed through a link mailed to their address (comments.identity).

    Only a hash of the cookie's random key is kept. Replies from this browser under this address
    may be published without a moderator, if they trip no rule."""

    email_key = models.CharField(max_length=254, db_index=True)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("confirmed browser")
        verbose_name_plural = _("confirmed browsers")

    def __str__(self) -> str:
        return f"Confirmed browser from {self.created_at:%Y-%m-%d}"


class DataRequest(models.Model):
    """One "see or delete my comments" request, kept only to rate-limit them (no address stored)."""

    email_hash = models.CharField(max_length=64, db_index=True)
    ip_hash = models.CharField(max_length=64, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("data request")
        verbose_name_plural = _("data requests")

    def __str__(self) -> str:
        return f"Data request at {self.created_at:%Y-%m-%d %H:%M}"
