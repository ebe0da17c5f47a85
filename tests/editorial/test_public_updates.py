"""No `.update()` on rows readers see goes past the content version unnoticed.

`QuerySet.update()`, `bulk_update()` and `bulk_create()` send no signal, so the content version
(editorial.content_version) does not change, and cached pages and search go on showing the old rows.
This test reads the project's Python source (ast; not tests, not migrations) and fails on any such call
on a public model (`public_models()`, plus comments.Comment, public through comments/signals.py) unless:

- its function calls version_bump, version_bump_on_commit or content_changed (anywhere in it), or is
  private to its module (`_name`) and every function there that calls it does;
- it writes only fields no page shows (QUIET_FIELDS: `.update(field=...)` keywords, not `**fields`);
- `# bumps: <reason>` on a line of the call or the line above says where the version changes, or why
  it need not;
- it is in a file owned elsewhere (ALLOWED: path and function, with the reason).

What it sees: chains from `Model.objects`, `._base_manager` or `._default_manager`; `type(self)`,
`self.__class__` and `cls` in a model class (an abstract model is public when a concrete subclass is);
names assigned such a chain in the same or an enclosing function; related managers by accessor name
(`topic.articles`). A manager on a name it cannot resolve (`model._base_manager`) counts as public.
What it cannot see: querysets passed in as arguments or returned by other functions, `getattr`,
managers with other names, raw SQL, and anything spelled dynamically. `manage.py rebuild_index`
repairs whatever slips through (README, "Runbook: rows changed behind the site's back").
"""

import ast
import re
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import models

from editorial.content_version import public_models

ROOT = Path(settings.BASE_DIR)
SKIPPED_DIRECTORIES = {"tests", "migrations", "node_modules", "__pycache__", "site-packages"}
WRITES = {"update", "bulk_update", "bulk_create"}
BUMPS = {"version_bump", "version_bump_on_commit", "content_changed"}
MANAGERS = {"objects", "_base_manager", "_default_manager"}
MARKER = re.compile(r"#\s*bumps:\s*\S")
UNKNOWN = "(a model it cannot name)"
ALSO_PUBLIC = {"comments.Comment"}  # approved comments are on article pages; comments/signals.py bumps on save
# Fields no page shows: an update writing only these changes nothing a reader sees.
QUIET_FIELDS = {
    "editorial.Contributor": {"review_reminder_sent_at"},
    "comments.Comment": {
        "alerted_at", "alert_claimed_at", "support_requested_at", "support_sent_at", "support_sent_by",
        "moderation_note", "confirmation_sent_at", "confirmation_used_at", "ip_hash", "user_agent",
    },
}  # fmt: skip
# Calls in files owned elsewhere, where a `# bumps:` comment is better: (path, function): why.
ALLOWED = {
    ("wordpress/importer.py", "_import_comments"): "the comments were just created pending, on no page yet",
    ("wordpress/importer.py", "_create_comment"): "the comment was just created pending, on no page yet",
    ("wordpress/replies.py", "import_comments"): "bulk_create of comments held for moderation, on no page yet",
}


@dataclass
class Call:
    path: str
    line: int
    function: str
    model: str
    verdict: str  # why it passes, or "" when it does not

    def __str__(self) -> str:
        return f"{self.path}:{self.line} in {self.function}(): .update() on {self.model}"


def model_classes() -> tuple[dict[str, set[str]], set[str]]:
    """Class name -> labels for every model class, abstract ones too; and the public labels among them
    (an abstract model is public when a concrete subclass is)."""
    public = {model._meta.label for model in public_models()} | ALSO_PUBLIC
    found: dict[str, set[str]] = {}
    pending = list(models.Model.__subclasses__())
    while pending:
        cls = pending.pop()
        pending += cls.__subclasses__()
        label = cls._meta.label if not cls._meta.abstract else f"{cls._meta.app_label}.{cls.__name__} (abstract)"
        if cls._meta.abstract and {sub._meta.label for sub in _concrete_subclasses(cls)} & public:
            public.add(label)
        found.setdefault(cls.__name__, set()).add(label)
    return found, public


def _concrete_subclasses(cls):
    for sub in cls.__subclasses__():
        if not sub._meta.abstract:
            yield sub
        yield from _concrete_subclasses(sub)


def related_accessors(public: set[str]) -> dict[str, str]:
    """Accessor name -> the public model its related manager holds (`topic.articles` -> articles.Article)."""
    found = {}
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if not field.is_relation or field.related_model is None or not (field.one_to_many or field.many_to_many):
                continue
            name = field.get_accessor_name() if field.auto_created else field.name
            label = field.related_model._meta.label
            if name and not name.endswith("+") and label in public:
                found[name] = label
    return found


class Scanner(ast.NodeVisitor):
    def __init__(self, path: str, source: str):
        self.path, self.lines = path, source.splitlines()
        self.classes_by_name, self.public = model_classes()
        self.accessors = related_accessors(self.public)
        self.scopes: list[dict] = []
        self.class_names: list[str] = []
        self.calls: list[Call] = []
        self.bumping: dict[str, list[bool]] = {}  # function name -> whether each function calling it bumps
        tree = ast.parse(source, path)
        self._enter("<module>", tree)
        self.visit(tree)
        for call in self.calls:
            callers = self.bumping.get(call.function, [])
            if not call.verdict and call.function.startswith("_") and callers and all(callers):
                call.verdict = "every caller in its module starts a new version"

    def _enter(self, name: str, node: ast.AST) -> None:
        assigned: dict[str, list[ast.expr]] = {}
        bumps = False
        for child in ast.walk(node):
            if isinstance(child, ast.Assign | ast.AnnAssign | ast.NamedExpr) and child.value is not None:
                targets = child.targets if isinstance(child, ast.Assign) else [child.target]
                for target in targets:
                    if isinstance(target, ast.Name):
                        assigned.setdefault(target.id, []).append(child.value)
            if isinstance(child, ast.Call) and _called_name(child) in BUMPS:
                bumps = True
        self.scopes.append({"name": name, "assigned": assigned, "bumps": bumps})

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.class_names.append(node.name)
        self.generic_visit(node)
        self.class_names.pop()

    def visit_FunctionDef(self, node) -> None:
        self._enter(node.name, node)
        self.generic_visit(node)
        self.scopes.pop()

    visit_AsyncFunctionDef = visit_FunctionDef  # noqa: N815 - ast.NodeVisitor's name

    def visit_Call(self, node: ast.Call) -> None:
        self.bumping.setdefault(_called_name(node), []).append(self.scopes[-1]["bumps"])
        if isinstance(node.func, ast.Attribute) and node.func.attr in WRITES:
            model = self.queryset_model(node.func.value, depth=0)
            if model is not None and (model == UNKNOWN or model in self.public):
                scope = self.scopes[-1]
                self.calls.append(Call(self.path, node.lineno, scope["name"], model, self.verdict(node, model)))
        self.generic_visit(node)

    def verdict(self, node: ast.Call, model: str) -> str:
        scope = self.scopes[-1]
        if scope["bumps"]:
            return "the function starts a new version"
        if any(MARKER.search(line) for line in self.lines[node.lineno - 2 : node.end_lineno]):
            return "marked # bumps:"
        fields = {keyword.arg for keyword in node.keywords}
        if node.func.attr == "update" and None not in fields and fields and fields <= QUIET_FIELDS.get(model, set()):
            return "writes only fields no page shows"
        return ALLOWED.get((self.path, scope["name"]), "")

    def queryset_model(self, node: ast.expr, depth: int) -> str | None:
        """The label of the model whose rows `node` holds, UNKNOWN, or None when it is no queryset."""
        if depth > 20:
            return None
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            return self.queryset_model(node.func.value, depth + 1)  # .filter(), .exclude(), .published() ...
        if isinstance(node, ast.Subscript):
            return self.queryset_model(node.value, depth + 1)
        if isinstance(node, ast.Attribute):
            if node.attr in MANAGERS:
                return self.model_of(node.value)
            return self.accessors.get(node.attr)
        if isinstance(node, ast.Name):
            results = [self.queryset_model(value, depth + 1) for value in self.assigned(node.id)]
            return next((r for r in results if r == UNKNOWN or r in self.public), next(filter(None, results), None))
        return None

    def model_of(self, node: ast.expr) -> str:
        """The label of the model class `node` names (in `node.objects`), or UNKNOWN."""
        name = None
        if isinstance(node, ast.Name):
            name = self.class_names[-1] if node.id == "cls" and self.class_names else node.id
        elif isinstance(node, ast.Call) and _called_name(node) == "type" and self.class_names:
            name = self.class_names[-1]  # type(self)
        elif isinstance(node, ast.Attribute) and node.attr == "__class__" and self.class_names:
            name = self.class_names[-1]
        labels = self.classes_by_name.get(name, set())
        return next(iter(labels & self.public), None) or next(iter(labels), UNKNOWN)

    def assigned(self, name: str) -> list[ast.expr]:
        for scope in reversed(self.scopes):
            if name in scope["assigned"]:
                return scope["assigned"][name]
        return []


def _called_name(node: ast.Call) -> str | None:
    func = node.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None


def project_files() -> list[Path]:
    return sorted(
        path
        for path in ROOT.rglob("*.py")
        if not any(part in SKIPPED_DIRECTORIES or part.startswith(".") for part in path.relative_to(ROOT).parts)
    )


def scan(path: str, source: str) -> list[Call]:
    return Scanner(path, source).calls


def test_every_update_of_public_rows_starts_a_new_version_or_says_why_not():
    calls = [call for path in project_files() for call in scan(str(path.relative_to(ROOT)), path.read_text())]
    unexplained = [str(call) for call in calls if not call.verdict]
    assert not unexplained, (
        "These write rows readers see with no signal, so cached pages and search keep the old rows. Call "
        "content_changed() in the same function, or add `# bumps: <where, or why not>` to the line:\n"
        + "\n".join(unexplained)
    )
    assert calls  # the scan sees the calls it should (comments.moderation's conditional updates, at least)


SAMPLE = """
from articles.models import Article

def plain(pk):
    Article.objects.filter(pk=pk).update(title="x")

def through_a_name(pk):
    rows = Article.objects.filter(pk=pk).exclude(status="draft")
    rows.update(title="x")

def unknown_model(model):
    model._base_manager.all().bulk_update([], ["title"])

def related_manager(topic):
    topic.articles.filter(status="draft").update(title="x")

def bumped(pk):
    Article.objects.filter(pk=pk).update(title="x")
    content_changed()

def marked(pk):
    Article.objects.filter(pk=pk).update(  # bumps: the caller does, once for all rows
        title="x"
    )

def _private(pk):
    Article.objects.filter(pk=pk).update(title="x")

def caller(pk):
    _private(pk)
    version_bump()

def quiet(pk):
    Contributor.objects.filter(pk=pk).update(review_reminder_sent_at=None)

def not_public(pk, context):
    Revision.objects.filter(pk=pk).update(note="x")
    context.update(title="x")
    {}.update(a=1)

class Article(Publishable):
    def derived(self):
        type(self)._base_manager.filter(pk=self.pk).update(body_html="")
"""


def test_the_scan_finds_what_it_should_and_nothing_else():
    found = {(call.function, call.model, bool(call.verdict)) for call in scan("sample.py", SAMPLE)}
    assert found == {
        ("plain", "articles.Article", False),
        ("through_a_name", "articles.Article", False),
        ("unknown_model", UNKNOWN, False),
        ("related_manager", "articles.Article", False),
        ("bumped", "articles.Article", True),
        ("marked", "articles.Article", True),
        ("quiet", "editorial.Contributor", True),
        ("derived", "articles.Article", False),
        ("_private", "articles.Article", True),
    }


def test_quiet_fields_are_on_no_public_template():
    pages = (path for path in (ROOT / "templates").rglob("*.html") if "admin" not in path.parts)
    text = "\n".join(path.read_text() for path in pages)
    for fields in QUIET_FIELDS.values():
        for field in fields:
            assert not re.search(rf"\b{field}\b", text), f"{field} is shown on a page: it is not quiet"
