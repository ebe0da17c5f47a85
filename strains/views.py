from django.db.models import Prefetch
from django.views.generic import ListView

from editorial.structured_data import KRATOM
from editorial.views import PublishedDetailView

from .models import ReportedEffect, StrainProfile

EFFECTS = Prefetch("effects", queryset=ReportedEffect.objects.select_related("source"))


class StrainListView(ListView):
    page_cache_parameters = {}  # page_cache/middleware.py: the query parameters this page reads

    def get_queryset(self):
        return StrainProfile.objects.published().prefetch_related(EFFECTS)


class StrainDetailView(PublishedDetailView):
    parent_page = ("Strains", "strains:list")
    about = [KRATOM]
    queryset = StrainProfile.objects.prefetch_related(EFFECTS)
