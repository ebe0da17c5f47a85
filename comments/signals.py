"""Comments that readers can see change the content version (editorial.content_version)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from editorial.content_version import content_changed

from .models import Comment, CommentStatus


@receiver(post_save, sender=Comment, dispatch_uid="comments-version-save")
@receiver(post_delete, sender=Comment, dispatch_uid="comments-version-delete")
def _comment_changed(sender, instance, created=False, raw=False, **kwargs) -> None:
    # A new comment held for moderation changes no page; any other change may (approval, edit, removal).
    if not raw and not (created and instance.status != CommentStatus.APPROVED):
        content_changed()
