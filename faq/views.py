from django.views.generic import ListView

from editorial.views import PublishedDetailView

from .models import FAQEntry


class FAQListView(ListView):
    def get_queryset(self):
        return FAQEntry.objects.published().select_related("category").with_sources()


class FAQDetailView(PublishedDetailView):
    parent_page = ("FAQ", "faq:list")
    queryset = FAQEntry.objects.select_related("category")
