from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from editorial.models import Publishable


class FAQCategory(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("FAQ category")
        verbose_name_plural = _("FAQ categories")

    def __str__(self) -> str:
        return self.name


class FAQEntry(Publishable):
    """A question (the title) and its answer (the body)."""

    category = models.ForeignKey(
        FAQCategory, verbose_name=_("category"), on_delete=models.PROTECT, related_name="entries"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta(Publishable.Meta):
        ordering = ["category__order", "order", "title"]
        verbose_name = _("FAQ entry")
        verbose_name_plural = _("FAQ entries")

    def get_absolute_url(self) -> str:
        return reverse("faq:detail", kwargs={"slug": self.slug})
