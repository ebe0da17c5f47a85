# The Redirect model moves here from editorial, its rows and table (editorial_redirect) untouched:
# this app takes the model into its state only, and editorial's 0012 drops it from editorial's state.

import django.db.models.deletion
from django.db import migrations, models


def rename_content_type(apps, schema_editor):
    """The admin's log and the roles' permissions point at the model's content type: keep that row, renamed.
    (A new database has none yet: content types are made after migrating.)"""
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="editorial", model="redirect").update(app_label="site_redirects")


def restore_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="site_redirects", model="redirect").update(app_label="editorial")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("editorial", "0011_safety_notice_wording"),  # the table exists (editorial's 0007)
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Redirect",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("old_path", models.CharField(help_text="A path on this site, e.g. /articles/old-slug/", max_length=300, unique=True, verbose_name="old path")),
                        ("new_path", models.CharField(help_text="Where it now answers, e.g. /articles/new-slug/", max_length=300, verbose_name="new path")),
                        ("object_id", models.PositiveBigIntegerField(blank=True, editable=False, null=True)),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created at")),
                        ("content_type", models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.CASCADE, to="contenttypes.contenttype")),
                    ],
                    options={
                        "verbose_name": "redirect",
                        "verbose_name_plural": "redirects",
                        "db_table": "editorial_redirect",
                        "ordering": ["old_path"],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(rename_content_type, restore_content_type),
    ]
