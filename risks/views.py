from django.views.generic import ListView

from editorial.views import PublishedDetailView

from .models import RiskItem


class RiskListView(ListView):
    def get_queryset(self):
        return RiskItem.objects.published()


class RiskDetailView(PublishedDetailView):
    queryset = RiskItem.objects.select_related("author", "reviewed_by")
