"""The admin works end to end for every content model: lists, search, filters, add and change forms."""

import re

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from editorial.models import SafetyNotice, Status
from tests import factories

pytestmark = pytest.mark.django_db

MODELS = [
    model
    for model in admin.site._registry
    if model._meta.app_label in {"editorial", "articles", "faq", "strains", "risks"}
]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label)
def test_changelist_with_search_and_add_form_load(admin_client_logged_in, model, one_of_each, django_user_model):
    opts = model._meta
    changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    assert admin_client_logged_in.get(changelist).status_code == 200
    assert admin_client_logged_in.get(changelist, {"q": "kratom \x00 <script>"}).status_code == 200
    add = admin_client_logged_in.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
    request = RequestFactory().get("/")
    request.user = django_user_model.objects.get(username="root")
    assert add.status_code == (200 if admin.site._registry[model].has_add_permission(request) else 403)


@pytest.mark.parametrize("key", ["article", "faq", "strain", "risk", "page"])
def test_change_form_uses_the_markdown_editor_with_our_endpoints(admin_client_logged_in, one_of_each, key, settings):
    obj = one_of_each[key]
    opts = obj._meta
    html = admin_client_logged_in.get(
        reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    ).content.decode()
    assert re.search(r'<textarea name="body"[^>]*class="[^"]*markdownx-editor', html)
    assert f'data-markdownx-urls-path="{settings.MARKDOWNX_URLS_PATH}"' in html
    assert f'data-markdownx-upload-urls-path="{settings.MARKDOWNX_UPLOAD_URLS_PATH}"' in html


def test_strain_change_form_has_the_reported_effects_inline(admin_client_logged_in, one_of_each):
    strain = one_of_each["strain"]
    html = admin_client_logged_in.get(reverse("admin:strains_strainprofile_change", args=[strain.pk])).content.decode()
    assert 'id="effects-group"' in html


def test_an_article_can_be_created_through_the_admin(admin_client_logged_in):
    author = factories.ContributorFactory()
    response = admin_client_logged_in.post(
        reverse("admin:articles_article_add"),
        {
            "title": "Admin-made article",
            "slug": "admin-made-article",
            "summary": "Made in the admin.",
            "body": "## Section\n\n<script>alert(1)</script>Text.",
            "key_takeaways": "",
            "status": Status.DRAFT,
            "author": author.pk,
            "comments_enabled": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    from articles.models import Article

    article = Article.objects.get(slug="admin-made-article")
    assert "<script" not in article.body_html
    assert article.history.count() == 1


def test_status_and_review_fields_cannot_be_set_through_the_form(admin_client_logged_in):
    strain = factories.StrainProfileFactory()
    data = {
        "title": strain.title,
        "slug": strain.slug,
        "summary": strain.summary,
        "body": strain.body,
        "status": Status.PUBLISHED,
        "reviewed_by": factories.ContributorFactory().pk,
        "last_reviewed_at_0": "2026-01-01",
        "last_reviewed_at_1": "10:00:00",
        "vein_colour": strain.vein_colour,
        "marketed_names": "",
        "cautions": "",
        "lock_version": strain.lock_version,  # the version the form was opened on (editorial.locking)
        "effects-TOTAL_FORMS": "0",
        "effects-INITIAL_FORMS": "0",
    }
    response = admin_client_logged_in.post(reverse("admin:strains_strainprofile_change", args=[strain.pk]), data)
    assert response.status_code == 302
    strain.refresh_from_db()
    assert (strain.status, strain.reviewed_by, strain.last_reviewed_at) == (Status.DRAFT, None, None)


def test_the_safety_notice_cannot_be_added_twice_or_deleted(admin_client_logged_in):
    SafetyNotice.objects.create()
    assert admin_client_logged_in.get(reverse("admin:editorial_safetynotice_add")).status_code == 403
    assert admin_client_logged_in.get(reverse("admin:editorial_safetynotice_delete", args=[1])).status_code == 403
