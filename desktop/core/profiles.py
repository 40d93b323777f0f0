"""Connection profiles: one TOML file per connection (DESIGN.md, "Connection profiles").

``--profile`` takes a path or a name; a name is looked up in the user's config dir, then in
the machine-wide dir where IT places (and may lock) profiles. Unknown keys are errors that
name the key and the file, so a typo never silently falls back to a default.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping
from urllib.parse import urlsplit

import platformdirs

from .errors import ProfileError
from .vocabulary import VENDOR_IDS

APP_NAME = "ctidesk"

_TOP_KEYS = {"name": str, "vendor": str, "user": str, "secret_env": str, "api_key_env": str,
             "allow_insecure": bool, "ca_bundle": str, "proxy": str}

# Keys each vendor section accepts, with their types. The vendor reads its own section.
VENDOR_KEYS: dict[str, dict[str, type | tuple[type, ...]]] = {
    "genesys": {"base_url": str, "place": str, "login_code": str, "queue": str, "channels": list,
                "cometd_url": str, "after_call_work": bool,
                # supervisor floor, polled (docs/genesys-mapping.md): users + /api/v1/stats objects
                "floor": bool, "floor_queues": list, "floor_period_s": (int, float), "floor_concurrency": int},
    "8x8": {"url": str, "tenant": str, "subscription_id": str, "output_type": str, "agent_id": str,
            "heartbeat_timeout_s": (int, float), "agent_states": dict,
            "cache_window_s": (int, float)},
    "enreach": {"api_url": str, "user_id": str, "queue_ids": list, "call_list_ids": list,
                "supervised_user_ids": list, "hub_url": str},
    "alvaria": {"base_url": str, "org_id": str, "token_url": str, "api_version": int,
                "require_acknowledgement": bool, "inactivity_delay": int, "user_ids": list, "events": list,
                "max_events": int},
}
URL_KEYS = {"genesys": ("base_url", "cometd_url"), "8x8": ("url",),
            "enreach": ("api_url", "hub_url"), "alvaria": ("base_url", "token_url")}


@dataclass(frozen=True)
class Profile:
    name: str
    vendor: str
    user: str
    path: Path | None = None
    secret_env: str | None = None
    api_key_env: str | None = None
    allow_insecure: bool = False
    ca_bundle: str | None = None
    proxy: str | None = None
    options: Mapping[str, Any] = field(default_factory=dict)  # the vendor's own section
    locked: bool = False  # from the machine-wide dir: the GUI shows it read-only

    @property
    def where(self) -> str:
        return str(self.path) if self.path else f"profile {self.name!r}"

    def option(self, key: str, default: Any = None) -> Any:
        value = self.options.get(key, default)
        return default if value == "" else value


def user_profile_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME)) / "profiles"


def system_profile_dirs() -> list[Path]:
    return [Path(p) / "profiles" for p in platformdirs.site_config_dir(APP_NAME, multipath=True).split(":")]


def find_profile(name_or_path: str) -> Path:
    candidate = Path(name_or_path).expanduser()
    if candidate.suffix == ".toml" or candidate.exists() or "/" in name_or_path:
        if not candidate.is_file():
            raise ProfileError(f"{candidate}: profile file not found")
        return candidate
    searched = [user_profile_dir(), *system_profile_dirs()]
    for folder in searched:
        for path in sorted(folder.glob("*.toml")) if folder.is_dir() else []:
            if path.stem == name_or_path or _peek_name(path) == name_or_path:
                return path
    raise ProfileError(f"no profile named {name_or_path!r} (looked in {', '.join(str(p) for p in searched)})")


def _peek_name(path: Path) -> str | None:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8")).get("name")
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return None


def load_profile(name_or_path: str) -> Profile:
    path = find_profile(name_or_path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(f"{path}: cannot read profile: {exc}") from None
    locked = any(_is_within(path, d) for d in system_profile_dirs())
    return parse_profile(text, path=path, locked=locked)


def _is_within(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


def parse_profile(text: str, *, path: Path | None = None, locked: bool = False) -> Profile:
    where = str(path) if path else "<profile>"
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{where}: not valid TOML: {exc}") from None
    for key in ("name", "vendor", "user"):
        if not data.get(key):
            raise ProfileError(f"{where}: missing required key {key!r}")
    vendor = data["vendor"]
    if vendor not in VENDOR_IDS:
        raise ProfileError(f"{where}: unknown vendor {vendor!r} (one of {', '.join(VENDOR_IDS)})")
    for key, value in data.items():
        if key in VENDOR_IDS:
            if key != vendor:
                raise ProfileError(f"{where}: section [{key}] does not belong to a {vendor} profile")
            continue
        if key not in _TOP_KEYS:
            raise ProfileError(f"{where}: unknown key {key!r}")
        _check_type(where, key, value, _TOP_KEYS[key])
    section = data.get(vendor, {})
    if not isinstance(section, dict):
        raise ProfileError(f"{where}: [{vendor}] must be a table")
    allowed = VENDOR_KEYS[vendor]
    for key, value in section.items():
        if key not in allowed:
            raise ProfileError(f"{where}: unknown key {key!r} in [{vendor}]")
        _check_type(where, f"{vendor}.{key}", value, allowed[key])
    allow_insecure = bool(data.get("allow_insecure", False))
    for key in URL_KEYS[vendor]:
        url = section.get(key)
        if url:
            _check_url(where, f"{vendor}.{key}", url, allow_insecure)
    return Profile(name=data["name"], vendor=vendor, user=data["user"], path=path,
                   secret_env=data.get("secret_env") or None, api_key_env=data.get("api_key_env") or None,
                   allow_insecure=allow_insecure, ca_bundle=data.get("ca_bundle") or None,
                   proxy=data.get("proxy") or None, options=section, locked=locked)


def _check_type(where: str, key: str, value: Any, expected: type | tuple[type, ...]) -> None:
    if isinstance(value, bool) and expected is not bool and expected != (int, float):
        ok = False
    else:
        ok = isinstance(value, expected)
    if not ok:
        names = expected.__name__ if isinstance(expected, type) else " or ".join(t.__name__ for t in expected)
        raise ProfileError(f"{where}: {key} must be {names}, not {type(value).__name__}")


def _check_url(where: str, key: str, url: str, allow_insecure: bool) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https", "ws", "wss") or not parts.netloc:
        raise ProfileError(f"{where}: {key} is not a usable URL: {url!r}")
    if parts.scheme in ("http", "ws") and not allow_insecure:
        raise ProfileError(f"{where}: {key} uses {parts.scheme}:// without TLS; set allow_insecure = true for a lab or loopback peer")


# -- writing (the settings dialog edits the same files) ---------------------------------------
def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
        return f'"{escaped}"'
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise ProfileError(f"cannot write a value of type {type(value).__name__} to a profile")


def render_profile(data: Mapping[str, Any]) -> str:
    """TOML text for a profile given as plain data (top-level keys, the vendor's section, and
    one nested table such as [8x8.agent_states]); the result is parsed back before it is used."""
    lines, tables = [], []
    for key, value in data.items():
        if isinstance(value, Mapping):
            tables.append((key, value))
        elif value not in (None, ""):
            lines.append(f"{key} = {_toml_value(value)}")
    for table, section in tables:
        lines.append(f"\n[{table}]")
        nested = []
        for key, value in section.items():
            if isinstance(value, Mapping):
                nested.append((key, value))
            elif value not in (None, "", []):
                lines.append(f"{key} = {_toml_value(value)}")
        for key, value in nested:
            lines.append(f"\n[{table}.{key}]")
            lines.extend(f"{_toml_value(str(k))} = {_toml_value(v)}" for k, v in value.items())
    return "\n".join(lines) + "\n"


def save_profile(data: Mapping[str, Any], path: Path | None = None) -> Path:
    """Validate and write a profile; by default ``<user profile dir>/<name>.toml``."""
    text = render_profile(data)
    target = path or user_profile_dir() / f"{_file_stem(str(data.get('name', '')))}.toml"
    if any(_is_within(target, folder) for folder in system_profile_dirs()):
        raise ProfileError(f"{target}: this profile is provided by IT and cannot be changed here")
    parse_profile(text, path=target)  # refuse before writing anything wrong
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def list_profiles() -> list[Profile]:
    """Every readable profile, the user's first, then the machine-wide (locked) ones."""
    found = []
    for folder in [user_profile_dir(), *system_profile_dirs()]:
        for path in sorted(folder.glob("*.toml")) if folder.is_dir() else []:
            try:
                found.append(load_profile(str(path)))
            except ProfileError:
                continue
    return found


def _file_stem(name: str) -> str:
    stem = re.sub(r"[^\w-]+", "-", name.strip()).strip("-").lower()
    if not stem:
        raise ProfileError("a profile needs a name")
    return stem
