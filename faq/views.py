from django.views.generic import ListView

from editorial.views import PublishedDetailView

from .models import FAQEntry
from .structured_data import faq_page


class FAQListView(ListView):
    page_cache_parameters = {}  # page_cache/middleware.py: the query parameters this page reads

    def get_queryset(self):
        return FAQEntry.objects.published().select_related("category").with_sources()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["structured_data"] = [faq_page(context["object_list"])]
        return context


class FAQDetailView(PublishedDetailView):
    parent_page = ("FAQ", "faq:list")
    queryset = FAQEntry.objects.select_related("category")
