"""Screen-pop URLs from templates: values percent-encoded, only http/https, never from raw text.

A template names fields of the interaction in braces, e.g.
``https://crm.example/search?phone={remote}&name={remote_name}&case={data.CaseId}``.
Each value is percent-encoded as a whole (``quote(value, safe="")``), so a caller name with
``&``, ``#``, ``<script>`` or non-ASCII letters can never add parameters, change the path or
the scheme. The scheme and host come from the template alone and must be http or https.
"""
from __future__ import annotations

import re
import string
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from .errors import BadInputError
from .model import Interaction
from .vocabulary import Media

FIELDS = ("interaction_id", "remote", "remote_name", "from", "to", "queue", "agent_id", "media", "direction")
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*(?:\.[^{}]+)?)\}")


@dataclass(frozen=True)
class ScreenPopRule:
    template: str
    media: frozenset[Media] = frozenset()   # empty = every media
    queues: frozenset[str] = frozenset()    # empty = every queue
    automatic: bool = False                 # open on offer, or only when the agent clicks

    def applies_to(self, interaction: Interaction) -> bool:
        return ((not self.media or interaction.media in self.media)
                and (not self.queues or (interaction.queue or "") in self.queues))


def validate_template(template: str) -> None:
    """Raise BadInputError unless the template is an http(s) URL whose fields we know."""
    head = template.split("{", 1)[0]
    parts = urlsplit(head if "://" in head else template)
    if parts.scheme not in ("http", "https") or not parts.netloc or "{" in parts.netloc:
        raise BadInputError(f"screen-pop template must start with http:// or https:// and a fixed host: {template!r}")
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]
    except ValueError as exc:
        raise BadInputError(f"screen-pop template is malformed: {exc}") from None
    for name in names:
        if name not in FIELDS and not name.startswith("data."):
            raise BadInputError(f"unknown field {{{name}}} in screen-pop template (known: {', '.join(FIELDS)}, data.KEY)")


def render_url(template: str, interaction: Interaction) -> str:
    validate_template(template)
    values = interaction.to_json()

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        raw = interaction.data.get(name[5:], "") if name.startswith("data.") else values.get(name)
        return quote("" if raw is None else str(raw), safe="")

    url = _PLACEHOLDER.sub(value, template)
    if urlsplit(url).scheme not in ("http", "https"):  # belt and braces: the result, too
        raise BadInputError(f"screen-pop URL is not http(s): {url!r}")
    return url


def urls_for(rules: list[ScreenPopRule], interaction: Interaction, *, automatic_only: bool) -> list[str]:
    return [render_url(rule.template, interaction) for rule in rules
            if rule.applies_to(interaction) and (rule.automatic or not automatic_only)]
