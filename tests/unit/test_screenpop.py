"""Screen-pop URLs: hostile caller data cannot escape its parameter; only http(s)."""
from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import given, strategies as st

from desktop.core.errors import BadInputError
from desktop.core.model import Interaction
from desktop.core.screenpop import ScreenPopRule, render_url, urls_for
from desktop.core.vocabulary import Media

HOSTILE = "Zoë & Co #1 <script>alert(1)</script> ?x=1/../"


def call(**kw):
    return Interaction("c1", media=Media.VOICE, remote="+1 555 0100", remote_name=HOSTILE, queue="Sales",
                       data={"CaseId": "A&B=C"}, **kw)


def test_values_are_percent_encoded_whole():
    url = render_url("https://crm.example/search?phone={remote}&name={remote_name}&case={data.CaseId}", call())
    assert url.startswith("https://crm.example/search?")
    assert "<" not in url and "#" not in url and " " not in url
    query = parse_qs(urlsplit(url).query)
    assert query == {"phone": ["+1 555 0100"], "name": [HOSTILE], "case": ["A&B=C"]}


@pytest.mark.parametrize("template", ["javascript:alert({remote})", "file:///etc/{remote}", "{remote}",
                                      "https://{remote}/x", "ftp://crm.example/{remote}", "https://crm.example/{nope}"])
def test_bad_templates_are_refused(template):
    with pytest.raises(BadInputError):
        render_url(template, call())


def test_rules_filter_by_media_queue_and_automatic():
    rules = [ScreenPopRule("https://crm.example/a?n={remote}", frozenset({Media.VOICE}), frozenset({"Sales"}), True),
             ScreenPopRule("https://crm.example/b?n={remote}", frozenset({Media.CHAT})),
             ScreenPopRule("https://crm.example/c?n={remote}")]
    assert [u.split("?")[0] for u in urls_for(rules, call(), automatic_only=True)] == ["https://crm.example/a"]
    assert [u.split("?")[0] for u in urls_for(rules, call(), automatic_only=False)] == [
        "https://crm.example/a", "https://crm.example/c"]


@given(st.text())
def test_any_caller_name_stays_inside_its_parameter(name):
    interaction = Interaction("c1", remote_name=name)
    url = render_url("https://crm.example/s?name={remote_name}&fixed=1", interaction)
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "crm.example", "/s")
    assert parse_qs(parts.query, keep_blank_values=True)["fixed"] == ["1"]
    assert parse_qs(parts.query, keep_blank_values=True).get("name", [""]) == [name] or name == ""
