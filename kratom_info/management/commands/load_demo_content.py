from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from articles.models import Article, Topic
from editorial.models import Contributor, Page, Source, Status
from faq.models import FAQCategory, FAQEntry
from kratom_info import demo_content as demo
from risks.models import RiskItem
from strains.models import ReportedEffect, StrainProfile

# Set when a row is created and never changed by a later run (so a second run changes nothing):
# yesterday, so the demo articles' replies are open (they close COMMENTS_CLOSE_AFTER_DAYS after).
CREATE_ONLY = {"published_at", "last_reviewed_at"}


class Command(BaseCommand):
    help = (
        "Load the demo content: fictional contributors, real sources, articles, FAQ entries, strain "
        "profiles, risk items and pages. Idempotent: a second run changes nothing. Refuses with "
        "DJANGO_DEBUG off unless --allow-in-production."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-in-production", action="store_true", help="Load even with DJANGO_DEBUG off (not recommended)."
        )

    def handle(self, *args, allow_in_production: bool = False, **options):
        """Create or update every demo row; report what changed."""
        if not settings.DEBUG and not allow_in_production:
            raise CommandError(
                "Refusing to load demo content with DJANGO_DEBUG off: it adds fictional people to a live site. "
                "Pass --allow-in-production if you really mean it."
            )
        self.counts = {"created": 0, "updated": 0, "unchanged": 0}
        with transaction.atomic():
            self.load()
        summary = ", ".join(f"{n} {label}" for label, n in self.counts.items())
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {summary}."))

    def load(self) -> None:
        for row in demo.SOURCES:
            self.upsert(Source, {"key": row["key"]}, row)
        people = {
            row["slug"]: self.upsert(Contributor, {"slug": row["slug"]}, {**row, "is_demo": True})
            for row in demo.CONTRIBUTORS
        }
        published_at = (timezone.now() - timedelta(days=1)).replace(minute=0, second=0, microsecond=0)
        reviewed = {
            "status": Status.PUBLISHED,
            "published_at": published_at,
            "last_reviewed_at": published_at,
            "author": people[demo.AUTHOR],
            "reviewed_by": people[demo.REVIEWER],
        }
        topics = {row["slug"]: self.upsert(Topic, {"slug": row["slug"]}, row) for row in demo.TOPICS}
        categories = {row["slug"]: self.upsert(FAQCategory, {"slug": row["slug"]}, row) for row in demo.FAQ_CATEGORIES}
        risks = {row["slug"]: self.upsert(RiskItem, {"slug": row["slug"]}, {**row, **reviewed}) for row in demo.RISKS}
        faqs = {
            row["slug"]: self.upsert(
                FAQEntry, {"slug": row["slug"]}, {**row, **reviewed, "category": categories[row["category"]]}
            )
            for row in demo.FAQS
        }
        for row in demo.STRAINS:
            values = {
                **row,
                **reviewed,
                "marketed_names": "\n".join(row["marketed_names"]),
                "cautions": "\n".join(row["cautions"]),
            }
            strain = self.upsert(StrainProfile, {"slug": row["slug"]}, values)
            for order, effect in enumerate(row["effects"]):
                source = Source.objects.get(key=effect["source"]) if effect.get("source") else None
                self.upsert(
                    ReportedEffect,
                    {"strain": strain, "effect": effect["effect"]},
                    {"evidence_level": effect["evidence_level"], "source": source, "order": order},
                )
        for row in demo.ARTICLES:
            values = {**row, **reviewed, "key_takeaways": "\n".join(row["key_takeaways"])}
            article = self.upsert(Article, {"slug": row["slug"]}, values)
            self.set_m2m(article.topics, [topics[slug] for slug in row["topics"]])
            self.set_m2m(article.related_risks, [risks[slug] for slug in row["related_risks"]])
            self.set_m2m(article.related_faqs, [faqs[slug] for slug in row["related_faqs"]])
        for row in demo.PAGES:
            self.upsert(Page, {"slug": row["slug"]}, {**row, **reviewed})

    def upsert(self, model, lookup: dict, values: dict):
        """Create the row, or update the fields that differ; save nothing when nothing differs.

        Only concrete fields are taken from `values`; many-to-many and child rows are set by the caller.
        """
        columns = {field.name for field in model._meta.fields}
        fields = {name: value for name, value in values.items() if name in columns and name not in lookup}
        obj = model.objects.filter(**lookup).first()
        if obj is None:
            obj = model(**lookup, **fields)
            self.counts["created"] += 1
        else:
            changed = {n: v for n, v in fields.items() if n not in CREATE_ONLY and getattr(obj, n) != v}
            if not changed:
                self.counts["unchanged"] += 1
                return obj
            for name, value in changed.items():
                setattr(obj, name, value)
            self.counts["updated"] += 1
        obj.full_clean()
        obj.save()
        return obj

    def set_m2m(self, manager, wanted: list) -> None:
        if set(manager.all()) != set(wanted):
            manager.set(wanted)
