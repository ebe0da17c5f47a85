"""Staff roles as one mapping: role -> ["app_label.codename", ...].

editorial declares the workflow's own permissions here; every other app adds
its codenames through a `role_permissions` attribute on its AppConfig, so this
module never imports a content app. Applied by a post_migrate handler and by
`manage.py setup_roles`, both idempotent.
"""

from django.apps import apps

# Editors and medical reviewers work on content (and write notes on it); moderators do not.
WORKS_ON_CONTENT = ("editorial.submit_content", "editorial.review_content")

EDITOR = "Editor"
REVIEWER = "Medical reviewer"
MODERATOR = "Moderator"
ROLES = (EDITOR, REVIEWER, MODERATOR)

WORKFLOW_PERMISSIONS = {
    EDITOR: ["editorial.submit_content", "editorial.view_revision", "editorial.view_transitionlog"],
    REVIEWER: [
        "editorial.submit_content",
        "editorial.review_content",
        "editorial.retire_content",
        "editorial.view_revision",
        "editorial.change_revision",
        "editorial.view_transitionlog",
    ],
    MODERATOR: [],
}


def model_permissions(app_label: str, *model_names: str, actions=("view", "add", "change")) -> list[str]:
    """Codenames for working on models in the admin. No delete: content is archived, not deleted."""
    return [f"{app_label}.{action}_{model}" for model in model_names for action in actions]


def role_permissions() -> dict[str, list[str]]:
    """The whole mapping: the workflow's permissions plus what each installed app declares."""
    mapping = {role: list(codenames) for role, codenames in WORKFLOW_PERMISSIONS.items()}
    for config in apps.get_app_configs():
        for role, codenames in getattr(config, "role_permissions", {}).items():
            mapping.setdefault(role, []).extend(codenames)
    return mapping


def setup_roles() -> list[str]:
    """Create the groups and give each exactly its permissions; return codenames that do not exist (yet)."""
    from django.contrib.auth.models import Group, Permission

    missing = []
    for role, codenames in role_permissions().items():
        group, _created = Group.objects.get_or_create(name=role)
        wanted = []
        for dotted in codenames:
            app_label, codename = dotted.split(".", 1)
            permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
            if permission is None:
                missing.append(dotted)
            else:
                wanted.append(permission)
        if set(group.permissions.all()) != set(wanted):
            group.permissions.set(wanted)
    return missing


def apply_roles_after_migrate(sender, **kwargs) -> None:
    """post_migrate: keep the groups in step with the mapping after every migrate."""
    setup_roles()


def works_on_content(user) -> bool:
    """Editors and medical reviewers (moderators do not work on content)."""
    return any(user.has_perm(permission) for permission in WORKS_ON_CONTENT)


def may_open(user, obj) -> bool:
    """May `user` open `obj` in the admin (view or change it)? Nobody is told of an item, or mailed its
    notes, unless they may open it: an author's linked account moved to the moderators is not."""
    opts = obj._meta
    perms = (f"{opts.app_label}.{action}_{opts.model_name}" for action in ("view", "change"))
    return user.is_active and user.is_staff and any(user.has_perm(perm) for perm in perms)


def may_work_on(user, obj) -> bool:
    """May `user` read and write notes on `obj`: they may open it and they work on content."""
    return may_open(user, obj) and works_on_content(user)
