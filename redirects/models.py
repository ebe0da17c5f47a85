from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Redirect(models.Model):
    """An old path that answers 301 with a new one; consulted only when the old path finds nothing (404).

    Made automatically when a published item's slug changes (redirects.services), or by hand in the admin.
    An automatic one follows its item: while the item is not public, the old path is a 404 again.
    """

    old_path = models.CharField(
        _("old path"), max_length=300, unique=True, help_text=_("A path on this site, e.g. /articles/old-slug/")
    )
    new_path = models.CharField(
        _("new path"), max_length=300, help_text=_("Where it now answers, e.g. /articles/new-slug/")
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, null=True, blank=True, editable=False)
    object_id = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    target = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        db_table = "editorial_redirect"  # made when this model was part of editorial; the rows stay there
        ordering = ["old_path"]
        verbose_name = _("redirect")
        verbose_name_plural = _("redirects")

    def __str__(self) -> str:
        return f"{self.old_path} → {self.new_path}"

    def clean(self) -> None:
        for name in ("old_path", "new_path"):
            value = getattr(self, name)
            if not value.startswith("/") or value.startswith("//") or any(c in value for c in " \\"):
                raise ValidationError({name: _("Give a path on this site that starts with one /, e.g. /articles/x/.")})
        if self.old_path == self.new_path:
            raise ValidationError({"new_path": _("A path cannot redirect to itself.")})
        if Redirect.objects.exclude(pk=self.pk).filter(old_path=self.new_path).exists():
            raise ValidationError({"new_path": _("That path redirects elsewhere: point at the final one instead.")})
