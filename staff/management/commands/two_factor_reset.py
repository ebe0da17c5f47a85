from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from staff.two_factor import INVITATION_DAYS, invite


class Command(BaseCommand):
    help = (
        "Invite a staff member to set up an authenticator app at their next login (a new account, or a lost "
        "phone): removes their old app, if any. The invitation lasts a week."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        """Replace the user's TOTP devices with an invitation to enrol one; their password still applies."""
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user called {username!r}.")
        invite(user)
        self.stdout.write(
            f"{username} can set up an authenticator app at their next login, within {INVITATION_DAYS} days."
        )
