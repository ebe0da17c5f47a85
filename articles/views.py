from django.db.models import Prefetch
from django.views.generic import ListView

from editorial.page_parameters import COMMENTS_PAGE, PAGE_NUMBER, SLUG, Values
from editorial.structured_data import DEPRESSION, KRATOM
from editorial.views import PublishedDetailView, QueryFormMixin

from .forms import ArticleFilterForm, CommentsPageForm
from .models import Article


def _published_related(field: str) -> Prefetch:
    """Prefetch a related-content field, keeping only what readers may see."""
    model = Article._meta.get_field(field).related_model
    return Prefetch(field, queryset=model.objects.published())


class ArticleListView(QueryFormMixin, ListView):
    query_form_class = ArticleFilterForm
    template_name = "articles/article_list.html"
    paginate_by = 10
    page_cache_parameters = {"page": PAGE_NUMBER, "topic": SLUG}

    def get_queryset(self):
        articles = Article.objects.published().select_related("reviewed_by").prefetch_related("topics")
        topic = self.query_form.cleaned_data["topic"]
        return articles.filter(topics=topic) if topic else articles


class ArticleDetailView(QueryFormMixin, PublishedDetailView):
    query_form_class = CommentsPageForm
    invalid_template_name = "400.html"
    parent_page = ("Articles", "articles:list")
    about = [KRATOM, DEPRESSION]
    # ?reply= is the comment thread's thank-you after a reply (comments/views.py redirects there).
    page_cache_parameters = {"comments_page": COMMENTS_PAGE, "reply": Values("published|held")}
    queryset = Article.objects.prefetch_related(
        "topics", _published_related("related_risks"), _published_related("related_faqs")
    )

    def get_context_data(self, **kwargs):
        # The thread itself comes from the comments app's template tag; articles never imports comments.
        return super().get_context_data(comments_page=self.query_form.cleaned_data.get("comments_page"), **kwargs)
