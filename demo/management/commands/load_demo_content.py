from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from articles.models import Article, Topic
from editorial import content_files as demo
from editorial.models import Contributor, Page, Source, Status
from faq.models import FAQCategory, FAQEntry
from risks.models import LegalFact, RiskItem
from strains.models import ReportedEffect, StrainProfile

# Set when a row is created and never changed by a later run (so a second run changes nothing):
# yesterday, so the demo articles' replies are open (they close COMMENTS_CLOSE_AFTER_DAYS after).
CREATE_ONLY = {"published_at", "last_reviewed_at"}


def _as_stored(field, value):
    """The value as the database will hand it back (a related row stays the row)."""
    return value if field.is_relation else field.to_python(value)


class Command(BaseCommand):
    help = (
        "Load the demo content from the text files in content/: fictional contributors, real sources, "
        "articles, FAQ entries, strain profiles, risk items and pages. Idempotent: a second run changes nothing. "
        "Refuses with "
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
        self.seen = {}
        try:
            with transaction.atomic():
                self.load()
        except (demo.ContentError, ValidationError, KeyError) as error:
            raise CommandError(f"The content files were not loaded (nothing was changed): {error}") from error
        summary = ", ".join(f"{n} {label}" for label, n in self.counts.items())
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {summary}."))

    def load(self) -> None:
        for row in demo.sources():
            self.upsert(Source, {"key": row["key"]}, row, path="sources/")
        cast = demo.people()
        people = {
            row["slug"]: self.upsert(Contributor, {"slug": row["slug"]}, {**row, "is_demo": True}, path="people.toml")
            for row in cast["contributor"]
        }
        published_at = (timezone.now() - timedelta(days=1)).replace(minute=0, second=0, microsecond=0)
        reviewed = {
            "status": Status.PUBLISHED,
            "published_at": published_at,
            "last_reviewed_at": published_at,
            "author": people[cast["author"]],
            "reviewed_by": people[cast["reviewer"]],
        }
        taxonomy = demo.taxonomy()
        topics = {row["slug"]: self.upsert(Topic, {"slug": row["slug"]}, row) for row in taxonomy["topic"]}
        categories = {
            row["slug"]: self.upsert(FAQCategory, {"slug": row["slug"]}, row) for row in taxonomy["faq_category"]
        }
        risks = {}
        for row in demo.items("risks"):
            risk = risks[row["slug"]] = self.upsert(
                RiskItem, {"slug": row["slug"]}, {**row, **reviewed}, extra={"legal_facts"}
            )
            where = f"content/risks/{row['slug']}.md"
            facts = [{**fact, "source": self.source(fact, where)} for fact in row.get("legal_facts", [])]
            self.sync_children(risk, LegalFact, "risk", facts, where)
        faqs = {
            row["slug"]: self.upsert(
                FAQEntry,
                {"slug": row["slug"]},
                {**row, **reviewed, "category": self.find(categories, row["category"], "FAQ category", row)},
            )
            for row in demo.items("faq")
        }
        for row in demo.items("strains"):
            values = {
                **row,
                **reviewed,
                "marketed_names": "\n".join(row["marketed_names"]),
                "cautions": "\n".join(row["cautions"]),
            }
            strain = self.upsert(StrainProfile, {"slug": row["slug"]}, values, extra={"effects"})
            where = f"content/strains/{row['slug']}.md"
            effects = [{**effect, "source": self.source(effect, where)} for effect in row.get("effects", [])]
            self.sync_children(strain, ReportedEffect, "strain", effects, where)
        for row in demo.items("articles"):
            values = {**row, **reviewed, "key_takeaways": "\n".join(row["key_takeaways"])}
            article = self.upsert(
                Article, {"slug": row["slug"]}, values, extra={"topics", "related_risks", "related_faqs"}
            )
            self.set_m2m(article.topics, [self.find(topics, slug, "topic", row) for slug in row["topics"]])
            self.set_m2m(article.related_risks, [self.find(risks, slug, "risk", row) for slug in row["related_risks"]])
            self.set_m2m(
                article.related_faqs, [self.find(faqs, slug, "FAQ entry", row) for slug in row["related_faqs"]]
            )
        for row in demo.items("pages"):
            self.upsert(Page, {"slug": row["slug"]}, {**row, **reviewed})
        self.report_strays(reviewed["author"])

    def report_strays(self, author) -> None:
        """Demo items whose file is gone are left as they are (an editor may have taken them over): say so."""
        for model in (Article, FAQEntry, RiskItem, StrainProfile, Page):
            stray = model.objects.filter(author=author).exclude(slug__in=self.seen.get(model, ()))
            for slug in stray.values_list("slug", flat=True):
                self.stderr.write(f"No file in content/ for the {model._meta.verbose_name} '{slug}': left unchanged.")

    def find(self, rows: dict, slug: str, what: str, item: dict):
        if slug not in rows:
            raise CommandError(f"{item['slug']}: no {what} with the slug '{slug}'.")
        return rows[slug]

    def source(self, row: dict, where: str) -> Source:
        source = Source.objects.filter(key=row.get("source") or "").first()
        if source is None:
            raise CommandError(f"{where}: '{row}' needs a source key defined in content/sources/.")
        return source

    def sync_children(self, parent, model, parent_field: str, rows: list[dict], where: str) -> None:
        """Make the parent's child rows exactly these, in this order; touch nothing when they already are."""
        fields = [f for f in model._meta.fields if f.name not in {"id", parent_field, "order"}]
        columns = [field.name for field in fields]
        if unknown := sorted({name for row in rows for name in row} - set(columns)):
            raise CommandError(f"{where}: unknown field(s) {', '.join(unknown)} for a {model._meta.verbose_name}.")
        try:  # as the database will hold them (a date written as text compares equal next time)
            wanted = [{f.name: _as_stored(f, row.get(f.name, f.get_default())) for f in fields} for row in rows]
        except ValidationError as error:
            raise CommandError(f"{where}: {'; '.join(error.messages)}") from error
        existing = model.objects.filter(**{parent_field: parent}).order_by("order", "pk")
        if [{name: getattr(child, name) for name in columns} for child in existing] == wanted:
            return
        self.counts["updated" if existing.exists() else "created"] += 1
        existing.delete()
        for order, values in enumerate(wanted):
            child = model(**{parent_field: parent}, **values, order=order)
            try:
                child.full_clean()
            except ValidationError as error:
                raise CommandError(
                    f"{where}: {model._meta.verbose_name} {order + 1}: {'; '.join(error.messages)}"
                ) from error
            child.save()

    def upsert(self, model, lookup: dict, values: dict, *, extra: set = frozenset(), path: str = ""):
        """Create the row, or update the fields that differ; save nothing when nothing differs.

        Only concrete fields are taken from `values`; many-to-many and child rows (`extra`) are set by the
        caller. Any other name is a typo in a content file, and stops the load.
        """
        self.seen.setdefault(model, set()).update(lookup.values())
        columns = {field.name for field in model._meta.fields}
        where = path or f"{model._meta.verbose_name} '{next(iter(lookup.values()))}'"
        if unknown := sorted(set(values) - columns - set(lookup) - set(extra)):
            raise CommandError(f"{where}: unknown field(s) {', '.join(unknown)} for a {model._meta.verbose_name}.")
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
        try:
            obj.full_clean()
        except ValidationError as error:
            raise CommandError(f"{where}: {'; '.join(error.messages)}") from error
        obj.save()
        return obj

    def set_m2m(self, manager, wanted: list) -> None:
        if set(manager.all()) != set(wanted):
            manager.set(wanted)
