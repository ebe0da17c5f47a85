"""A WordPress site's old links, answered here: `/?p=ID` and `/?page_id=ID`, `/feed/`, `/category/<slug>/`
and `/tag/<slug>/`. Each answers 301 once its target is public, and 404 before (post permalinks are
Redirect rows, made by `remember_old_address` and answered by redirects.middleware)."""

import re
from collections.abc import Callable
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve, reverse

from articles.models import Article, Topic
from redirects.models import Redirect

from .models import ImportedItem

TERM_PATH = re.compile(r"^/(?:category|tag)/(?P<slug>[\w-]+)/?$")
# A post's ID, as in /?p=123: the pattern HomeView declares for p and page_id (kratom_info/views.py), so every
# value the page cache keys on is answered here (301 or 404) and none is stored as a copy of the home page.
WORDPRESS_ID = re.compile(r"\d{1,20}")


def _target_for_id(post_id: str):
    item = ImportedItem.objects.filter(original_id=post_id, kind__in=["post", "page"]).first()
    target = item.target if item is not None else None
    if target is None or not target.is_public:
        raise Http404("No published item has that WordPress ID.")
    return target.get_absolute_url()


def _target_for_path(path: str) -> str | None:
    if path in ("/feed/", "/feed"):
        return reverse("feed_rss")
    if match := TERM_PATH.match(path):
        topic = Topic.objects.filter(slug=match["slug"]).first()
        if topic is not None and Article.objects.published().filter(topics=topic).exists():
            return topic.get_absolute_url()
    return None


class WordPressLinksMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/":
            # Only an ID makes an old link: 301 to its item, or 404 when no published item had it. A blank or
            # stray ?p= (" ", "abc") names no post: the reader gets the home page, as for any parameter the page
            # does not read (utm_source...), and as WordPress itself answered it.
            ids = (request.GET.get("p"), request.GET.get("page_id"))
            if wanted := next((value for value in ids if value and WORDPRESS_ID.fullmatch(value)), None):
                return HttpResponsePermanentRedirect(_target_for_id(wanted))
        response = self.get_response(request)
        if response.status_code == 404 and (target := _target_for_path(request.path)) is not None:
            return HttpResponsePermanentRedirect(target)
        return response


def remember_old_address(link: str, obj, note: Callable[[str, str], None]) -> None:
    """The item's WordPress permalink path answers 301 here once the item is published.

    Never from an address that is live here (see `is_live`), and never over a redirect someone else
    made for the same path (an editor in the admin, a slug change here): both are reported, not changed.
    """
    remember_old_addresses([(link, obj, note)])


def remember_old_addresses(items: list[tuple[str, object, Callable[[str, str], None]]]) -> None:
    """`remember_old_address` for each (link, item, note) in turn, with one query for the redirects already
    there and one insert for the new ones."""
    wanted = []
    for link, obj, note in items:
        path = unquote(urlsplit(link).path)  # as request.path will hold it: /caf%C3%A9/ arrives as /café/
        if path in ("", "/") or path == obj.get_absolute_url():
            continue  # "/?p=123" links are answered by WordPressLinksMiddleware instead
        # The shape Redirect.clean() asks of a path; and no control or invisible characters (PostgreSQL
        # refuses NUL, and a moderator could not see the others in the admin).
        if len(path) > 300 or path.startswith("//") or not path.isprintable() or any(c in path for c in " \\"):
            note("skipped", f"old address {ascii(path)[:100]}: not a path a redirect can hold")
        elif is_live(path):
            note("skipped", f"old address {path} is a live address here; no redirect")
        else:
            wanted.append((path, obj, note))
    found = Redirect.objects.in_bulk({path for path, _, _ in wanted}, field_name="old_path")
    new = []
    for path, obj, note in wanted:
        content_type, new_path = ContentType.objects.get_for_model(obj), obj.get_absolute_url()
        existing = found.get(path)
        if existing is None:
            found[path] = Redirect(old_path=path, new_path=new_path, content_type=content_type, object_id=obj.pk)
            new.append(found[path])
        elif (existing.content_type_id, existing.object_id) != (content_type.pk, obj.pk):
            note("conflict", f"old address {path} already redirects to {existing.new_path}; left as it is")
        elif existing.new_path != new_path:  # ours, from an earlier import; the draft's slug changed since
            existing.new_path = new_path
            existing.save(update_fields=["new_path"])
    Redirect.objects.bulk_create(new, batch_size=500)


def is_live(path: str) -> bool:
    """Whether `path` answers here by itself: a page, a list, a feed, the admin, media. A redirect from
    it would be shadowed today, and would take the address over the day the page there is removed."""
    candidates = [path] if path.endswith("/") or not settings.APPEND_SLASH else [path, path + "/"]
    for candidate in candidates:  # (CommonMiddleware answers /faq with /faq/)
        try:
            match = resolve(candidate)
        except Resolver404:
            continue
        view = getattr(match.func, "view_class", None)
        model = getattr(view, "model", None) or getattr(getattr(view, "queryset", None), "model", None)
        if model is None or set(match.kwargs) != {"slug"}:
            return True
        # A detail page is live only if its item exists: WordPress permalinks such as /my-post/ fall
        # into the standing pages' catch-all /<slug>/ and must still redirect when no page has the slug.
        if model._base_manager.filter(slug=match.kwargs["slug"]).exists():
            return True
    return False
