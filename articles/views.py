from django.views.generic import ListView

from editorial.views import PublishedDetailView

from .models import Article


class ArticleListView(ListView):
    paginate_by = 20

    def get_queryset(self):
        return Article.objects.published().select_related("author", "reviewed_by")


class ArticleDetailView(PublishedDetailView):
    queryset = Article.objects.select_related("author", "reviewed_by")
