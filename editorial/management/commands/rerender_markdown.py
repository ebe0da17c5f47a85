from django.core.management.base import BaseCommand
from django.db import transaction

from editorial.markdown import PIPELINE_VERSION
from editorial.registry import publishable_models
from editorial.services import content_refresh_index


class Command(BaseCommand):
    help = (
        f"Re-render stored Markdown with the current pipeline (version {PIPELINE_VERSION}). By default only "
        "rows rendered by an older version; --all re-renders every row. Writes no history."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Re-render every row, not only outdated ones.")

    def handle(self, *args, all: bool = False, **options):
        """Re-render outdated (or all) Markdown fields and refresh their search entries."""
        total = 0
        for model in publishable_models():
            rows = model._base_manager.all() if all else model._base_manager.exclude(rendered_with=PIPELINE_VERSION)
            count = rows.count()
            for done, obj in enumerate(rows.iterator(chunk_size=200), start=1):
                obj.render_markdown()
                with transaction.atomic():
                    # update(), not save(): derived columns only, so no history row and no timestamp bump.
                    fields = {f: getattr(obj, f) for f in obj.derived_fields}
                    model._base_manager.filter(pk=obj.pk).update(**fields)
                    content_refresh_index(instance=obj)
                if done % 100 == 0 or done == count:
                    self.stdout.write(f"{model._meta.verbose_name_plural}: {done}/{count}")
            total += count
        self.stdout.write(self.style.SUCCESS(f"Re-rendered {total} item(s) with pipeline version {PIPELINE_VERSION}."))
