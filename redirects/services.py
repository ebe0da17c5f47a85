"""A published item whose slug changes leaves a 301 behind: in one hop, never a loop."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from .models import Redirect


def redirect_record(*, old_path: str, obj) -> None:
    """Send `old_path` to the item's current address; earlier redirects to `old_path` follow (one hop)."""
    new_path = obj.get_absolute_url()
    if old_path == new_path:
        return
    with transaction.atomic():
        Redirect.objects.filter(new_path=old_path).update(new_path=new_path)  # chains collapse to one hop
        Redirect.objects.filter(old_path=new_path).delete()  # the new address is live: nothing sends it away
        Redirect.objects.update_or_create(
            old_path=old_path,
            defaults={
                "new_path": new_path,
                "content_type": ContentType.objects.get_for_model(obj),
                "object_id": obj.pk,
            },
        )
