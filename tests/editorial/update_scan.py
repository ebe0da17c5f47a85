"""The scan behind test_public_updates: `.update()` calls on rows readers see, and why each is fine.

`QuerySet.update()`, `bulk_update()`, `bulk_create()` and SQL helpers (HELPERS) send no signal, so
the content version (editorial.content_version) does not change, and cached pages and search go on
showing the old rows. tests/editorial/test_public_updates.py reads the project's Python source with
this scanner (ast; not tests, not migrations) and fails on any such call on a public model
(`public_models()`, plus comments.Comment, public through comments/signals.py) unless:

- its function calls content_version_bump, version_bump_on_commit or content_changed (anywhere in it), or is
  private to its module (`_name`) and every function there that calls it does;
- it writes only fields no page shows (QUIET_FIELDS: `.update(field=...)` keywords, or the field list
  of a helper, written out; not `**fields`);
- `# bumps: <reason>` on a line of the call or the line above says where the version changes, or why
  it need not;
- it is in a file owned elsewhere (ALLOWED: path and function, with the reason).

What it sees: chains from `Model.objects`, `._base_manager` or `._default_manager`; `type(self)`,
`self.__class__` and `cls` in a model class (an abstract model is public when a concrete subclass is);
names assigned such a chain in the same or an enclosing function; related managers by accessor name
(`topic.articles`). A manager on a name it cannot resolve (`model._base_manager`) counts as public.
What it cannot see: querysets passed in as arguments or returned by other functions, `getattr`,
managers with other names, raw SQL outside HELPERS, and anything spelled dynamically. `manage.py rebuild_index`
repairs whatever slips through (docs/operations.md, "Runbook: rows changed behind the site's back").
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
HELPERS = {"update_rows"}  # wordpress/bulk.py: an UPDATE in SQL; the model is the first argument
BUMPS = {"content_version_bump", "version_bump_on_commit", "content_changed"}
MANAGERS = {"objects", "_base_manager", "_default_manager"}
MARKER = re.compile(r"#\s*bumps:\s*\S")
UNKNOWN = "(a model it cannot name)"
ALSO_PUBLIC = {"comments.Comment"}  # approved comments are on article pages; comments/signals.py bumps on save
# Fields no page shows: an update writing only these changes nothing a reader sees.
QUIET_FIELDS = {
    "editorial.Contributor": {"review_reminder_sent_at"},
    "comments.Comment": {
        "alerted_at", "alert_claimed_at", "support_requested_at", "support_claimed_at", "support_sent_at",
        "support_sent_by", "support_note", "moderation_note", "confirmation_sent_at", "confirmation_used_at",
        "ip_hash", "user_agent",
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
    write: str  # update, bulk_update, bulk_create or a helper's name
    verdict: str  # why it passes, or "" when it does not

    def __str__(self) -> str:
        return f"{self.path}:{self.line} in {self.function}(): {self.write}() on {self.model}"


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
        model, fields = None, None
        if isinstance(node.func, ast.Attribute) and node.func.attr in WRITES:
            model = self.queryset_model(node.func.value, depth=0)
            names = {keyword.arg for keyword in node.keywords}
            fields = names if node.func.attr == "update" and None not in names else None
        elif _called_name(node) in HELPERS and node.args:  # update_rows(Model, rows, ["field", ...])
            model = self.model_of(node.args[0])
            listed = node.args[2] if len(node.args) > 2 else None
            if isinstance(listed, ast.List | ast.Tuple) and all(isinstance(e, ast.Constant) for e in listed.elts):
                fields = {element.value for element in listed.elts}
        if model is not None and (model == UNKNOWN or model in self.public):
            verdict = self.verdict(node, model, fields)
            call = Call(self.path, node.lineno, self.scopes[-1]["name"], model, _called_name(node), verdict)
            self.calls.append(call)
        self.generic_visit(node)

    def verdict(self, node: ast.Call, model: str, fields: set[str] | None) -> str:
        scope = self.scopes[-1]
        if scope["bumps"]:
            return "the function starts a new version"
        if any(MARKER.search(line) for line in self.lines[node.lineno - 2 : node.end_lineno]):
            return "marked # bumps:"
        if fields and fields <= QUIET_FIELDS.get(model, set()):
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
