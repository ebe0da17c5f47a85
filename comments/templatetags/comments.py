from django import template
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.utils.html import urlize
from django.utils.safestring import mark_safe

from comments.models import Comment
from editorial.page_parameters import not_as_asked

register = template.Library()
PER_PAGE = 20


@register.inclusion_tag("comments/_thread.html", takes_context=True)
def comment_thread(context, article):
    """An article's approved comments, oldest first, replies one level deep, paginated; constant queries."""
    replies = Prefetch("replies", queryset=Comment.objects.approved().order_by("created_at", "pk"), to_attr="shown")
    top_level = article.comments.approved().filter(parent=None).prefetch_related(replies).order_by("created_at", "pk")
    asked = context.get("comments_page") or 1
    page = Paginator(top_level, PER_PAGE).get_page(asked)
    request = context.get("request")
    if page.number != asked:  # past the last page, the last is shown: not the page this address names
        not_as_asked(request)
    return {
        "article": article,
        "page": page,
        "count": article.comments.approved().count(),
        "reply_state": request.GET.get("reply") if request else None,
        "request": request,
    }


@register.filter
def comment_text(body: str):
    """A comment's plain text: escaped, line breaks kept, links marked as user-generated and not followed."""
    linked = urlize(body, nofollow=True, autoescape=True).replace('rel="nofollow"', 'rel="nofollow ugc noopener"')
    paragraphs = [p.replace("\n", "<br>") for p in linked.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return mark_safe("".join(f"<p>{p}</p>" for p in paragraphs))  # noqa: S308 - urlize escaped the text
