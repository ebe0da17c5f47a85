"""GIN index on SearchEntry.search_vector, on PostgreSQL only.

Declared here rather than in Meta.indexes because SQLite has no GIN indexes
(and no tsvector); on SQLite this migration does nothing.
"""

from django.db import migrations

INDEX = "editorial_searchentry_vector_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON editorial_searchentry USING gin (search_vector)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("editorial", "0001_initial")]
    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
