"""ContentAppConfig: what a content app declares, and the only way editorial learns about it.

editorial imports no content app (import-linter holds it to that). It finds content through the app registry
and reads these declarations instead:

On the app's config (a subclass of ContentAppConfig):
- `content_models`: the models editors and medical reviewers work on in the admin, by lower-case name; they
  get the roles' permissions (`role_permissions`, applied by editorial.roles after every migrate), and may
  delete child rows (never items: those are archived).
- `public_models`: models whose rows readers see besides the app's Publishables and their child rows (which
  editorial finds itself); a change to one starts a new content version (editorial.content_version).
- `next_public_change(now)`: the next moment a page of the app changes by the clock alone, or None.

On each Publishable model:
- `revision_children`: child rows edited and reviewed with the item ({related name: (fields...)}); they are
  public, feed the item's search text, and go through review with it (editorial.workflow.revisions).
- `derived_fields`: columns `save()` computes from the others; they stay out of history and of revisions.
- `publication_problems()`: what its type requires before a reviewer may publish it (editorial.workflow.transitions).
"""

from django.apps import AppConfig

from .roles import EDITOR, REVIEWER, model_permissions


class ContentAppConfig(AppConfig):
    """Subclass it as `content_apps.ContentAppConfig` (import the module, not the class): Django picks an app's
    config from the AppConfig classes its apps.py holds, and two would leave it with neither."""

    content_models: tuple[str, ...] = ()
    public_models: tuple[str, ...] = ()

    @property
    def role_permissions(self) -> dict[str, list[str]]:
        # Child rows (a repealed law's fact, a withdrawn effect) may be removed; items are archived, not deleted.
        from .registry import child_models

        children = [child._meta.model_name for child, _parent in child_models() if child._meta.app_label == self.label]
        codenames = [
            *model_permissions(self.label, *self.content_models),
            *model_permissions(self.label, *children, actions=("delete",)),
        ]
        return {EDITOR: codenames, REVIEWER: codenames}

    def next_public_change(self, now):
        return None
