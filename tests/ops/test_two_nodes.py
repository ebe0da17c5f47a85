"""Two nodes share PostgreSQL, Redis and the media volume: what happens on one is true on the other at once."""

import io
import secrets
import time

import pytest
from PIL import Image

from tests.ops import harness

PASSWORD = "ops-" + secrets.token_urlsafe(16)
TOTP_KEY, EDITOR_TOTP_KEY = secrets.token_bytes(20), secrets.token_bytes(20)  # a code is good once: one each
SLUG = "two-node-fresh-article"
# Run in `manage.py shell` against the shared database: a medical reviewer with an authenticator app,
# and an article in review, written by the demo writer, citing a demo source.
SETUP = f"""
from django.contrib.auth.models import Group, User
from django_otp.plugins.otp_totp.models import TOTPDevice
from articles.models import Article
from editorial.models import Contributor, Status
from editorial.roles import EDITOR, REVIEWER
user = User.objects.create_user("ops-reviewer", password={PASSWORD!r}, is_staff=True)
user.groups.add(Group.objects.get(name=REVIEWER))
Contributor.objects.create(name="Ops Reviewer", slug="ops-reviewer", credentials="MD", user=user)
TOTPDevice.objects.create(user=user, name="ops", key={TOTP_KEY.hex()!r}, confirmed=True)
editor = User.objects.create_user("ops-editor", password={PASSWORD!r}, is_staff=True)
editor.groups.add(Group.objects.get(name=EDITOR))
TOTPDevice.objects.create(user=editor, name="ops", key={EDITOR_TOTP_KEY.hex()!r}, confirmed=True)
writer = Contributor.objects.get(slug="example-writer-demo")
article = Article.objects.create(title="Two nodes, one truth", slug={SLUG!r}, summary="Published on one node.",
    body="What one node publishes, the other shows [@fda-kratom].", author=writer, status=Status.IN_REVIEW)
print(article.pk)
"""


@pytest.fixture(scope="module")
def shared(site, tmp_path_factory):
    env = {**site, "DJANGO_MEDIA_ROOT": str(tmp_path_factory.mktemp("media"))}  # the volume both nodes mount
    return env, int(harness.manage("shell", "-c", SETUP, env=env).split()[-1])


@pytest.fixture
def two_nodes(shared, nodes):
    env, article_pk = shared
    first, second = nodes(env, count=2)
    return first, second, article_pk


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "teal").save(buffer, "PNG")
    return buffer.getvalue()


def test_published_on_one_node_visible_on_the_other_at_the_next_request(two_nodes):
    first, second, article_pk = two_nodes
    reader = second.client()
    assert reader.get(f"/articles/{SLUG}/").status == 404
    listed = reader.get("/articles/")
    assert reader.get("/articles/").headers["etag"] == listed.headers["etag"]  # the list is in the shared cache

    reviewer = first.client(source="127.0.0.60")
    reviewer.staff_login("ops-reviewer", PASSWORD, TOTP_KEY)
    change_form = harness.hidden_inputs(reviewer.get(f"/admin/articles/article/{article_pk}/change/").body)
    published = reviewer.post(
        f"/admin/articles/article/{article_pk}/transition/publish/",
        {"csrfmiddlewaretoken": change_form["csrfmiddlewaretoken"], "note": ""},
    )
    assert published.status == 302, published.body[:2000]
    done_at = time.monotonic()
    page = reader.get(f"/articles/{SLUG}/")
    delay = time.monotonic() - done_at
    print(f"\ncross-node visibility: the first request to the other node, {delay * 1000:.0f} ms after publishing")
    assert page.status == 200 and "Two nodes, one truth" in page.body
    fresh_list = reader.get("/articles/")  # the cached list is stale at once, on the other node too
    assert "Two nodes, one truth" in fresh_list.body and fresh_list.headers["etag"] != listed.headers["etag"]


def test_an_image_uploaded_on_one_node_is_served_by_the_other(two_nodes):
    first, second, _ = two_nodes
    editor = first.client(source="127.0.0.61")
    editor.staff_login("ops-editor", PASSWORD, EDITOR_TOTP_KEY)
    token = harness.hidden_inputs(editor.get("/admin/").body)["csrfmiddlewaretoken"]
    uploaded = editor.request(
        "POST", "/admin/markdownx/upload/", data={}, files={"image": ("dot.png", png(), "image/png")},
        headers={"X-CSRFToken": token},
    )  # fmt: skip
    assert uploaded.status == 200, uploaded.body
    url = uploaded.body.split("](")[1].split(")")[0]
    served = second.client().get(url)
    assert served.status == 200 and served.headers["content-type"] == "image/png"


def test_limits_reached_through_one_node_hold_on_the_other(two_nodes):
    first, second, _ = two_nodes
    reply = "/articles/kratom-and-depression/reply/"
    on_first, on_second = first.client(source="127.0.0.70"), second.client(source="127.0.0.70")
    forms = [harness.hidden_inputs(on_first.get(reply).body) for _ in range(6)]  # a signed form is one reply
    on_second.cookies = on_first.cookies
    time.sleep(3.2)  # COMMENTS_MIN_SECONDS
    writer = {"name": "Same reader", "email": "same-reader@example.org"}
    statuses = [
        on_first.post(reply, {**forms[n], **writer, "body": f"Reply number {n} from one reader."}).status
        for n in range(5)
    ]
    assert statuses == [303] * 5
    assert on_second.post(reply, {**forms[5], **writer, "body": "A sixth reply, through the other node."}).status == 429

    # Staff login lockout (django-axes) likewise: five failures on one node lock the name on the other.
    for n in range(5):
        login = first.client(source=f"127.0.0.{80 + n}")
        form = harness.hidden_inputs(login.get("/admin/login/").body)
        login.post("/admin/login/", {**form, "username": "ops-reviewer", "password": "wrong"})
    other = second.client(source="127.0.0.90")
    form = harness.hidden_inputs(other.get("/admin/login/").body)
    assert other.post("/admin/login/", {**form, "username": "ops-reviewer", "password": PASSWORD}).status == 429
