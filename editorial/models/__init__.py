"""What every published thing shares. Content apps import from here."""

from .citations import Citation
from .people import Contributor, Source, SourceType
from .publishable import EvidenceLevel, Publishable, PublishableQuerySet, Status, published_q
from .search import SearchEntry
from .site import Page, SafetyNotice
from .workflow import Revision, RevisionStatus, TransitionLog

__all__ = [
    "Citation",
    "Contributor",
    "EvidenceLevel",
    "Page",
    "Publishable",
    "PublishableQuerySet",
    "Revision",
    "RevisionStatus",
    "SafetyNotice",
    "SearchEntry",
    "Source",
    "SourceType",
    "Status",
    "TransitionLog",
    "published_q",
]
