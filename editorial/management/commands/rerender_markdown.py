from django.core.management.base import BaseCommand
from django.db import transaction

from editorial.content_version import content_version_bump
from editorial.markdown import PIPELINE_VERSION
from editorial.registry import publishable_models
from editorial.workflow.services import content_refresh_index


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
        try:
            for model in publishable_models():
                rows = model._base_manager.all() if all else model._base_manager.exclude(rendered_with=PIPELINE_VERSION)
                pks = list(rows.values_list("pk", flat=True))
                count = len(pks)
                for done, pk in enumerate(pks, start=1):
                    with transaction.atomic():
                        # Lock the row: a save in between must not be overwritten with HTML of an older body.
                        obj = model._base_manager.select_for_update().get(pk=pk)
                        obj.render_markdown()
                        obj.save_derived_fields()
                        content_refresh_index(instance=obj)
                    total += 1
                    if done % 100 == 0 or done == count:
                        self.stdout.write(f"{model._meta.verbose_name_plural}: {done}/{count}")
        finally:
            if total:  # save_derived_fields() writes with .update(), which sends no signal; also after a failure
                content_version_bump()
        self.stdout.write(self.style.SUCCESS(f"Re-rendered {total} item(s) with pipeline version {PIPELINE_VERSION}."))
