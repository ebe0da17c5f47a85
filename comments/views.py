"""The reply page: "Leave a reply" under an article. Never cached, never indexed."""

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
from .crisis import post_mentions_crisis
from .forms import ParentForm, ReplyForm, new_timestamp
from .models import Comment, CommentStatus
from .services import CommentRefusedError, comment_create


class HttpResponseSeeOther(HttpResponseRedirect):
    status_code = 303


@method_decorator(never_cache, name="dispatch")
class ReplyView(View):
    template_name = "comments/reply.html"
    http_method_names = ["get", "post"]

    def dispatch(self, request, slug):
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
        if not identity.confirm_browser(response, self.comment):  # used in another tab a moment ago
            return render(request, self.template_name, {"invalid": True}, status=400)
        return response
