from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from editorial.roles import EDITOR, REVIEWER, model_permissions


class FaqConfig(AppConfig):
    name = "faq"
    verbose_name = _("FAQ")
    role_permissions = {
        EDITOR: model_permissions("faq", "faqentry", "faqcategory"),
        REVIEWER: model_permissions("faq", "faqentry", "faqcategory"),
    }
    public_models = ["FAQCategory"]  # editorial.content_version
