"""Reader comments of a batch of posts: each held for moderation here, threads kept (one level deep, as on
this site), written in bulk.

Every comment goes through the reply form's plain-text rule (comments.forms.plain_text, by way of
`plain_comment`) and the moderation rules, crisis language first (comments.rules.moderation_verdict), one by one;
only the writing is in bulk. The rows are those `Comment.save()` leaves (the address's folded key too);
its post-save signal does nothing for a held comment, and nobody is e-mailed. Addresses are hashed.
"""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError

from comments.addresses import email_key
from comments.models import Comment, CommentStatus, ModerationSettings
from comments.rules import moderation_verdict
from editorial.content_version import content_changed
from editorial.net import ip_hash

from .bulk import update_rows
from .content import plain_comment
from .models import ImportedItem
from .wxr import Post, ReaderComment

COMMENT_STATES = {"1": "approved", "0": "waiting for moderation"}  # spam and trash are skipped
KEY_LENGTH = ImportedItem._meta.get_field("key").max_length


def comment_key(site_url: str, reader: ReaderComment) -> str:
    return f"{site_url}#comment-{reader.comment_id}"[:KEY_LENGTH]


def import_comments(site_url: str, entries: list[tuple[Post, object, object]], known: dict[str, ImportedItem]) -> None:
    """The comments of each (post, article, note) in turn; `known` has the batch's earlier imports by key."""
    policy = ModerationSettings.current()
    ids = [item.object_id for item in known.values() if item.kind == "comment"]
    existing = Comment.objects.only("pk", "parent_id").in_bulk(ids)
    made_here: dict[str, Comment] = {}  # by key: a key met again in the batch is the comment made the first time
    new: list[tuple[Comment, ReaderComment, str]] = []
    threads = []
    for post, article, note in entries:
        made: dict[str, Comment | None] = {}
        for reader in post.comments:
            key = comment_key(site_url, reader)
            label = f"comment {reader.comment_id} on post {post.post_id}"
            if reader.kind not in ("", "comment"):
                note("skipped", f"{label}: a {reader.kind}, not a reader's comment")
            elif reader.state not in COMMENT_STATES:
                note("skipped", f"{label}: it was {reader.state or 'unmarked'} on WordPress")
            elif key in made_here or key in known:
                item = known.get(key)
                made[reader.comment_id] = made_here.get(key) or (
                    existing.get(item.object_id) if item is not None and item.kind == "comment" else None
                )
                note("unchanged", label)
            else:
                try:  # the same plain-text rule as a reader's reply here
                    body, body_changes = plain_comment(reader.content)
                    name, name_changes = plain_comment(reader.author)
                except ValidationError as error:
                    note("skipped", f"{label}: it cannot be made plain text ({error.messages[0]})")
                    continue
                changes = {"body": body_changes, "name": name_changes}
                cleaned = "; ".join(f"{part}: {', '.join(done)}" for part, done in changes.items() if done)
                comment = _held_comment(article, reader, policy, body, name, cleaned)
                made[reader.comment_id] = made_here[key] = comment
                new.append((comment, reader, key))
                note("created", f"{label}: held for moderation")
                if cleaned:
                    note("cleaned", f"{label}: converted to plain text ({cleaned})")
        threads.append((post, made))
    Comment.objects.bulk_create([comment for comment, _, _ in new], batch_size=500)
    _thread_and_date(threads, new)
    content_type = ContentType.objects.get_for_model(Comment)
    ImportedItem.objects.bulk_create(
        [
            ImportedItem(
                key=key,
                kind="comment",
                source_hash=hashlib.sha256(reader.content.encode()).hexdigest(),
                local_hash="",
                content_type=content_type,
                object_id=comment.pk,
                original_id=reader.comment_id[:20],
                original_date=reader.date,
            )
            for comment, reader, key in new
        ],
        batch_size=500,
    )


def _thread_and_date(threads, new) -> None:
    """Replies hang under the thread's first comment (one level deep, as on this site); a parent may come
    after its replies in the file, so each reply's top comment is found by walking up the WordPress ids.
    New comments get their WordPress date (the insert stamps them with now)."""
    fresh = {id(comment): comment for comment, reader, _ in new if reader.date}
    for comment, reader, _ in new:
        if reader.date:
            comment.created_at = reader.date
    is_new = {id(comment) for comment, _, _ in new}
    earlier = {}  # comments of an earlier run that only now find their thread's top
    for post, made in threads:
        parents = {reader.comment_id: reader.parent_id for reader in post.comments}
        for comment_id, comment in made.items():
            if comment is None or comment.parent_id is not None:
                continue
            root = _top(comment_id, parents, made)
            if root != comment_id and made[root] is not None:
                comment.parent_id = made[root].pk
                (fresh if id(comment) in is_new else earlier)[id(comment)] = comment
    update_rows(Comment, list(fresh.values()), ["created_at", "parent"])  # bumps: new comments, held: on no page
    if earlier:  # an earlier run's comments, which a moderator may have approved since: their thread changes
        update_rows(Comment, list(earlier.values()), ["parent"])
        content_changed()


def _top(comment_id: str, parents: dict[str, str], made: dict) -> str:
    seen = {comment_id}
    while parents.get(comment_id) in made and parents[comment_id] not in seen:
        comment_id = parents[comment_id]
        seen.add(comment_id)
    return comment_id


def _held_comment(article, reader: ReaderComment, policy, body: str, name: str, cleaned: str) -> Comment:
    body, name, email = body[:5000], (" ".join(name.split()) or "Anonymous")[:80], reader.email[:254]
    # Never confirmed from a browser here, and held whatever the rules say (below): "first" and not "verified".
    verdict = moderation_verdict(body=body, name=name, email=email, first=True, verified=False, policy=policy)
    reasons = [f"imported from WordPress, where it was {COMMENT_STATES[reader.state]}"]
    reasons += [f"cleaned on import to plain text: {cleaned}"] if cleaned else []
    reasons += verdict.reasons
    return Comment(
        article=article,
        name=name,
        email=email,
        email_key=email_key(email),  # as Comment.save() sets it
        body=body or "(empty)",
        status=CommentStatus.PENDING,  # every imported comment is read by a moderator here first
        hold_reasons=reasons,
        is_urgent=verdict.urgent,
        ip_hash=ip_hash(reader.ip) if reader.ip else "",
        imported=True,
    )
