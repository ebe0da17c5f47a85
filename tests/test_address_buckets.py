"""Rate-limit buckets, as an attacker would probe them: a v6 /64 is one reader, one address is one bucket
however it is spelt or whatever port a proxy adds, and a request whose address cannot be told is refused,
never pooled with every other such request. (Staff login lockouts: tests/test_login_lockout.py.)"""

import hashlib
import hmac

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse

from comments.models import Comment, DataRequest
from editorial import net
from tests import factories
from tests.comments.test_reply import reply

pytestmark = pytest.mark.django_db
behind_one_proxy = override_settings(TRUSTED_PROXY_COUNT=1)
PROXY = "10.0.0.1"


@pytest.fixture
def article():
    return factories.ArticleFactory(published=True)


def post(article, n: int, address: str = "203.0.113.5", forwarded: str | None = None) -> int:
    """One reply, from its own form, e-mail and text, so only the address can trip the limit; its status.
    With `forwarded`, it arrives through the proxy with that X-Forwarded-For."""
    headers = None if forwarded is None else {"x-forwarded-for": forwarded}
    where = {"address": PROXY if forwarded is not None else address, "headers": headers}
    return reply(Client(), article, email=f"reader{n}@example.org", body=f"Reply number {n}", **where).status_code


def posts(article, addresses=(), forwarded=()) -> list[int]:
    if forwarded:
        return [post(article, n, forwarded=value) for n, value in enumerate(forwarded)]
    return [post(article, n, address=value) for n, value in enumerate(addresses)]


FIVE_THEN_REFUSED = [303] * 5 + [429]  # COMMENTS_RATE_LIMITS: 5 per 10 minutes


def test_six_addresses_in_one_v6_64_hit_the_reply_limit(article):
    one_64 = ["2001:db8:1:2::1", "2001:db8:1:2::2", "2001:db8:1:2:aaaa::9", "2001:db8:1:2:1:2:3:4"]
    one_64 += ["2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::6"]
    assert posts(article, one_64) == FIVE_THEN_REFUSED
    assert Comment.objects.count() == 5


def test_different_64s_are_independent(article):
    assert posts(article, [f"2001:db8:1:2::{n}" for n in range(1, 6)]) == [303] * 5
    assert post(article, 10, address="2001:db8:1:3::1") == 303  # the next /64 is another household
    assert post(article, 11, address="2001:db8:1:2::99") == 429  # the full one stays full


def test_an_ipv4_mapped_v6_address_counts_as_the_v4_address(article):
    spellings = ["1.2.3.4", "::ffff:1.2.3.4", "::FFFF:1.2.3.4", "::ffff:102:304", "1.2.3.4", "::ffff:1.2.3.4"]
    assert posts(article, spellings) == FIVE_THEN_REFUSED


def test_spellings_and_zone_ids_of_one_v6_address_are_one_bucket(article):
    spellings = ["2001:db8::1", "2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8:0:0::1", "2001:db8::0:1"]
    spellings += ["2001:db8::1%eth0", "2001:db8::1%25en1"]
    assert posts(article, spellings) == FIVE_THEN_REFUSED


@behind_one_proxy
def test_ports_added_by_the_proxy_do_not_make_new_buckets(article):
    assert posts(article, forwarded=[f"1.2.3.4:{5550 + n}" for n in range(5)] + ["1.2.3.4:6666"]) == FIVE_THEN_REFUSED
    assert post(article, 20, forwarded="5.6.7.8:1") == 303  # another address with a port: its own bucket
    assert post(article, 21, forwarded="1.2.3.4") == 429  # and without one, still the same reader


@behind_one_proxy
def test_bracketed_v6_with_ports_and_quotes_is_one_64(article):
    values = ["[2001:db8:7:7::1]:443", "[2001:db8:7:7::2]:80", '"[2001:db8:7:7::3]:1"', " 2001:db8:7:7::4 "]
    values += ["'2001:db8:7:7::5'", "[2001:db8:7:7::6]"]
    assert posts(article, forwarded=values) == FIVE_THEN_REFUSED


@pytest.mark.parametrize(
    ("forwarded", "bucket"),
    [
        ("1.2.3.4:5678", "1.2.3.4"),
        ("  1.2.3.4  ", "1.2.3.4"),
        ('"1.2.3.4:80"', "1.2.3.4"),
        ("[2001:db8::1]:443", "2001:db8::"),
        ("[2001:db8::1]", "2001:db8::"),
        ("2001:db8:0:0:abcd::1", "2001:db8::"),
        ("::ffff:1.2.3.4", "1.2.3.4"),
        ("[::ffff:1.2.3.4]:8080", "1.2.3.4"),
        ("fe80::1%eth0", "fe80::"),
        ("[fe80::1%25eth0]:22", "fe80::"),
        ("6.6.6.6:1, 1.2.3.4:2", "1.2.3.4"),  # the spoofable first entry is still ignored
    ],
)
def test_forwarded_values_are_parsed_to_their_bucket(rf, forwarded, bucket):
    request = rf.post("/", HTTP_X_FORWARDED_FOR=forwarded, REMOTE_ADDR=PROXY)
    with behind_one_proxy:
        assert net.address_bucket(net.client_ip(request)) == bucket


def test_hashes_are_of_the_bucket_and_v4_hashes_are_unchanged():
    assert net.ip_hash("::ffff:192.0.2.1") == net.ip_hash("192.0.2.1")
    assert net.ip_hash("2001:db8::1") == net.ip_hash("2001:db8::ffff:1") == net.ip_hash("2001:DB8::1%eth0")
    assert net.ip_hash("2001:db8::1") != net.ip_hash("2001:db8:0:1::1")
    # Hashes stored before buckets existed (every IPv4 one) still match the same readers.
    plain = hmac.new(settings.IP_HASH_KEY.encode(), b"192.0.2.1", hashlib.sha256).hexdigest()
    assert net.ip_hash("192.0.2.1") == plain


UNKNOWN = ["unknown", "", "not-an-ip", "1.2.3.4:port", "[2001:db8::1", "999.1.2.3", "0.0.0.0", "::", "_hidden"]  # noqa: S104


@behind_one_proxy
@pytest.mark.parametrize("value", UNKNOWN)
def test_an_unknown_address_is_refused_not_pooled(article, value):
    assert posts(article, forwarded=[value] * 6) == [400] * 6  # no shared bucket to fill: refused each time
    assert Comment.objects.count() == 0
    assert post(article, 30, forwarded="198.51.100.30") == 303  # other readers are untouched


@pytest.mark.parametrize(
    ("hops", "forwarded"),
    [(1, None), (2, "1.2.3.4"), (1, "1.2.3.4, unknown"), (1, "1.2.3.4,")],
)
def test_too_few_or_empty_trusted_hops_are_unknown_too(article, hops, forwarded):
    with override_settings(TRUSTED_PROXY_COUNT=hops):
        # Not the proxy's own address (REMOTE_ADDR), which every reader would share.
        assert post(article, 0, address=PROXY, forwarded=forwarded) == 400
    assert Comment.objects.count() == 0


@behind_one_proxy
def test_read_only_pages_do_not_need_an_address(client, article):
    headers = {"x-forwarded-for": "unknown"}
    assert client.get(reverse("comments:reply", args=[article.slug]), headers=headers).status_code == 200
    assert client.get(reverse("comments:data_request"), headers=headers).status_code == 200
    assert client.get(article.get_absolute_url(), headers=headers).status_code == 200


def ask_for_data(n: int, **where) -> int:
    """A request for one's comments (/my-comments/), each for its own e-mail; its status."""
    return Client().post(reverse("comments:data_request"), {"email": f"r{n}@example.org"}, **where).status_code


@behind_one_proxy
def test_a_data_request_from_an_unknown_address_is_refused():
    assert ask_for_data(1, REMOTE_ADDR=PROXY, headers={"x-forwarded-for": "unknown"}) == 400
    assert DataRequest.objects.count() == 0


def test_data_requests_are_limited_per_64():
    statuses = [ask_for_data(n, REMOTE_ADDR=f"2001:db8:9:9::{n}") for n in range(1, 7)]
    assert statuses == [200] * 5 + [429]  # five requests an hour from one address
    assert ask_for_data(9, REMOTE_ADDR="2001:db8:9:a::1") == 200


@behind_one_proxy
def test_a_refused_reply_that_mentions_crisis_still_shows_help(article):
    response = reply(Client(), article, address=PROXY, headers={"x-forwarded-for": "unknown"}, body="I want to die")
    assert response.status_code == 400
    page = response.content.decode()
    assert "If you are thinking about ending your life" in page
    assert "fault on our side" in page and "I want to die" in page  # told why, and the text is kept
    assert Comment.objects.count() == 0
