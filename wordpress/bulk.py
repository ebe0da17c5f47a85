"""Writing many rows' columns at once."""

from django.db import connections, router


def update_rows(model, objs: list, fields: list[str]) -> None:
    """Save `fields` of each object: what QuerySet.bulk_update does, as one UPDATE run for every row
    (executemany: pipelined on PostgreSQL) instead of CASE expressions Django must build for each row."""
    if not objs:
        return
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    columns = [model._meta.get_field(name) for name in fields]
    assignments = ", ".join(f"{quote(column.column)} = %s" for column in columns)
    # Only quoted names from the model are put in the text; every value is a parameter.
    sql = f"UPDATE {quote(model._meta.db_table)} SET {assignments} WHERE {quote(model._meta.pk.column)} = %s"  # noqa: S608
    rows = [
        [column.get_db_prep_save(getattr(obj, column.attname), connection) for column in columns] + [obj.pk]
        for obj in objs
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
