"""One person, one address: the spellings an attacker used to get fresh limits all fold to one key."""

import pytest

from comments.addresses import email_key


@pytest.mark.parametrize(
    "spelling",
    [
        "Sam@Example.org",
        "sam+tag@example.org",
        "sam@ｅｘａｍｐｌｅ.org",  # noqa: RUF001 - fullwidth letters, delivered to example.org
        '"sam"@example.org',
        "sam@example.org.",
        "  sam@example.org ",
    ],
)
def test_spellings_of_one_address_share_a_key(spelling):
    assert email_key(spelling) == email_key("sam@example.org") == "sam@example.org"


def test_gmail_ignores_dots_and_googlemail_is_gmail():
    assert email_key("S.a.m+x@googlemail.com") == email_key("sam@gmail.com") == "sam@gmail.com"


def test_dots_count_elsewhere_and_an_internationalised_domain_is_compared_in_ascii():
    assert email_key("s.am@example.org") != email_key("sam@example.org")
    assert email_key("sam@bücher.example") == email_key("sam@xn--bcher-kva.example")
