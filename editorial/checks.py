"""System check editorial.E001: base.html must carry the safety notice outside every block."""

from django.core.checks import Error, Tags, register
from django.template import TemplateDoesNotExist, TemplateSyntaxError, engines
from django.template.loader_tags import IncludeNode

BASE_TEMPLATE = "base.html"
NOTICE_TEMPLATE = "includes/safety_notice.html"
NOTICE_MARKER = "data-safety-notice"


def _includes_notice_at_top_level(nodelist) -> bool:
    # Only the root nodelist counts: inside a {% block %} a child template could
    # replace it, inside {% if %} it could be switched off.
    return any(isinstance(node, IncludeNode) and node.template.resolve({}) == NOTICE_TEMPLATE for node in nodelist)


@register(Tags.templates)
def check_safety_notice(app_configs=None, **kwargs) -> list[Error]:
    engine = engines["django"]
    try:
        base = engine.get_template(BASE_TEMPLATE).template
        notice_source = engine.get_template(NOTICE_TEMPLATE).template.source
    except (TemplateDoesNotExist, TemplateSyntaxError) as exc:
        return [Error(f"Cannot load the safety notice templates: {exc}", id="editorial.E001")]
    errors = []
    if not _includes_notice_at_top_level(base.nodelist):
        errors.append(
            Error(
                f"{BASE_TEMPLATE} must include '{NOTICE_TEMPLATE}' at top level, outside every block.",
                hint="Every public page extends base.html; the notice must not be removable by a child template.",
                id="editorial.E001",
            )
        )
    if NOTICE_MARKER not in notice_source:
        errors.append(
            Error(
                f"{NOTICE_TEMPLATE} must carry the {NOTICE_MARKER} attribute on its root element.",
                id="editorial.E001",
            )
        )
    return errors
