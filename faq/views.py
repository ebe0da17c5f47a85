from django.views.generic import ListView

from editorial.views import PublishedDetailView

from .models import FAQEntry


class FAQListView(ListView):
    def get_queryset(self):
        return FAQEntry.objects.published().select_related("category")


class FAQDetailView(PublishedDetailView):
    queryset = FAQEntry.objects.select_related("category", "author", "reviewed_by")
