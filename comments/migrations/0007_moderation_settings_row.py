from django.db import migrations


def create_settings_row(apps, schema_editor):
    # Moderators may change the settings but not add them: the one row must exist from the start.
    ModerationSettings = apps.get_model("comments", "ModerationSettings")
    ModerationSettings.objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [("comments", "0006_verified_commenters")]

    operations = [migrations.RunPython(create_settings_row, migrations.RunPython.noop)]
