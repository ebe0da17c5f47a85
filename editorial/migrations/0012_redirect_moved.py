# Redirect moved to the redirects app (label site_redirects), which keeps its table: drop it from
# editorial's state only, after that app has taken it into its own.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("editorial", "0011_safety_notice_wording"),
        ("site_redirects", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Redirect")],
            database_operations=[],
        ),
    ]
