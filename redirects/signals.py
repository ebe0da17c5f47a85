"""A live item whose slug changes leaves a Redirect from its old address to its new one."""

from django.db.models.signals import post_save, pre_save

from editorial.registry import publishable_models

from .services import redirect_record


def _remember_public_address(sender, instance, raw=False, **kwargs) -> None:
    # A live item whose slug is about to change: its old address must keep working (redirects.services).
    instance._old_public_path = None
    if raw or instance.pk is None:
        return
    before = sender._base_manager.filter(pk=instance.pk).first()
    if before is not None and before.is_public and before.slug != instance.slug:
        instance._old_public_path = before.get_absolute_url()


def _leave_a_redirect(sender, instance, raw=False, **kwargs) -> None:
    if not raw and getattr(instance, "_old_public_path", None):
        redirect_record(old_path=instance._old_public_path, obj=instance)


for _model in publishable_models():
    pre_save.connect(_remember_public_address, sender=_model, dispatch_uid=f"old-path-{_model._meta.label}")
    post_save.connect(_leave_a_redirect, sender=_model, dispatch_uid=f"redirect-{_model._meta.label}")
