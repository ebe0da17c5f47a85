"""Every workflow rule is written once, in the table of editorial/workflow/transitions.py, and every service
goes through it."""

import dataclasses
import subprocess
from pathlib import Path

import pytest

from editorial.models import Revision
from editorial.workflow import services, transitions
from tests import factories

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("service", "name"),
    [
        (services.content_submit, "submit"),
        (services.content_approve, "publish"),
        (services.content_schedule, "schedule"),
        (services.content_unpublish, "unpublish"),
        (services.content_archive, "archive"),
    ],
)
def test_each_content_service_is_a_row_of_the_table(monkeypatch, service, name):
    seen = []
    monkeypatch.setattr(services, "content_transition", lambda **kwargs: seen.append(kwargs["name"]))
    kwargs = {"when": None} if name == "schedule" else {}
    service(obj=object(), user=object(), **kwargs)
    assert seen == [name] and name in transitions.TRANSITIONS_BY_NAME


def test_publishing_a_revision_is_judged_by_the_table(monkeypatch, people):
    live = factories.ArticleFactory(published=True)
    revision = Revision.objects.create(content_object=live, data={"fields": {}}, author=people["editor"])
    rule = transitions.TRANSITIONS_BY_NAME["publish_revision"]
    extra = lambda obj, user: "a rule added to the table"  # noqa: E731
    changed = {**transitions.TRANSITIONS_BY_NAME, rule.name: dataclasses.replace(rule, checks=(*rule.checks, extra))}
    monkeypatch.setattr(services, "TRANSITIONS_BY_NAME", changed)
    assert "a rule added to the table" in services.revision_problems(revision=revision, user=people["reviewer"])


def test_no_rule_message_is_written_twice():
    """The refusals live in the table's checks; a copy elsewhere would drift from it."""
    messages = ["It cites no source", "future time before scheduling", "The body is empty", "You are the author"]
    tracked = subprocess.run(["git", "ls-files", "*.py"], cwd=ROOT, capture_output=True, text=True, check=True)
    paths = [ROOT / name for name in tracked.stdout.split() if not {"tests", "migrations"} & set(Path(name).parts)]
    code = {p: p.read_text() for p in paths if p.exists()}
    for message in messages:
        assert [str(p.relative_to(ROOT)) for p, text in code.items() if message in text] == [
            "editorial/workflow/transitions.py"
        ]


def test_a_revision_transition_is_never_offered_on_the_item(people):
    item = factories.ArticleFactory(published=True)
    offered = {t.name for t in transitions.available_transitions(item, people["reviewer"])}
    assert offered and not offered & {t.name for t in transitions.TRANSITIONS if t.of_revision}
    with pytest.raises(ValueError, match="revision_publish"):
        services.content_transition(obj=item, name="publish_revision", user=people["reviewer"])
