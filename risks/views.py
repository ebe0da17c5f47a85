from django.db.models import Prefetch
from django.views.generic import ListView

from editorial.models import Certainty
from editorial.structured_data import KRATOM
from editorial.views import PublishedDetailView

from .models import LegalFact, RiskCategory, RiskItem, Severity


def severity_evidence_grid(risks: list[RiskItem]) -> dict:
    """Rated risks (harms, interactions) on a severity x certainty grid, for the chart and its table."""
    levels = [c for c in Certainty if c != Certainty.NOT_TESTED]
    cells = {(severity, level): [] for severity in Severity for level in levels}
    for risk in risks:
        if (risk.severity, risk.certainty) in cells:
            cells[(risk.severity, risk.certainty)].append(risk)
    return {
        "levels": levels,
        "rows": [
            {
                "severity": severity,
                "y": 35 + row * 60,
                "cells": [_cell(cells[(severity, level)], x=100 + column * 90) for column, level in enumerate(levels)],
            }
            for row, severity in enumerate(Severity)
        ],
    }


def _cell(risks: list, *, x: int) -> dict:
    # The circle is readable with one risk, grows with more, and never leaves its cell.
    return {"risks": risks, "x": x, "radius": min(27, 11 + 4 * (len(risks) - 1)) if risks else 0}


class RiskListView(ListView):
    page_cache_parameters = {}  # page_cache/middleware.py: the query parameters this page reads

    def get_queryset(self):
        return RiskItem.objects.published()

    def get_context_data(self, **kwargs):
        risks = list(self.object_list)
        groups = [(category, [r for r in risks if r.category == category]) for category in RiskCategory]
        return super().get_context_data(
            groups=[(category, items) for category, items in groups if items],
            grid=severity_evidence_grid(risks),
            **kwargs,
        )


class RiskDetailView(PublishedDetailView):
    parent_page = ("Risks", "risks:list")
    queryset = RiskItem.objects.prefetch_related(
        Prefetch("legal_facts", queryset=LegalFact.objects.select_related("source"))
    )
    about = [KRATOM]
