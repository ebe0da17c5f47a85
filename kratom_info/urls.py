from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from editorial import views as editorial_views
from operations.views import healthz

from . import views
from .feeds import ArticleAtomFeed, ArticleFeed
from .sitemaps import SITEMAPS

handler500 = "kratom_info.views.server_error"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("", include("helplines.urls")),  # /get-help/
    path("evidence-levels/", views.EvidenceLevelsView.as_view(), name="evidence_levels"),
    path("articles/", include("articles.urls")),
    path("", include("comments.urls")),
    path("faq/", include("faq.urls")),
    path("strains/", include("strains.urls")),
    path("risks/", include("risks.urls")),
    path("contributors/<slug:slug>/", editorial_views.ContributorDetailView.as_view(), name="contributor_detail"),
    path("feeds/articles.rss", ArticleFeed(), name="feed_rss"),
    path("feeds/articles.atom", ArticleAtomFeed(), name="feed_atom"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path(".well-known/security.txt", views.security_txt, name="security_txt"),
    path("healthz", healthz, name="healthz"),
    # markdownx's own urls are deliberately not included: these are staff-only.
    path(
        f"{settings.ADMIN_URL}markdownx/markdownify/",
        editorial_views.MarkdownPreviewView.as_view(),
        name="markdownx_preview",
    ),
    path(f"{settings.ADMIN_URL}markdownx/upload/", editorial_views.ImageUploadView.as_view(), name="markdownx_upload"),
    path(settings.ADMIN_URL, admin.site.urls),
    path(f"{settings.MEDIA_URL.strip('/')}/<path:name>", editorial_views.media_file, name="media"),
    # Standing pages (About, privacy, ...) live at the top level; keep this last.
    path("<slug:slug>/", editorial_views.PageDetailView.as_view(), name="page_detail"),
]
