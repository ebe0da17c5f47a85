import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import OperationalError, connection
from django.test import override_settings

from editorial.checks import check_safety_notice
from editorial.models import SafetyNotice
from editorial.models.site import DEFAULT_SAFETY_MESSAGE

GOOD_NOTICE = "<aside data-safety-notice>Not medical advice.</aside>"
GOOD_BASE = '<body>{% include "includes/safety_notice.html" %}{% block content %}{% endblock %}</body>'


@pytest.fixture
def template_dir(tmp_path):
    """A template folder of our own, to break base.html without touching the real one."""
    (tmp_path / "includes").mkdir()
    (tmp_path / "includes" / "other.html").write_text("x")

    def use(base: str, notice: str = GOOD_NOTICE):
        (tmp_path / "base.html").write_text(base)
        (tmp_path / "includes" / "safety_notice.html").write_text(notice)
        return override_settings(
            TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates", "DIRS": [tmp_path]}]
        )

    return use


def test_the_real_templates_pass():
    assert check_safety_notice() == []


def test_a_correct_minimal_base_passes(template_dir):
    with template_dir(GOOD_BASE):
        assert check_safety_notice() == []


@pytest.mark.parametrize(
    "base",
    [
        "<html><body>{% block content %}{% endblock %}</body></html>",
        '<body>{% block notice %}{% include "includes/safety_notice.html" %}{% endblock %}</body>',
        '<body>{% if show %}{% include "includes/safety_notice.html" %}{% endif %}</body>',
        '<body>{% include "includes/other.html" %}</body>',
    ],
    ids=["missing", "inside a block", "inside an if", "another include"],
)
def test_e001_fires_on_a_broken_base_template(template_dir, base):
    with template_dir(base):
        errors = check_safety_notice()
    assert [e.id for e in errors] == ["editorial.E001"]
    assert "outside every block" in errors[0].msg


def test_e001_fires_when_the_notice_loses_its_marker(template_dir):
    with template_dir(GOOD_BASE, notice="<aside>Not medical advice.</aside>"):
        assert [e.id for e in check_safety_notice()] == ["editorial.E001"]


def test_manage_py_check_fails_on_a_broken_base_template(template_dir):
    with template_dir("<body>{% block content %}{% endblock %}</body>"), pytest.raises(SystemCheckError, match="E001"):
        call_command("check")


@pytest.mark.django_db
def test_the_notice_shows_the_edited_wording_once_per_page(client):
    SafetyNotice.objects.create(message="Edited wording: information only.")
    html = client.get("/get-help/").content.decode()
    assert html.count("data-safety-notice") == 1
    assert "Edited wording: information only." in html
    assert 'href="/get-help/"' in html
    assert "988" in html


@pytest.mark.django_db
def test_the_notice_uses_the_built_in_text_without_a_row(client):
    html = client.get("/get-help/").content.decode()
    assert DEFAULT_SAFETY_MESSAGE in html


@pytest.mark.django_db
def test_the_notice_renders_when_the_database_is_unreachable(client):
    SafetyNotice.objects.create(message="Edited wording that cannot be read now.")

    def unreachable(execute, sql, params, many, context):
        raise OperationalError("connection refused (simulated)")

    with connection.execute_wrapper(unreachable):
        response = client.get("/get-help/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("data-safety-notice") == 1
    assert DEFAULT_SAFETY_MESSAGE in html


@pytest.mark.django_db
def test_only_one_notice_row_can_exist():
    SafetyNotice.objects.create(message="one")
    SafetyNotice(message="two").save()  # saving "another" edits the single row
    assert list(SafetyNotice.objects.values_list("pk", "message")) == [(1, "two")]
    assert SafetyNotice.history.count() == 2
