"""The reply page: "Leave a reply" under an article. Never cached, never indexed."""

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache

from articles.models import Article
from editorial.net import UnknownClientAddress, client_ip, ip_hash

from . import identity
from .crisis import mentions_crisis, post_mentions_crisis
from .forms import ParentForm, ReplyForm, new_timestamp
from .models import Comment, CommentStatus
from .services import CommentRefusedError, comment_create

logger = logging.getLogger(__name__)


class HttpResponseSeeOther(HttpResponseRedirect):
    status_code = 303


@method_decorator(never_cache, name="dispatch")
class ReplyView(View):
    template_name = "comments/reply.html"
    http_method_names = ["get", "post"]

    def dispatch(self, request, slug):
        try:
            return self.dispatch_reply(request, slug)
        except (OperationalError, InterfaceError) as error:  # the database is down, hung or timed out
            if request.method != "POST":
                raise  # a page to read: DatabaseUnavailableMiddleware's 503
            logger.error("Database unavailable: a reply to %s was not saved: %s", slug, error)
            return self.not_saved(request, slug)

    def dispatch_reply(self, request, slug):
        self.article = get_object_or_404(Article.objects.published(), slug=slug)
        self.parent = None
        # Crisis language is looked for first, in name and body, before any refusal: every page
        # this post can lead to, including a closed article or a bad parent, then shows the crisis lines.
        self.crisis = request.method == "POST" and post_mentions_crisis(request.POST)
        if not self.article.comments_open:
            return self.page(None, status=403, closed=True)
        parent_form = ParentForm(request.GET)
        if not parent_form.is_valid():
            return self.page(None, status=400, bad_parent=True)
        if parent_id := parent_form.cleaned_data["parent"]:
            self.parent = Comment.objects.approved().filter(article=self.article, pk=parent_id).first()
            if self.parent is None:
                return self.page(None, status=400, bad_parent=True)
            self.parent = self.parent.parent or self.parent  # replies stay one level deep
        return super().dispatch(request, slug)

    def get(self, request, slug):
        return self.page(ReplyForm(initial={"ts": new_timestamp(self.article.pk)}, article=self.article))

    def post(self, request, slug):
        form = ReplyForm(request.POST, article=self.article)
        if not form.is_valid():
            return self.page(form, status=400)
        data = form.cleaned_data
        try:
            comment, _created = comment_create(
                article=self.article,
                parent=self.parent,
                name=data["name"],
                email=data["email"],
                body=data["body"],
                ip_hash=ip_hash(client_ip(request)),
                verified=identity.is_verified(request, data["email"]),
                form_nonce=data["ts"],
                user_agent=request.headers.get("user-agent", ""),
            )
        except (CommentRefusedError, UnknownClientAddress) as refusal:  # both: a message and a status
            form.add_error(None, refusal.message)
            return self.page(form, status=refusal.status)
        if comment.is_urgent:
            return HttpResponseSeeOther(f"{reverse('get_help')}?from=reply")
        state = "published" if comment.status == CommentStatus.APPROVED else "held"
        return HttpResponseSeeOther(f"{self.article.get_absolute_url()}?reply={state}#comments")

    def not_saved(self, request, slug):
        """The database failed while a reply was checked or saved: a 503 page that says the reply was NOT
        saved, with the writer's words still in the form, and the crisis lines if they call for them (the
        built-in phrases: the ones moderators added are in the database). Nothing here asks the database."""
        self.article = getattr(self, "article", None) or Article(slug=slug)  # not looked up yet: no title
        self.parent = getattr(self, "parent", None)
        if not hasattr(self, "crisis"):
            self.crisis = any(mentions_crisis(str(request.POST.get(f, ""))[:20_000]) for f in ("name", "body"))
        kept = {name: request.POST.get(name, "") for name in ("name", "email", "body")}
        form = ReplyForm(initial=kept, article=self.article)
        # The signed form they sent, not a new one: it names the article (which may not have been read), and
        # if the reply did arrive after all, it is stored once.
        ts = request.POST.get("ts", "")
        response = self.page(form, status=503, not_saved=True, database_unavailable=True, ts=ts)
        response["Retry-After"] = str(settings.DATABASE_RETRY_AFTER_SECONDS)
        return response

    def page(self, form, *, status: int = 200, **flags):
        if form is not None and form.is_bound:
            for name in form.errors:
                if name in form.fields:  # screen readers announce the field as invalid
                    form.fields[name].widget.attrs["aria-invalid"] = "true"
        # Every page gets a new signed timestamp, so a reader can correct an answer and send again.
        context = {
            "article": self.article,
            "parent": self.parent,
            "form": form,
            "ts": new_timestamp(self.article.pk),
            "crisis": self.crisis,
        }
        context.update(flags)
        if flags.get("closed"):
            context["refusal"] = _("Replies to this article are closed.")
        if flags.get("bad_parent"):
            context["refusal"] = _("That comment cannot be replied to. It may have been removed.")
        return render(self.request, self.template_name, context, status=status)


@method_decorator(never_cache, name="dispatch")
class ConfirmBrowserView(View):
    """The link mailed after a first approval: a button (POST, so a mail scanner opening the link
    changes nothing) that lets this browser's next replies under the address be published at once."""

    template_name = "comments/confirm.html"
    http_method_names = ["get", "post"]

    def dispatch(self, request, token):
        self.comment = identity.comment_from_token(token)
        if self.comment is None:
            return render(request, self.template_name, {"invalid": True}, status=400)
        return super().dispatch(request, token)

    def get(self, request, token):
        return render(request, self.template_name, {})

    def post(self, request, token):
        response = render(request, self.template_name, {"confirmed": True})
        if not identity.browser_confirm(response, self.comment):  # used in another tab a moment ago
            return render(request, self.template_name, {"invalid": True}, status=400)
        return response
