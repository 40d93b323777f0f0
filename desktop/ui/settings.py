"""User settings, declared once with their defaults, stored with QSettings (per user; IT can
preset them machine-wide in the system scope, which QSettings reads as the fallback)."""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSettings

from ..core.errors import BadInputError
from ..core.screenpop import ScreenPopRule, validate_template
from ..core.thresholds import Thresholds
from ..core.vocabulary import Media

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Option:
    key: str
    default: Any
    kind: type


OPTIONS = {o.key: o for o in (
    Option("screen_pop/rules", "[]", str),          # JSON list of {template, media, queues, automatic}
    Option("notifications/enabled", True, bool),
    Option("notifications/ring", True, bool),
    Option("calls/auto_answer", False, bool),
    Option("appearance/theme", "system", str),       # system | light | dark
    Option("appearance/language", "", str),          # "" = the system's language
    # supervisor thresholds; 0 switches a rule off
    Option("supervisor/not_ready_max_min", 15, int),
    Option("supervisor/queue_wait_max_s", 60, int),
    Option("supervisor/platform_alerts", True, bool),
)}
THEMES = ("system", "light", "dark")


class Settings:
    def __init__(self, store: QSettings | None = None):
        self._q = store or QSettings()

    def get(self, key: str) -> Any:
        option = OPTIONS[key]
        value = self._q.value(key, option.default)
        if option.kind is bool and isinstance(value, str):  # some backends store booleans as text
            return value.lower() in ("1", "true", "yes")
        return option.kind(value)

    def set(self, key: str, value: Any) -> None:
        OPTIONS[key]  # unknown keys are programming errors
        self._q.setValue(key, value)

    def shortcut(self, capability: str, default: str | None) -> str | None:
        """The agent's own key for an action (``shortcuts/<capability>``); "" means none."""
        value = self._q.value(f"shortcuts/{capability}")
        return default if value is None else str(value)

    def set_shortcut(self, capability: str, keys: str) -> None:
        self._q.setValue(f"shortcuts/{capability}", keys)

    def thresholds(self) -> Thresholds:
        not_ready = self.get("supervisor/not_ready_max_min")
        wait = self.get("supervisor/queue_wait_max_s")
        return Thresholds(not_ready_max_s=not_ready * 60 if not_ready > 0 else None,
                          queue_wait_max_s=wait if wait > 0 else None,
                          platform_alerts=self.get("supervisor/platform_alerts"))

    def screen_pop_rules(self) -> list[ScreenPopRule]:
        try:
            raw = json.loads(self.get("screen_pop/rules"))
        except json.JSONDecodeError as exc:
            log.warning("ignoring unreadable screen-pop rules: %s", exc)
            return []
        rules = []
        for item in raw if isinstance(raw, list) else []:
            try:
                rules.append(rule_from_dict(item))
            except (BadInputError, KeyError, TypeError, ValueError) as exc:
                log.warning("ignoring screen-pop rule %r: %s", item, exc)
        return rules

    def set_screen_pop_rules(self, rules: list[ScreenPopRule]) -> None:
        self.set("screen_pop/rules", json.dumps([{"template": r.template, "media": sorted(r.media),
                                                  "queues": sorted(r.queues), "automatic": r.automatic}
                                                 for r in rules]))


def rule_from_dict(item: dict[str, Any]) -> ScreenPopRule:
    validate_template(item["template"])
    return ScreenPopRule(item["template"], frozenset(Media(m) for m in item.get("media", [])),
                         frozenset(item.get("queues", [])), bool(item.get("automatic", False)))
