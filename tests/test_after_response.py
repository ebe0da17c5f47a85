"""Mail after the response: a reader's page never waits on a mail server, so timing says nothing
(the /my-comments/ finding: 418 ms for an address that had commented, 41 ms for one that had not)."""

import re
from http.cookies import SimpleCookie

import pytest
from django.core import mail
from django.core.handlers.wsgi import WSGIHandler
from django.test import RequestFactory

from comments.models import Comment
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)  # real commits: on-commit work runs as in production


def serve(request, cookies: str = ""):
    """The response as a WSGI server gets it, before the server closes it (which is when it was sent)."""
    if cookies:
        request.environ["HTTP_COOKIE"] = cookies
    return WSGIHandler()(request.environ, lambda status, headers: None)


def data_request(email: str):
    page = serve(RequestFactory().get("/my-comments/"))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)
    cookie = SimpleCookie(page.cookies.output(header="")).output(attrs=[], header="").strip()
    page.close()
    return serve(RequestFactory().post("/my-comments/", {"email": email, "csrfmiddlewaretoken": token}), cookie)


@pytest.mark.parametrize("commented", [True, False])
def test_the_data_request_answers_before_any_mail_or_lookup_of_the_address(commented):
    if commented:
        factories.ArticleFactory(published=True).comments.create(name="A", email="asker@example.org", body="Hi")
    response = data_request("asker@example.org")
    assert response.status_code == 200 and "we have sent it a link" in response.content.decode()
    assert mail.outbox == []  # the answer is complete and nothing was sent yet
    response.close()  # the server has written the body
    assert len(mail.outbox) == (1 if commented else 0)


def test_a_task_that_fails_after_the_response_is_logged_not_raised(caplog, monkeypatch):
    from comments import data_requests

    def broken(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr(data_requests, "send_mail", broken)
    Comment.objects.create(article=factories.ArticleFactory(published=True), name="A", email="a@example.org", body="x")
    response = data_request("a@example.org")
    response.close()
    assert response.status_code == 200
    assert "Could not send a data-request link" in caplog.text
