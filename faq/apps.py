from django.utils.translation import gettext_lazy as _

from editorial import content_apps


class FaqConfig(content_apps.ContentAppConfig):
    name = "faq"
    verbose_name = _("FAQ")
    content_models = ("faqentry", "faqcategory")
    public_models = ("FAQCategory",)
