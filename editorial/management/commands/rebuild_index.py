from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.db import transaction

from editorial.content_version import content_version_bump
from editorial.models import Citation, SearchEntry
from editorial.registry import publishable_models
from editorial.workflow.services import content_refresh_index


class Command(BaseCommand):
    help = (
        "Rebuild what is derived from the content rows: every item's rendered body (where it differs), "
        "citations and search entry; delete search entries and citations of items that are gone; then start "
        "a new content version, so every cached page and search is made afresh. Run after changing rows "
        "with SQL or QuerySet.update(), after a restore, or when search or a page looks stale. Idempotent."
    )

    def handle(self, *args, **options):
        """Rebuild every item's derived rows, drop the orphans, then bump the content version once."""
        try:
            counts = self.rebuild()
        finally:
            content_version_bump()  # even after a failure halfway: what was rebuilt must not wait behind old pages
        self.stdout.write(
            self.style.SUCCESS(
                "Rebuilt {items} item(s): {published} published (in search), {rerendered} re-rendered; removed "
                "{stale_entries} stale search entr(ies) and {stale_citations} stale citation(s). "
                "New content version.".format(**counts)
            )
        )

    def rebuild(self) -> dict[str, int]:
        counts = dict.fromkeys(("items", "published", "rerendered", "stale_entries", "stale_citations"), 0)
        content_types = []
        for model in publishable_models():
            content_type = ContentType.objects.get_for_model(model)
            content_types.append(content_type.pk)
            pks = list(model._base_manager.order_by("pk").values_list("pk", flat=True))
            for pk in pks:
                with transaction.atomic():
                    # Locked, like rerender_markdown: a save meanwhile is not overwritten with older rows.
                    obj = model._base_manager.select_for_update().get(pk=pk)
                    stored = {field: getattr(obj, field) for field in model.derived_fields}
                    obj.render_markdown()  # the citation keys come from the body, so it is rendered anyway
                    if any(getattr(obj, field) != value for field, value in stored.items()):
                        obj.save_derived_fields()  # a body changed behind the model's back (SQL, a restore)
                        counts["rerendered"] += 1
                    content_refresh_index(instance=obj)
            counts["items"] += len(pks)
            # Rows of items deleted behind the model's back (SQL, a partial restore): no signal removed them.
            counts["stale_entries"] += _delete_orphans(SearchEntry, content_type, pks)
            counts["stale_citations"] += _delete_orphans(Citation, content_type, pks)
            counts["published"] += SearchEntry.objects.filter(content_type=content_type).count()
            self.stdout.write(f"{model._meta.verbose_name_plural}: {len(pks)}")
        # Rows of a content type that is no longer a Publishable (a model removed or renamed).
        counts["stale_entries"] += SearchEntry.objects.exclude(content_type__in=content_types).delete()[0]
        counts["stale_citations"] += Citation.objects.exclude(content_type__in=content_types).delete()[0]
        return counts


def _delete_orphans(model, content_type, pks: list[int]) -> int:
    rows = model.objects.filter(content_type=content_type)
    orphans = sorted(set(rows.values_list("object_id", flat=True)) - set(pks))
    # In batches: SQLite limits the parameters of one statement.
    return sum(rows.filter(object_id__in=orphans[at : at + 500]).delete()[0] for at in range(0, len(orphans), 500))
