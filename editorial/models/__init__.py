"""What every published thing shares. Content apps import from here."""

from .citations import Citation
from .evidence import Certainty, ClaimKind, EvidenceClaim, Frequency
from .notes import ItemNote
from .notifications import Notification, NotificationEvent
from .people import Contributor, Source, SourceType
from .publishable import Publishable, PublishableQuerySet, Status, published_q
from .search import SearchEntry
from .site import ContentVersion, Page, SafetyNotice, SingletonModel
from .workflow import Revision, RevisionStatus, TransitionLog

__all__ = [
    "Certainty",
    "Citation",
    "ClaimKind",
    "ContentVersion",
    "Contributor",
    "EvidenceClaim",
    "Frequency",
    "ItemNote",
    "Notification",
    "NotificationEvent",
    "Page",
    "Publishable",
    "PublishableQuerySet",
    "Revision",
    "RevisionStatus",
    "SafetyNotice",
    "SearchEntry",
    "SingletonModel",
    "Source",
    "SourceType",
    "Status",
    "TransitionLog",
    "published_q",
]
