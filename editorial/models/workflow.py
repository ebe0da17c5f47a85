"""The review workflow's records: the transition log and pending revisions."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .publishable import Status


class RemovableModelForeignKey(GenericForeignKey):
    """A generic key that reads as None, and is skipped when prefetched, for a content type whose model was
    removed since (its app uninstalled): a row about it must never make a list or a page fail."""

    @staticmethod
    def _removed(instance) -> bool:
        ct_id = instance.content_type_id
        return ct_id is not None and ContentType.objects.get_for_id(ct_id).model_class() is None

    def __get__(self, instance, cls=None):
        if instance is not None and self._removed(instance):
            return None
        return super().__get__(instance, cls)

    def get_prefetch_querysets(self, instances, querysets=None):
        found, rel_attr, instance_attr, single, name, descriptor = super().get_prefetch_querysets(
            [i for i in instances if not self._removed(i)], querysets
        )

        def key(instance):  # a removed model's rows match nothing: their content_object is cached as None
            return None if self._removed(instance) else instance_attr(instance)

        return found, rel_attr, key, single, name, descriptor


class TransitionLog(models.Model):
    """One status change (or revision publication): who, when, from, to, and why."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    transition = models.CharField(_("action"), max_length=40)
    from_status = models.CharField(_("from"), max_length=20, choices=Status.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=Status.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT)
    note = models.TextField(_("note"), blank=True)
    material_change = models.BooleanField(
        _("material change"), default=False, help_text=_('Readers see "Updated on <date>: <note>".')
    )
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("transition log entry")
        verbose_name_plural = _("transition log")
        indexes = [models.Index(fields=["content_type", "object_id"])]
        # The workflow's permissions live here: they apply to every content type.
        permissions = [
            ("submit_content", "Can submit content for review"),
            ("review_content", "Can approve, publish, schedule and publish revisions"),
            ("retire_content", "Can unpublish and archive content"),
        ]

    def __str__(self) -> str:
        return f"{self.transition}: {self.from_status} -> {self.to_status}"


class RevisionStatus(models.TextChoices):
    PENDING = "pending", _("Pending review")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Revision(models.Model):
    """A pending edit to published content. The live row changes only when a reviewer publishes it."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = RemovableModelForeignKey("content_type", "object_id")
    # {"fields": {name: value}, "m2m": {name: [pk, ...]}, "children": {name: [{field: value}, ...]}}
    data = models.JSONField(_("proposed content"))
    # What it was based on: the live item's version, and the live values (same shape as `data`) of what it
    # changes. Publishing asks the reviewer about every part the live item changed since (services).
    base_version = models.PositiveIntegerField(_("based on version"), null=True, blank=True, editable=False)
    base = models.JSONField(_("live content it was based on"), default=dict, blank=True, editable=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("proposed by"), on_delete=models.PROTECT, related_name="+"
    )
    note = models.TextField(_("note"), blank=True, help_text=_("What changed and why."))
    status = models.CharField(
        _("status"), max_length=20, choices=RevisionStatus.choices, default=RevisionStatus.PENDING, db_index=True
    )
    created_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("pending revision")
        verbose_name_plural = _("pending revisions")
        indexes = [models.Index(fields=["content_type", "object_id", "status"])]

    def __str__(self) -> str:
        # The revision list prefetches content_object and selects content_type: no query per row.
        if self.content_type.model_class() is None:
            return "Proposed change to a removed item"
        kind = self.content_type.name
        item = self.content_object
        if item is None:  # the item was deleted since
            return f"Proposed change to {kind} #{self.object_id}"
        return f"Proposed change to “{item}” ({kind})"

    def get_preview_url(self) -> str:
        return reverse("admin:editorial_revision_preview", args=[self.pk])
