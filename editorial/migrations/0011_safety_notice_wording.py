"""The safety notice stops making a doctor the gatekeeper of use: readers are asked to tell their doctor or
pharmacist. A notice still holding the old built-in wording gets the new one; an edited notice is left alone."""

import time
import uuid

from django.db import migrations, models
from django.db.models import F
from django.db.models.functions import Greatest

OLD = (
    "This site gives general information, not medical advice. Kratom is not an approved treatment for depression. "
    "Please speak with a doctor or pharmacist before you use it or change any medicine you take."
)
NEW = (
    "This site gives general information, not medical advice. Kratom is not an approved treatment for depression. "
    "Tell your doctor or pharmacist if you use kratom or are thinking about it, especially if you take other medicines."
)


def reword(apps, schema_editor, old=OLD, new=NEW):
    if apps.get_model("editorial", "SafetyNotice").objects.filter(message=old).update(message=new):
        # Every page shows the notice: a new content version (editorial.content_version) retires cached pages.
        apps.get_model("editorial", "ContentVersion").objects.update(
            version=uuid.uuid4().hex, serial=Greatest(F("serial") + 1, time.time_ns())
        )


def unreword(apps, schema_editor):
    reword(apps, schema_editor, old=NEW, new=OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0010_source_accessed_and_types"),
    ]

    operations = [
        migrations.AlterField(
            model_name="historicalsafetynotice",
            name="message",
            field=models.TextField(
                default="This site gives general information, not medical advice. Kratom is not an approved treatment for depression. Tell your doctor or pharmacist if you use kratom or are thinking about it, especially if you take other medicines.",
                help_text="Plain text. Must say this is not medical advice and that kratom is not an approved treatment.",
                max_length=600,
                verbose_name="message",
            ),
        ),
        migrations.AlterField(
            model_name="safetynotice",
            name="message",
            field=models.TextField(
                default="This site gives general information, not medical advice. Kratom is not an approved treatment for depression. Tell your doctor or pharmacist if you use kratom or are thinking about it, especially if you take other medicines.",
                help_text="Plain text. Must say this is not medical advice and that kratom is not an approved treatment.",
                max_length=600,
                verbose_name="message",
            ),
        ),
        migrations.RunPython(reword, unreword),
    ]
