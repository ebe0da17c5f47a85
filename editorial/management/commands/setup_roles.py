from django.core.management.base import BaseCommand

from editorial.roles import role_permissions, setup_roles


class Command(BaseCommand):
    help = "Create the staff role groups (Editor, Medical reviewer, Moderator) with exactly their permissions."

    def handle(self, *args, **options):
        """Apply the role mapping; idempotent."""
        missing = setup_roles()
        for role, codenames in role_permissions().items():
            self.stdout.write(f"{role}: {len(set(codenames) - set(missing))} permission(s)")
        for codename in missing:
            self.stderr.write(self.style.WARNING(f"Unknown permission (not migrated yet?): {codename}"))
        self.stdout.write(self.style.SUCCESS("Roles are set up."))
