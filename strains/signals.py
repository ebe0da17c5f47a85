"""Reported effects are part of a strain's search text: refresh it when they change."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from editorial.models import SearchEntry

from .models import ReportedEffect, StrainProfile


@receiver([post_save, post_delete], sender=ReportedEffect, dispatch_uid="strains-effect-search")
def _refresh_strain_search(sender, instance, raw=False, **kwargs) -> None:
    if raw:
        return
    strain = StrainProfile.objects.filter(pk=instance.strain_id).first()
    if strain is not None:
        SearchEntry.sync(strain)
