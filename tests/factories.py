from datetime import timedelta

import factory
from django.utils import timezone

from articles.models import Article, Topic
from editorial.models import Contributor, Page, Source, SourceType, Status
from faq.models import FAQCategory, FAQEntry
from risks.models import RiskCategory, RiskItem, Severity
from strains.models import ReportedEffect, StrainProfile, VeinColour


class ContributorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contributor
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Contributor {n}")
    slug = factory.Sequence(lambda n: f"contributor-{n}")
    credentials = "PhD"


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    key = factory.Sequence(lambda n: f"source-{n}")
    title = factory.Sequence(lambda n: f"A study of things, part {n}")
    url = "https://example.org/study"
    source_type = SourceType.OBSERVATIONAL


class PublishableFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Item {n}")
    slug = factory.Sequence(lambda n: f"item-{n}")
    summary = "A short summary."
    body = "Some **body** text.\n\n## A heading\n\nMore text."
    author = factory.SubFactory(ContributorFactory)
    status = Status.DRAFT

    class Params:
        published = factory.Trait(
            status=Status.PUBLISHED,
            published_at=factory.LazyFunction(lambda: timezone.now() - timedelta(days=1)),
            reviewed_by=factory.SubFactory(ContributorFactory, credentials="MD"),
            last_reviewed_at=factory.LazyFunction(lambda: timezone.now() - timedelta(days=1)),
        )


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")


class ArticleFactory(PublishableFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Article {n}")
    slug = factory.Sequence(lambda n: f"article-{n}")
    key_takeaways = "First point\nSecond point"


class FAQCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FAQCategory
        django_get_or_create = ["slug"]

    name = "Basics"
    slug = "basics"


class FAQEntryFactory(PublishableFactory):
    class Meta:
        model = FAQEntry

    title = factory.Sequence(lambda n: f"Question {n}?")
    slug = factory.Sequence(lambda n: f"question-{n}")
    category = factory.SubFactory(FAQCategoryFactory)


class StrainProfileFactory(PublishableFactory):
    class Meta:
        model = StrainProfile
        django_get_or_create = ["vein_colour"]

    title = "Red vein kratom"
    slug = "red-vein"
    vein_colour = VeinColour.RED
    marketed_names = "Red Bali\nRed Maeng Da"
    cautions = "Products vary in strength."


class ReportedEffectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportedEffect

    strain = factory.SubFactory(StrainProfileFactory)
    effect = "Relaxation (user reports)"
    claim_kind = "reported"
    certainty = "not_tested"
    source = factory.SubFactory("tests.factories.SourceFactory")


class RiskItemFactory(PublishableFactory):
    class Meta:
        model = RiskItem

    title = factory.Sequence(lambda n: f"Risk {n}")
    slug = factory.Sequence(lambda n: f"risk-{n}")
    category = RiskCategory.INTERACTIONS
    severity = Severity.HIGH
    claim_kind = "interaction"
    certainty = "low"
    frequency = "unknown"
    what_to_do = "Ask a pharmacist."


class PageFactory(PublishableFactory):
    class Meta:
        model = Page

    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.Sequence(lambda n: f"page-{n}")
