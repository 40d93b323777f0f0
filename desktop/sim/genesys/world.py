"""The simulated contact center behind the GWS simulator: agents, devices, calls, interactions.

Pure state plus operations. It knows nothing about HTTP or Bayeux: it is given a
``publish(user_name, channel, data)`` callable and a ``schedule(delay_s, fn, *args)``
callable (delays are in scenario seconds; the simulator applies ``time_scale``).

``Lnnn`` is a line of ``vendor-docs/genesys-gws-8.5.1-api-reference.md``.
"""

from __future__ import annotations

import base64
import copy
import secrets
import time
import uuid
from dataclasses import dataclass, field
from typing import Any, Callable

from . import capabilities as caps

# Built-in agent-state descriptors, read only (L1138-1171). Custom ones come from the scenario.
BUILTIN_AGENT_STATES = [
    {"displayName": "AfterCallWork", "id": "D3663509-3D82-4DD3-A82E-2EA8EFA02AEF",
     "operationName": "AfterCallWork", "state": "NotReady", "workMode": "AfterCallWork"},
    {"displayName": "AuxWork", "id": "2B36138D-C564-4562-A8CB-3C32D564F296",
     "operationName": "AuxWork", "state": "NotReady", "workMode": "AuxWork"},
    {"displayName": "Not Ready", "id": "900D55CC-2BB0-431F-8BF9-D3525B383BE6",
     "operationName": "NotReady", "state": "NotReady"},
    {"displayName": "Offline", "id": "0F7F5003-EF26-4D13-A6Ef-D0C7EC819BEB",
     "operationName": "Offline", "state": "Logout"},
    {"displayName": "Ready", "id": "9430250E-0A1B-421F-B372-F29E69366DED",
     "operationName": "Ready", "state": "Ready"},
]

MEDIA_CHANNELS = ("voice", "chat", "email")  # L1455-1463, L225, L4882

# Supervision of another user's device (L3912-3919), in the order L3916 prints them. The
# operations' URI and parameters are NOT IN SOURCE (digest §3.13): see README "Supervision".
MONITORING_OPS = ("ListenIn", "Bargain", "Coach")
CANCEL_MONITORING = "CancelSupervisorMonitoring"
SUPERVISOR_ROLE = "ROLE_SUPERVISOR"  # L3912-3916

# Terminal states we push for interactions (none documented except Revoked, L3144): see README.
TERMINAL_STATE = {
    "Complete": "Completed",
    "Reject": "Rejected",
    "Transfer": "Transferred",
    "SingleStepTransfer": "Transferred",
    "PlaceInQueue": "Queued",
    "PlaceInWorkbin": "Queued",
    "Send": "Sent",
    "Cancel": "Canceled",
    "Revoke": "Revoked",
}

_COUNTRIES = {  # tiny participantsInfo helper (shape L4736-4748)
    "1": ("United States", "US"),
    "33": ("France", "FR"),
    "44": ("United Kingdom", "GB"),
    "49": ("Germany", "DE"),
    "34": ("Spain", "ES"),
    "81": ("Japan", "JP"),
    "46": ("Sweden", "SE"),
}


class OpError(Exception):
    """A refused operation: statusCode 1 (missing parameter), 2 (invalid for the current
    state), 3 (forbidden) or 6 (not found); L562-568."""

    def __init__(self, code: int, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def _now_ms() -> int:
    return int(time.time() * 1000)


def _ixn_id() -> str:
    # 16 characters like '0000Ka8WP8G94H9A' (L3071)
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    return "0000" + "".join(secrets.choice(alphabet) for _ in range(12))


def _call_id() -> str:
    return secrets.token_hex(8)  # '010a0229f0cbd001' (L4728)


def _call_uuid() -> str:
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUV"
    return "".join(secrets.choice(alphabet) for _ in range(32))  # L4730


def participant_info(number: str) -> dict:
    """participantsInfo entry (L4091, L4736-4748)."""
    country = {"name": "", "code": "", "callingCode": ""}
    valid = False
    if number.startswith("+"):
        digits = number[1:]
        for cc in sorted(_COUNTRIES, key=len, reverse=True):
            if digits.startswith(cc):
                name, code = _COUNTRIES[cc]
                country = {"name": name, "code": code, "callingCode": cc}
                valid = len(digits) >= 8
                break
    return {
        "country": country,
        "formattedPhoneNumber": number,
        "location": None,
        "E164digits": number.lstrip("+"),
        "isValidNumber": valid,
    }


# --------------------------------------------------------------------------------------
# state objects


@dataclass
class Agent:
    user_name: str
    user_id: str
    first_name: str
    last_name: str
    phone: str
    device_id: str
    roles: list[str] = field(default_factory=lambda: ["ROLE_AGENT"])
    logged_in: bool = False
    dnd: bool = False
    forward_to: str | None = None
    # per media channel: {"state", "workMode"?, "reason"?}
    channels: dict[str, dict] = field(default_factory=dict)
    channel_dnd: dict[str, bool] = field(default_factory=dict)
    password: str | None = None
    # the supervisor floor (README "Floor"): skill names, our model of a call (not a Call object:
    # other users' calls are invisible over GWS), and who monitors the device
    skills: list[str] = field(default_factory=list)
    on_call: bool = False
    floor: bool = False
    monitor: dict | None = None  # {"by": supervisor user name, "state": ListenIn|Coach|Bargain}
    other_supervisor: str | None = None  # fault: "another supervisor" monitors with this state
    state_since: float = field(default_factory=time.time)


@dataclass
class Call:
    id: str
    owner: str
    state: str  # Ringing | Dialing | Established | Held | Released
    call_type: str  # Inbound | Outbound | Internal | Consult
    ani: str
    dnis: str
    participants: list[str]
    user_data: dict = field(default_factory=dict)
    uuid: str = field(default_factory=_call_uuid)
    mute: bool = False
    recording_state: str | None = None
    created_at: float = field(default_factory=time.monotonic)
    established_at: float | None = None
    consult_parent: str | None = None  # consult call -> original call id
    consult_child: str | None = None  # original call -> consult call id
    consult_kind: str | None = None  # "transfer" | "conference"
    was_established: bool = False


@dataclass
class Interaction:
    id: str
    owner: str
    channel: str  # chat | email
    phase: str  # routing | invited | accepted | ended | draft | <terminal>
    type: str = "Inbound"
    sub_type: str = "InboundNew"
    user_data: dict = field(default_factory=dict)
    current_queue: str = ""
    in_queues: dict = field(default_factory=dict)
    out_queues: dict = field(default_factory=dict)
    start_date: int | None = None
    thread_id: str | None = None
    parent_id: str | None = None
    # chat
    nickname: str = ""
    client_user_id: str = ""
    events: list[dict] = field(default_factory=list)
    next_event_id: int = 1
    agents_in_chat: list[str] = field(default_factory=list)  # user names of agents joined
    customer_present: bool = True
    # email
    from_addr: str = ""
    to_addr: str = ""
    cc_addr: str = ""
    subject: str = ""
    body: str = ""
    received_at: str = ""
    terminal_state: str | None = None


# --------------------------------------------------------------------------------------


class World:
    def __init__(
        self,
        *,
        agents: list[dict],
        users: dict[str, str],
        options: dict,
        custom_agent_states: list[dict],
        workbins: list[str],
        base_url: Callable[[], str],
        publish: Callable[[str, str, dict], None],
        schedule: Callable[..., Any],
    ):
        self.options = options
        self._base_url = base_url
        self._publish = publish
        self._schedule = schedule
        self.agent_states = [dict(s) for s in BUILTIN_AGENT_STATES] + [dict(s) for s in custom_agent_states]
        self.agents: dict[str, Agent] = {}
        self.calls: dict[str, Call] = {}
        self.interactions: dict[str, Interaction] = {}
        self.ended_interactions: dict[str, str] = {}  # id -> terminal state
        self.released_calls: list[str] = []
        self.diverted_calls: list[dict] = []
        self.sent_emails: list[dict] = []
        self.workbins: dict[str, list[dict]] = {name: [] for name in workbins}
        self.listeners: list[Callable[[str, dict], None]] = []  # scenario hooks
        self.skills: dict[str, dict] = {}  # name -> skill object {id, name, level} (L3704-3722)
        self.device_index: dict[str, Agent] = {}  # device id -> its user
        self._descriptor_index: dict[tuple, dict] = {}
        self._descriptor_key = -1
        self._phone_uris: dict[str, str] = {}
        known = {a["userName"]: a for a in agents}
        for n, name in enumerate(list(dict.fromkeys([*users.keys(), *known.keys()]))):
            spec = known.get(name, {})
            self.agents[name] = Agent(
                user_name=name,
                user_id=spec.get("id") or uuid.uuid5(uuid.NAMESPACE_DNS, f"user.{name}.gws-sim").hex,
                first_name=spec.get("firstName", name.capitalize()),
                last_name=spec.get("lastName", "Agent"),
                phone=str(spec.get("phoneNumber", 5001 + n)),
                device_id=spec.get("deviceId") or str(uuid.uuid5(uuid.NAMESPACE_DNS, f"device.{name}.gws-sim")),
                roles=list(spec.get("roles", ["ROLE_AGENT"])),
                password=users.get(name),
            )
            ag = self.agents[name]
            for ch in MEDIA_CHANNELS:
                ag.channels[ch] = {"state": "Logout"}
                ag.channel_dnd[ch] = False
            self.device_index[ag.device_id] = ag

    def add_agent(self, ag: Agent, us: dict) -> Agent:
        """A user that only exists on the floor (no password: it never logs in here)."""
        ag.floor = True
        ag.logged_in = us.get("state") != "Logout"
        for ch in MEDIA_CHANNELS:
            ag.channels[ch] = dict(us)
            ag.channel_dnd[ch] = False
        self.agents[ag.user_name] = ag
        self.device_index[ag.device_id] = ag
        return ag

    def skill(self, name: str) -> dict:
        if name not in self.skills:
            self.skills[name] = {"id": str(uuid.uuid5(uuid.NAMESPACE_DNS, f"skill.{name}.gws-sim")),
                                 "name": name, "level": "0"}
        return self.skills[name]

    # ---------------------------------------------------------------- helpers
    @property
    def primary(self) -> Agent:
        return next(iter(self.agents.values()))

    def agent(self, user: str | None) -> Agent:
        if user is None:
            return self.primary
        return self.agents[user]

    def find_agent(self, ref: str) -> Agent | None:
        for a in self.agents.values():
            if ref in (a.user_name, a.user_id, a.phone, f"{a.first_name} {a.last_name}"):
                return a
        return None

    def url(self, path: str) -> str:
        return self._base_url() + path

    def _emit(self, kind: str, info: dict) -> None:
        for fn in list(self.listeners):
            fn(kind, info)

    # ---------------------------------------------------------------- agent state
    def match_descriptor(self, us: dict) -> dict | None:
        """L4782: id and displayName are added when state, workMode and reason match (the
        first descriptor that matches, looked up in an index rebuilt when the list changes)."""
        if self._descriptor_key != len(self.agent_states):
            index: dict[tuple, dict] = {}
            for d in self.agent_states:
                index.setdefault((d.get("state"), d.get("workMode"), d.get("reason")), d)
            self._descriptor_index, self._descriptor_key = index, len(self.agent_states)
        return self._descriptor_index.get((us.get("state"), us.get("workMode"), us.get("reason")))

    def render_user_state(self, us: dict) -> dict:
        out = {}
        d = self.match_descriptor(us)
        if d:
            out["id"] = d["id"]
            out["displayName"] = d["displayName"]
        out["state"] = us["state"]
        if us.get("workMode"):
            out["workMode"] = us["workMode"]
        if us.get("reason"):
            out["reason"] = us["reason"]
        return out

    def supervision_capabilities(self, target: Agent, viewer: Agent | None) -> list[str]:
        """What ``viewer`` may do to ``target``'s device (L3912-3916; README "Supervision")."""
        if viewer is None or viewer is target or SUPERVISOR_ROLE not in viewer.roles:
            return []
        if target.other_supervisor:
            return []  # "only one supervisor at a time may monitor a given device"
        if target.monitor is not None:
            return [CANCEL_MONITORING] if target.monitor["by"] == viewer.user_name else []
        if target.channels["voice"].get("state") == "Logout":
            return []
        return list(MONITORING_OPS)

    def render_device(self, ag: Agent, viewer: Agent | None = None) -> dict:
        """``viewer`` None or the owner: the owner's capabilities (DND, forwarding); another
        user sees the supervision operations it may use (none without ROLE_SUPERVISOR)."""
        # GET shape L100-113, L3972-3989; push shape L4788-4823
        if viewer is None or viewer is ag:
            capabilities = caps.device_capabilities(ag.dnd, ag.forward_to is not None)
        else:
            capabilities = self.supervision_capabilities(ag, viewer)
        dev = {
            "id": ag.device_id,
            "deviceState": "Active",
            "phoneNumberUri": self._phone_uri(ag.phone),
            "type": "PSTNPhone",
            "model": "SimDeviceModel",
            "vendor": "CTIDeskSimulator",
            "phoneNumber": ag.phone,
            "country": {"name": "", "code": "", "callingCode": ""},
            "e164Number": ag.phone,
            "telephonyNetwork": "Private",
            "userState": self.render_user_state(ag.channels["voice"]),
            "doNotDisturb": "On" if ag.dnd else "Off",
            "capabilities": capabilities,
        }
        if ag.forward_to:
            dev["forwardTo"] = ag.forward_to
        monitoring = ag.other_supervisor or (ag.monitor or {}).get("state")
        if monitoring:  # absent when not monitoring (L3917)
            dev["supervisorMonitoringState"] = monitoring
            dev["supervisorMonitoringMode"] = "AllCalls"  # L3918
            dev["supervisorMonitoringScope"] = "Agent"  # L3919
        return dev

    def _phone_uri(self, phone: str) -> str:
        pid = self._phone_uris.get(phone)
        if pid is None:
            pid = self._phone_uris[phone] = str(uuid.uuid5(uuid.NAMESPACE_DNS, phone))
        return self.url(f"/phone-numbers/{pid}")

    def render_channel(self, ag: Agent, ch: str) -> dict:
        # L1898-1927
        return {
            "channel": ch,
            "userState": self.render_user_state(ag.channels[ch]),
            "dndState": "On" if ag.channel_dnd[ch] else "Off",
        }

    def render_user(self, ag: Agent, with_subresources: bool, viewer: Agent | None = None) -> dict:
        user = {
            "id": ag.user_id,
            "userName": ag.user_name,
            "firstName": ag.first_name,
            "lastName": ag.last_name,
            "roles": list(ag.roles),
            "doNotDisturb": "On" if ag.dnd else "Off",
            "changePasswordOnFirstLogin": False,
            "uri": self.url(f"/users/{ag.user_id}"),
        }
        if with_subresources:
            user["devices"] = [self.render_device(ag, viewer)]
            user["channels"] = [self.render_channel(ag, ch) for ch in MEDIA_CHANNELS]
            user["skills"] = [dict(self.skill(name)) for name in ag.skills]
        return user

    def _push_device(self, ag: Agent) -> None:
        self._publish(ag.user_name, "/v2/me/devices",
                      {"messageType": "DeviceStateChangeMessage", "devices": [self.render_device(ag)]})

    def _push_channels(self, ag: Agent, chans) -> None:
        self._publish(ag.user_name, "/v2/me/channels",
                      {"channels": [self.render_channel(ag, ch) for ch in chans]})

    def _set_channels(self, ag: Agent, chans, us: dict) -> None:
        for ch in chans:
            ag.channels[ch] = dict(us)
        if "voice" in chans:
            self._push_device(ag)
        self._push_channels(ag, chans)
        for ch in chans:
            if us.get("state") == "Ready" and ch in ("chat", "email"):
                self._route_pending(ag, ch)
        self._emit("agent_state", {"user": ag.user_name, "channels": list(chans), "state": us.get("state")})

    def _require_session(self, ag: Agent) -> None:
        if not ag.logged_in:
            raise OpError(2, "No contact-center session: send StartContactCenterSession first")

    def start_session(self, ag: Agent, body: dict) -> None:
        # L4626-4631: place/loginCode/queue/channels are optional; devices are assigned and the
        # agent is logged in. NotReady is the state a channel comes back in (L1374-1382).
        chans = body.get("channels") or list(MEDIA_CHANNELS)
        if isinstance(chans, str):
            chans = [chans]
        bad = [c for c in chans if c not in MEDIA_CHANNELS]
        if bad:
            raise OpError(2, f"Unknown channel(s): {', '.join(map(str, bad))}")
        ag.logged_in = True
        wanted = set(chans) | {"voice"}
        self._set_channels(ag, [c for c in MEDIA_CHANNELS if c in wanted], {"state": "NotReady"})

    def end_session(self, ag: Agent) -> None:
        ag.logged_in = False
        self._set_channels(ag, list(MEDIA_CHANNELS), {"state": "Logout"})

    def _state_from_op(self, op: str, body: dict) -> dict | None:
        if op == "Ready":
            us = {"state": "Ready"}
            if body.get("workMode"):
                us["workMode"] = body["workMode"]
            return us
        if op == "NotReady":
            us = {"state": "NotReady"}
            reason = body.get("reasonCode", body.get("reason"))
            work_mode = body.get("workMode")
            if reason:
                d = next((d for d in self.agent_states if d.get("reason") == reason), None)
                if d and not work_mode:
                    work_mode = d.get("workMode")
                us["reason"] = str(reason)
            if work_mode:
                us["workMode"] = work_mode
            return us
        for d in self.agent_states:  # custom operationNames, e.g. OutToLunch (L1125-1134, L1176)
            if d["operationName"] == op:
                us = {"state": d["state"]}
                if d.get("workMode"):
                    us["workMode"] = d["workMode"]
                if d.get("reason"):
                    us["reason"] = d["reason"]
                return us
        return None

    def me_op(self, ag: Agent, body: dict) -> None:
        """POST /me (agent state for all channels L1677-1811; presence L4626-4631)."""
        op = body.get("operationName")
        if not op:
            raise OpError(1, "Missing parameter: operationName")
        if op == "StartContactCenterSession":
            return self.start_session(ag, body)
        if op == "EndContactCenterSession":
            return self.end_session(ag)
        if op == "ChangePassword":
            return self._change_password(ag, body)
        if op in ("DoNotDisturbOn", "DoNotDisturbOff"):
            self._require_session(ag)
            on = op == "DoNotDisturbOn"
            ag.dnd = on
            for ch in MEDIA_CHANNELS:
                ag.channel_dnd[ch] = on
            self._push_device(ag)
            self._push_channels(ag, MEDIA_CHANNELS)
            return None
        us = self._state_from_op(op, body)
        if us is None:
            raise OpError(2, f"Unknown operationName for /me: {op}")
        self._require_session(ag)
        if us["state"] == "Logout":  # Offline descriptor
            return self.end_session(ag)
        self._set_channels(ag, list(MEDIA_CHANNELS), us)
        return None

    def _change_password(self, ag: Agent, body: dict) -> None:
        if "oldPassword" not in body or "newPassword" not in body:
            raise OpError(1, "Missing parameter: oldPassword and newPassword are required")
        try:
            old = base64.b64decode(str(body["oldPassword"])).decode()
            new = base64.b64decode(str(body["newPassword"])).decode()
        except Exception:
            raise OpError(2, "oldPassword/newPassword must be base64") from None
        if old != ag.password:  # async error on /v2/me, L4672-4682
            self._publish(ag.user_name, "/v2/me", {"notificationType": "PasswordChangeError",
                                                   "errorMessage": "Old password is incorrect", "errorCode": 2})
            return
        ag.password = new
        self._emit("password", {"user": ag.user_name, "password": new})
        self._publish(ag.user_name, "/v2/me", {"notificationType": "PasswordChangeSuccessful"})

    def channel_op(self, ag: Agent, channel: str, body: dict) -> None:
        """POST /me/channels/{channel} (L1813-1890) and /channels/{id} DND (L4665-4666)."""
        if channel not in MEDIA_CHANNELS:
            raise OpError(6, f"Unknown channel: {channel}")
        op = body.get("operationName")
        if not op:
            raise OpError(1, "Missing parameter: operationName")
        self._require_session(ag)
        if op in ("DoNotDisturbOn", "DoNotDisturbOff"):
            ag.channel_dnd[channel] = op == "DoNotDisturbOn"
            self._push_channels(ag, [channel])
            return
        us = self._state_from_op(op, body)
        if us is None:
            raise OpError(2, f"Unknown operationName for a channel: {op}")
        if us["state"] == "Logout":
            us = {"state": "Logout"}
        self._set_channels(ag, [channel], us)

    def device_op(self, ag: Agent, device_id: str, body: dict) -> None:
        """POST /devices/{id}: DND and forwarding (L4665-4668); supervision of another user's
        device (README "Supervision")."""
        op = body.get("operationName")
        if op in MONITORING_OPS or op == CANCEL_MONITORING:
            return self.supervise(ag, device_id, op)
        if device_id != ag.device_id:
            raise OpError(6, f"Unknown device: {device_id}")
        if not op:
            raise OpError(1, "Missing parameter: operationName")
        if op == "DoNotDisturbOn":
            ag.dnd = True
        elif op == "DoNotDisturbOff":
            ag.dnd = False
        elif op == "ForwardCallsOn":
            dest = body.get("destination")
            if isinstance(dest, dict):
                dest = dest.get("phoneNumber")
            if not dest:
                raise OpError(1, "Missing parameter: destination")
            ag.forward_to = str(dest)
        elif op == "ForwardCallsOff":
            if ag.forward_to is None:
                raise OpError(2, "The device is not forwarding calls")
            ag.forward_to = None
        else:
            raise OpError(2, f"Unknown operationName for a device: {op}")
        self._push_device(ag)

    def supervise(self, viewer: Agent, device_id: str, op: str) -> None:
        """ListenIn / Bargain / Coach / CancelSupervisorMonitoring by ``viewer`` on a device:
        refused (statusCode 2) unless the device offers it to this viewer now."""
        target = self.device_index.get(device_id)
        if target is None:
            raise OpError(6, f"Unknown device: {device_id}")
        if target is viewer:
            raise OpError(2, f"{op} is not valid on your own device")
        if SUPERVISOR_ROLE not in viewer.roles:
            raise OpError(5, f"{op} needs the role {SUPERVISOR_ROLE}")
        if op not in self.supervision_capabilities(target, viewer):
            if target.other_supervisor or (target.monitor and target.monitor["by"] != viewer.user_name):
                message = f"Another supervisor is already monitoring device {device_id}"
            elif target.monitor is not None:
                message = f"{op} is not valid: you are already monitoring device {device_id} ({target.monitor['state']})"
            elif op == CANCEL_MONITORING:
                message = f"Device {device_id} is not being monitored"
            else:
                message = f"{op} is not valid: the user of device {device_id} is logged out"
            raise OpError(2, message)
        target.monitor = None if op == CANCEL_MONITORING else {"by": viewer.user_name, "state": op}
        if target.password is not None:  # a user who can be signed in here hears of it
            self._push_device(target)

    def set_other_supervisor(self, ref: str, state: str | None = "ListenIn") -> None:
        """Fault: another supervisor monitors (``state``) or stops monitoring (None) a device or user."""
        target = self.device_index.get(ref) or self.find_agent(ref)
        if target is None:
            raise KeyError(ref)
        target.other_supervisor = state or None

    def clear_other_supervisors(self) -> None:
        for ag in self.agents.values():
            ag.other_supervisor = None

    def set_floor_state(self, ag: Agent, us: dict) -> None:
        """A floor user's state changes (all media, as /me operations do; L1677-1811)."""
        if (ag.channels["voice"].get("state"), ag.channels["voice"].get("workMode"),
                ag.channels["voice"].get("reason")) != (us.get("state"), us.get("workMode"), us.get("reason")):
            ag.state_since = time.time()
        ag.logged_in = us.get("state") != "Logout"
        if not ag.logged_in:
            ag.on_call = False
            ag.monitor = None
        for ch in MEDIA_CHANNELS:
            ag.channels[ch] = dict(us)
        if ag.password is not None:
            self._push_device(ag)
            self._push_channels(ag, MEDIA_CHANNELS)

    def _after_call_work(self, ag: Agent) -> None:
        if not self.options.get("after_call_work") or not ag.logged_in:
            return
        if any(c.owner == ag.user_name for c in self.calls.values()):
            return
        if ag.channels["voice"].get("state") == "Logout":
            return
        self._set_channels(ag, ["voice"], {"state": "NotReady", "workMode": "AfterCallWork"})

    # ---------------------------------------------------------------- calls
    def render_call(self, c: Call) -> dict:
        ag = self.agents[c.owner]
        dur = 0
        if c.established_at is not None:
            dur = int(time.monotonic() - c.established_at)
        d = {
            "id": c.id,
            "state": c.state,
            "callUuid": c.uuid,
            "deviceUri": self.url(f"/devices/{ag.device_id}"),
            "uri": self.url(f"/me/calls/{c.id}"),
            "participants": list(c.participants),
            "participantsInfo": [participant_info(p) for p in c.participants],
            "ani": c.ani,
            "dnis": c.dnis,
            "callType": c.call_type,
            "capabilities": caps.call_capabilities(c.state, c.recording_state,
                                                   bool(self.options.get("recording_enabled", True))),
            "userData": copy.deepcopy(c.user_data),
            "duration": str(dur),
            "mute": "On" if c.mute else "Off",
        }
        if c.recording_state is not None:
            d["recordingState"] = c.recording_state
        return d

    def _push_call(self, c: Call, notification: str, extra: dict | None = None) -> None:
        ag = self.agents[c.owner]
        data = {"messageType": "CallStateChangeMessage", "call": self.render_call(c),
                "phoneNumber": ag.phone, "notificationType": notification}
        if extra:
            data.update(extra)
        self._publish(c.owner, "/v2/me/calls", data)

    def _push_call_error(self, c: Call, message: str) -> None:
        # L4712-4719: failed call-control operation
        ag = self.agents[c.owner]
        self._push_call(c, "StatusChange", {
            "errorMessage": message, "deviceUri": self.url(f"/devices/{ag.device_id}"),
            "connectionId": c.id, "callUuid": c.uuid})

    def _set_call_state(self, c: Call, state: str) -> None:
        c.state = state
        if state == "Established" and c.established_at is None:
            c.established_at = time.monotonic()
            c.was_established = True
        if state == "Released":
            c.recording_state = None if c.recording_state is None else "Stopped"
            self._push_call(c, "StatusChange")
            self.calls.pop(c.id, None)
            self.released_calls.append(c.id)
            self._emit("call_released", {"id": c.id})
            if c.consult_parent and c.consult_parent in self.calls:
                self.calls[c.consult_parent].consult_child = None
            if c.consult_child and c.consult_child in self.calls:
                self.calls[c.consult_child].consult_parent = None
            ag = self.agents[c.owner]
            if c.was_established:
                self._after_call_work(ag)
            return
        self._push_call(c, "StatusChange")

    def inbound_call(self, ani: str, user_data: dict | None = None, caller_name: str | None = None,
                     user: str | None = None) -> str:
        ag = self.agent(user)
        ud = dict(user_data or {})
        if caller_name:
            ud.setdefault("CallerName", caller_name)  # our choice: README "caller names"
        c = Call(id=_call_id(), owner=ag.user_name, state="Ringing", call_type="Inbound",
                 ani=str(ani), dnis=ag.phone, participants=[str(ani)], user_data=ud)
        if ag.forward_to or ag.dnd:
            self.diverted_calls.append({"id": c.id, "ani": c.ani,
                                        "reason": "forwarded" if ag.forward_to else "dnd",
                                        "to": ag.forward_to})
            return c.id
        self.calls[c.id] = c
        self._push_call(c, "StatusChange")
        return c.id

    def _call(self, ag: Agent, call_id: str) -> Call:
        c = self.calls.get(call_id)
        if c is None or c.owner != ag.user_name:
            raise OpError(6, f"Call not found: {call_id}")
        return c

    def _other_call(self, ag: Agent, uri: Any, what: str) -> Call:
        if not uri:
            raise OpError(1, f"Missing parameter: {what}")
        cid = str(uri).rstrip("/").rsplit("/", 1)[-1]
        return self._call(ag, cid)

    def dial(self, ag: Agent, device_id: str, body: dict) -> None:
        """Dial on /devices/{id}/calls (L4639)."""
        if device_id != ag.device_id:
            raise OpError(6, f"Unknown device: {device_id}")
        if body.get("operationName") not in (None, "Dial"):
            raise OpError(2, f"Unknown operationName for /devices/{{id}}/calls: {body.get('operationName')}")
        dest = body.get("destination")
        if isinstance(dest, dict):
            dest = dest.get("phoneNumber")
        if not dest:
            raise OpError(1, "Missing parameter: destination")
        self._require_session(ag)
        dest = str(dest)
        internal = self.find_agent(dest) is not None
        c = Call(id=_call_id(), owner=ag.user_name, state="Dialing",
                 call_type="Internal" if internal else "Outbound",
                 ani=ag.phone, dnis=dest, participants=[dest], user_data=dict(body.get("userData") or {}))
        self.calls[c.id] = c
        self._push_call(c, "StatusChange")
        self._schedule_far_answer(c)

    def _schedule_far_answer(self, c: Call) -> None:
        delay = self.options.get("far_end_answer_s", 1.0)
        if delay is None or delay < 0:
            return  # tests answer with remote_answer()
        self._schedule(delay, self._far_answer, c.id)

    def _far_answer(self, call_id: str) -> None:
        c = self.calls.get(call_id)
        if c is not None and c.state == "Dialing":
            self._set_call_state(c, "Established")

    def remote_answer(self, call_id: str) -> None:
        c = self.calls.get(call_id)
        if c is None:
            raise KeyError(call_id)
        if c.state in ("Dialing", "Ringing"):
            self._set_call_state(c, "Established")

    def remote_hangup(self, call_id: str) -> None:
        c = self.calls.get(call_id)
        if c is None:
            return  # already gone: a caller hanging up a finished call is not an error
        self._set_call_state(c, "Released")

    def call_op(self, ag: Agent, call_id: str, body: dict) -> None:
        """POST /me/calls/{id} (call control L4633-4659, recording L4116-4125)."""
        op = body.get("operationName")
        if not op:
            raise OpError(1, "Missing parameter: operationName")
        c = self._call(ag, call_id)
        listed = caps.call_capabilities(c.state, c.recording_state,
                                        bool(self.options.get("recording_enabled", True)))
        handler = getattr(self, f"_op_{op}", None)
        if handler is None or not (op in caps.CALL_IMPLIED_OPS or op in listed):
            if handler is None:
                raise OpError(2, f"Unknown call operation: {op}")
            raise OpError(2, f"{op} is not valid for a call in state {c.state}"
                             + (f" with recording {c.recording_state}" if c.recording_state else ""))
        handler(ag, c, body)

    # each _op_X checks its own state preconditions for implied ops
    def _op_Answer(self, ag, c, body):
        if c.state != "Ringing":
            raise OpError(2, f"Answer is not valid for a call in state {c.state}")
        self._set_call_state(c, "Established")

    def _op_Hangup(self, ag, c, body):
        self._set_call_state(c, "Released")

    def _op_Hold(self, ag, c, body):
        self._set_call_state(c, "Held")

    def _op_Retrieve(self, ag, c, body):
        if c.state != "Held":
            raise OpError(2, f"Retrieve is not valid for a call in state {c.state}")
        self._set_call_state(c, "Established")

    def _op_MuteCall(self, ag, c, body):
        if c.state != "Established" or c.mute:
            raise OpError(2, f"MuteCall is not valid for a call in state {c.state}"
                             + (" (already muted)" if c.mute else ""))
        c.mute = True
        self._push_call(c, "StatusChange")

    def _op_UnmuteCall(self, ag, c, body):
        if not c.mute:
            raise OpError(2, "UnmuteCall is not valid: the call is not muted")
        c.mute = False
        self._push_call(c, "StatusChange")

    def _op_SendDtmf(self, ag, c, body):
        digits = body.get("digits")
        if digits in (None, ""):
            raise OpError(1, "Missing parameter: digits")
        digits = str(digits)
        if not all(ch in "0123456789*#" for ch in digits):
            raise OpError(2, "digits must be a string of 0-9 (L4648)")
        self._push_call(c, "DtmfSent", {"digits": digits})

    def _dest(self, body, required=True) -> str | None:
        dest = body.get("destination")
        if isinstance(dest, dict):  # InitiateTransfer/Conference use {'phoneNumber': ...} (L4646, L4658)
            dest = dest.get("phoneNumber")
        if not dest:
            if required:
                raise OpError(1, "Missing parameter: destination")
            return None
        return str(dest)

    def _op_SingleStepTransfer(self, ag, c, body):
        self._dest(body)
        self._set_call_state(c, "Released")

    def _op_SingleStepConference(self, ag, c, body):
        dest = self._dest(body)
        if dest in c.participants:
            raise OpError(2, f"{dest} is already a participant")
        c.participants.append(dest)
        self._push_call(c, "ParticipantsUpdated")

    def _initiate(self, ag, c, body, kind):
        dest = self._dest(body)
        if c.consult_child:
            raise OpError(2, "A consultation is already in progress for this call")
        self._set_call_state(c, "Held")
        internal = self.find_agent(dest) is not None
        cc = Call(id=_call_id(), owner=ag.user_name, state="Dialing", call_type="Consult",
                  ani=ag.phone, dnis=dest, participants=[dest], user_data=copy.deepcopy(c.user_data),
                  consult_parent=c.id, consult_kind=kind)
        if internal:
            cc.user_data.setdefault("ConsultType", "Internal")
        c.consult_child = cc.id
        c.consult_kind = kind
        self.calls[cc.id] = cc
        self._push_call(cc, "StatusChange")
        self._schedule_far_answer(cc)

    def _op_InitiateTransfer(self, ag, c, body):
        self._initiate(ag, c, body, "transfer")

    def _op_InitiateConference(self, ag, c, body):
        self._initiate(ag, c, body, "conference")

    def _pair(self, ag, c, body, kind) -> tuple[Call, Call]:
        """(original, consult) for Complete*: callable on either call; consultCallUri optional."""
        if body.get("consultCallUri"):
            other = self._other_call(ag, body["consultCallUri"], "consultCallUri")
            pair = (c, other) if other.consult_parent == c.id else (other, c)
        elif c.consult_child:
            pair = (c, self.calls.get(c.consult_child))
        elif c.consult_parent:
            pair = (self.calls.get(c.consult_parent), c)
        else:
            raise OpError(2, f"Complete{kind.capitalize()} is not valid: no consultation call")
        orig, consult = pair
        if orig is None or consult is None or consult.consult_parent != orig.id:
            raise OpError(2, f"Complete{kind.capitalize()} is not valid: calls are not related")
        if consult.state != "Established":
            raise OpError(2, f"Complete{kind.capitalize()} is not valid while the consultation is {consult.state}")
        return orig, consult

    def _op_CompleteTransfer(self, ag, c, body):
        orig, consult = self._pair(ag, c, body, "transfer")
        self._set_call_state(consult, "Released")
        self._set_call_state(orig, "Released")

    def _op_CompleteConference(self, ag, c, body):
        orig, consult = self._pair(ag, c, body, "conference")
        for p in consult.participants:
            if p not in orig.participants:
                orig.participants.append(p)
        consult.was_established = False  # merged, not finished: no after-call work for it
        self._set_call_state(consult, "Released")
        orig.consult_child = None
        self._set_call_state(orig, "Established")
        self._push_call(orig, "ParticipantsUpdated")

    def _op_RemoveParticipantFromConference(self, ag, c, body):
        p = body.get("participant")
        if not p:
            raise OpError(1, "Missing parameter: participant")
        p = str(p)
        if c.state not in ("Established", "Held"):
            raise OpError(2, f"RemoveParticipantFromConference is not valid for a call in state {c.state}")
        if p not in c.participants:
            raise OpError(2, f"{p} is not a participant of this call")
        if len(c.participants) < 2:
            raise OpError(2, "The call is not a conference")
        c.participants.remove(p)
        self._push_call(c, "ParticipantsUpdated")

    def _op_SwapCalls(self, ag, c, body):
        other = self._other_call(ag, body.get("otherCallUri"), "otherCallUri")
        if c.state != "Established" or other.state != "Held":
            raise OpError(2, "SwapCalls needs this call Established and otherCallUri Held")
        self._set_call_state(c, "Held")
        self._set_call_state(other, "Established")

    def _op_MergeWithOtherCall(self, ag, c, body):
        other = self._other_call(ag, body.get("otherCallUri"), "otherCallUri")
        if other.id == c.id or {c.state, other.state} - {"Established", "Held"}:
            raise OpError(2, "MergeWithOtherCall needs two connected calls")
        for p in other.participants:
            if p not in c.participants:
                c.participants.append(p)
        other.was_established = False
        if other.consult_parent == c.id:
            c.consult_child = None
        self._set_call_state(other, "Released")
        if c.state != "Established":
            self._set_call_state(c, "Established")
        self._push_call(c, "ParticipantsUpdated")

    def _recording(self, c, new_state, gsip):
        c.recording_state = new_state
        c.user_data["GSIP_RECORD"] = gsip  # L4222, L4321, L4506
        if new_state == "Recording" and "GSIP_REC_FN" not in c.user_data:
            ag = self.agents[c.owner]
            c.user_data["GSIP_REC_FN"] = f"{c.uuid}_{ag.phone}_{c.ani}_{time.strftime('%Y-%m-%d_%H-%M-%S')}"
        self._push_call(c, "CallRecordingStateChange")  # L4133, L4233

    def _op_StartCallRecording(self, ag, c, body):
        self._recording(c, "Recording", "ON")

    def _op_PauseCallRecording(self, ag, c, body):
        self._recording(c, "Paused", "PAUSED")

    def _op_ResumeCallRecording(self, ag, c, body):
        self._recording(c, "Recording", "ON")

    def _op_StopCallRecording(self, ag, c, body):
        self._recording(c, "Stopped", "OFF")

    def _user_data_arg(self, body) -> dict:
        ud = body.get("userData")
        if not isinstance(ud, dict) or not ud:
            raise OpError(1, "Missing parameter: userData (a non-empty object)")
        return ud

    def _op_AttachUserData(self, ag, c, body):
        c.user_data.update(self._user_data_arg(body))
        self._push_call(c, "AttachedDataChanged")

    def _op_UpdateUserData(self, ag, c, body):
        c.user_data.update(self._user_data_arg(body))
        self._push_call(c, "AttachedDataChanged")

    def _op_DeleteUserData(self, ag, c, body):
        keys = body.get("keys")
        if keys is None:
            ud = body.get("userData")
            keys = list(ud) if isinstance(ud, dict) else ud
        if not keys:
            # no keys: delete all attached data (TDeleteAllUserData)
            c.user_data.clear()
        else:
            for k in keys:
                c.user_data.pop(k, None)
        self._push_call(c, "AttachedDataChanged")

    def _op_DeleteUserDataPair(self, ag, c, body):
        key = body.get("key")
        if not key:
            raise OpError(1, "Missing parameter: key")
        c.user_data.pop(key, None)
        self._push_call(c, "AttachedDataChanged")

    # ---------------------------------------------------------------- interactions
    def ixn_capabilities(self, ix: Interaction) -> list[str]:
        p = ix.phase
        if p == "invited":
            return list(caps.IXN_INVITED)
        if p == "accepted":
            return list(caps.CHAT_ACCEPTED if ix.channel == "chat" else caps.EMAIL_ACCEPTED)
        if p == "ended":
            return list(caps.CHAT_ENDED)
        if p == "draft":
            return list(caps.EMAIL_DRAFT)
        return list(caps.IXN_NONE)

    def ixn_state(self, ix: Interaction, override: str | None = None) -> str:
        if override:
            return override
        return {"routing": "Routing", "invited": "Invited", "accepted": "Accepted", "ended": "Accepted",
                "draft": "ReplyCreated"}.get(ix.phase, ix.terminal_state or ix.phase)

    def render_interaction(self, ix: Interaction, state: str | None = None,
                           events: list[dict] | None = None) -> dict:
        st = self.ixn_state(ix, state)
        d: dict[str, Any] = {
            "id": ix.id,
            "channel": ix.channel,
            "state": st,
            "type": ix.type,
            "subType": ix.sub_type,
            "capabilities": self.ixn_capabilities(ix),
            "userData": copy.deepcopy(ix.user_data),
            "currentQueue": ix.current_queue,
            "inQueues": dict(ix.in_queues),
            "outQueues": dict(ix.out_queues),
        }
        if ix.start_date is not None:
            d["startDate"] = ix.start_date
        if ix.thread_id:
            d["threadId"] = ix.thread_id
        if ix.parent_id:
            d["parentId"] = ix.parent_id
        if ix.channel == "chat":
            if ix.phase != "invited" and ix.phase != "routing":
                evs = ix.events if events is None else events
                d["content"] = {"latestEventId": ix.next_event_id - 1, "sessionId": ix.id,
                                "events": copy.deepcopy(evs)}
        elif ix.phase in ("invited", "routing"):
            d["content"] = {"interactionId": ix.id}  # L3063-3065
        else:
            d["content"] = {"text": ix.body, "interactionId": ix.id, "fromAddress": ix.from_addr,
                            "toAddress": ix.to_addr, "subject": ix.subject}  # L3238-3249
            if ix.cc_addr:
                d["content"]["ccAddress"] = ix.cc_addr
            if ix.phase == "draft" or ix.sub_type in ("OutboundReply", "OutboundNew"):
                d["email_object"] = {  # L2471-2480
                    "ToAddress": ix.to_addr, "FromAddress": ix.from_addr, "CCAddresses": ix.cc_addr,
                    "Subject": ix.subject, "Text": ix.body, "StructuredText": "",
                    "MimeType": "text/plain", "StructuredTextMimeType": "",
                }
                if ix.received_at:
                    d["receivedAt"] = ix.received_at
        return d

    def _envelope(self, ix: Interaction, inner: dict) -> dict:
        mode = self.options.get("interaction_envelope", "nested")
        st = inner["state"]
        if mode == "as-documented":
            if inner.get("email_object") is not None and st == "ReplyCreated":
                # L2466-2486: flat, messageTypeName, interactionType "Email"
                flat = {k: v for k, v in inner.items() if k not in ("type", "subType")}
                flat["messageTypeName"] = "InteractionStateMessage"
                flat["interactionType"] = "Email"
                flat["interactionSubType"] = inner["subType"]
                return flat
            if st == "Revoked" or (st == "Invited" and ix.channel == "chat"):
                # flat shape of L3088-3151, L3276-3328, L3347-3396
                flat = {k: v for k, v in inner.items() if k not in ("type", "subType", "content")}
                if ix.channel == "email":
                    flat["email_object"] = {"interactionId": ix.id}
                flat["interactionType"] = inner["type"]
                flat["interactionSubType"] = inner["subType"]
                flat["messageType"] = "InteractionStateMessage"
                return flat
            if st == "PropertiesChanged":
                inner = {k: v for k, v in inner.items() if k != "capabilities"}  # L3519-3616
        return {"interaction": inner, "messageType": "InteractionStateMessage"}

    def _push_ixn(self, ix: Interaction, state: str | None = None, events: list[dict] | None = None) -> None:
        inner = self.render_interaction(ix, state, events)
        self._publish(ix.owner, "/v2/me/interactions", self._envelope(ix, inner))

    def _new_chat_event(self, ix: Interaction, kind: str, **fields) -> dict:
        ev = {"id": ix.next_event_id, "messageType": kind, "visibility": "All", "timestamp": _now_ms()}
        ev.update({k: v for k, v in fields.items() if v is not None})
        ix.next_event_id += 1
        ix.events.append(ev)
        return ev

    def _chat_changed(self, ix: Interaction) -> None:
        if ix.phase in ("accepted", "ended"):
            self._push_ixn(ix, "PropertiesChanged")

    def _route(self, ix: Interaction) -> None:
        ag = self.agents[ix.owner]
        if ag.logged_in and ag.channels[ix.channel].get("state") == "Ready" and not ag.channel_dnd[ix.channel]:
            ix.phase = "invited"
            self._push_ixn(ix)  # Invited, caps Accept/Reject (L2995-3078, L3270-3341)
            self._emit("invited", {"id": ix.id, "channel": ix.channel})

    def _route_pending(self, ag: Agent, channel: str) -> None:
        for ix in list(self.interactions.values()):
            if ix.owner == ag.user_name and ix.channel == channel and ix.phase == "routing":
                self._route(ix)

    def inbound_chat(self, nickname: str = "Ann", first_text: str | None = None, user_data: dict | None = None,
                     user: str | None = None, subject: str = "Customer support") -> str:
        ag = self.agent(user)
        ix = Interaction(id=_ixn_id(), owner=ag.user_name, channel="chat", phase="routing",
                         current_queue=self.options.get("chat_queue", "SimpleChatInQueue"),
                         in_queues={"SimpleChatTranscriptQueue": ""}, out_queues={})
        ix.nickname = nickname
        ix.client_user_id = secrets.token_hex(8).upper()
        ix.user_data = {"Subject": subject, "FirstName": nickname, "ChatServerAppName": "sim_chat",
                        "RStrategyName": "SimpleChatInStrategy", "ServiceType": "default",
                        **(user_data or {})}
        self._new_chat_event(ix, "PARTY_JOINED", userId=ix.client_user_id, userType="Client", nickName=nickname)
        if first_text:
            self._new_chat_event(ix, "MESSAGE", text=first_text, userId=ix.client_user_id,
                                 userType="Client", nickName=nickname)
        self.interactions[ix.id] = ix
        self._route(ix)
        return ix.id

    def inbound_email(self, from_addr: str, subject: str, body: str, to_addr: str = "support@example.com",
                      user_data: dict | None = None, user: str | None = None, cc_addr: str = "") -> str:
        ag = self.agent(user)
        ix = Interaction(id=_ixn_id(), owner=ag.user_name, channel="email", phase="routing",
                         current_queue=self.options.get("email_queue", "SimpleEmailInQueue"),
                         in_queues={"__STOP__": ""}, out_queues={"SimpleEmailOutQueue": ""})
        ix.from_addr, ix.to_addr, ix.cc_addr, ix.subject, ix.body = from_addr, to_addr, cc_addr, subject, body
        ix.received_at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        ix.user_data = {"Subject": subject, "FromAddress": from_addr, "EmailAddress": from_addr, "To": to_addr,
                        "Mailbox": to_addr.split("@")[0], "Origination_Source": "Email",
                        "RStrategyName": "SimpleEmailInStrategy", **(user_data or {})}
        self.interactions[ix.id] = ix
        self._route(ix)
        return ix.id

    def _live_chat(self, interaction_id: str) -> Interaction:
        ix = self.interactions.get(interaction_id)
        if ix is None or ix.channel != "chat":
            raise KeyError(interaction_id)
        return ix

    def customer_typing(self, interaction_id: str, on: bool) -> None:
        ix = self._live_chat(interaction_id)
        if not ix.customer_present:
            return
        self._new_chat_event(ix, "NOTICE", userId=ix.client_user_id, userType="Client",
                             noticeType="TypingStarted" if on else "TypingStopped")
        self._chat_changed(ix)

    def customer_says(self, interaction_id: str, text: str) -> None:
        ix = self._live_chat(interaction_id)
        if not ix.customer_present:
            return
        self._new_chat_event(ix, "MESSAGE", text=text, userId=ix.client_user_id, userType="Client",
                             nickName=ix.nickname)
        self._chat_changed(ix)

    def customer_leaves(self, interaction_id: str) -> None:
        ix = self._live_chat(interaction_id)
        if not ix.customer_present:
            return
        ix.customer_present = False
        self._new_chat_event(ix, "PARTY_LEFT", userId=ix.client_user_id, userType="Client", nickName=ix.nickname)
        if ix.phase == "accepted":
            ix.phase = "ended"
        elif ix.phase in ("routing", "invited"):
            # nobody to talk to any more: the offer is withdrawn
            self._finish(ix, "Revoked")
            return
        self._chat_changed(ix)

    def revoke(self, interaction_id: str) -> None:
        ix = self.interactions.get(interaction_id)
        if ix is None:
            raise KeyError(interaction_id)
        self._finish(ix, "Revoked")  # L3084: agent inactivity, caps [] (L3143, L3388)

    def _finish(self, ix: Interaction, terminal: str) -> None:
        ix.phase = "gone"
        ix.terminal_state = terminal
        self._push_ixn(ix, terminal)
        self.interactions.pop(ix.id, None)
        self.ended_interactions[ix.id] = terminal
        self._emit("interaction_ended", {"id": ix.id, "state": terminal})

    def _ixn(self, ag: Agent, ixn_id: str) -> Interaction:
        ix = self.interactions.get(ixn_id)
        if ix is None or ix.owner != ag.user_name or ix.phase == "routing":
            raise OpError(6, f"Interaction not found: {ixn_id}")
        return ix

    def ixn_op(self, ag: Agent, ixn_id: str, body: dict) -> dict | None:
        """POST /me/interactions/{id} (L1964-2386, email L2402-2646, chat L2682-2980)."""
        op = body.get("operationName")
        if not op:
            raise OpError(1, "Missing parameter: operationName")
        ix = self._ixn(ag, ixn_id)
        need = caps.IXN_OP_NEEDS.get(op)
        if need is None:
            raise OpError(2, f"Unknown interaction operation: {op}")
        have = self.ixn_capabilities(ix)
        if need and not any(n in have for n in need):
            raise OpError(2, f"{op} is not valid for a {ix.channel} interaction in state {self.ixn_state(ix)}")
        handler = getattr(self, f"_ixop_{op}")
        return handler(ag, ix, body)

    def _ixop_Accept(self, ag, ix, body):
        ix.phase = "accepted"
        ix.start_date = _now_ms()
        ix.thread_id = ix.thread_id or ix.id[:-1] + ("Y" if ix.id[-1] != "Y" else "Z")
        if ix.channel == "chat":
            nick = body.get("nickname") or ag.first_name
            ag_user_id = ag.user_id[:16].upper()
            ix.agents_in_chat.append(ag.user_name)
            self._new_chat_event(ix, "PARTY_JOINED", userId=ag_user_id, userType="Agent", nickName=nick)
            if not ix.customer_present:
                ix.phase = "ended"
        self._push_ixn(ix)  # Accepted; chat carries the full transcript (L2708)

    def _ixop_Reject(self, ag, ix, body):
        self._finish(ix, TERMINAL_STATE["Reject"])

    def _ixop_Complete(self, ag, ix, body):
        if ix.channel == "chat" and ix.phase == "accepted":
            # "Calling Complete on an interaction with an active chat session will end the chat
            # session AND complete the interaction" (L2693)
            self._agent_leaves(ag, ix)
        self._finish(ix, TERMINAL_STATE["Complete"])

    def _ixop_Transfer(self, ag, ix, body):
        target = body.get("userId") or body.get("agentId")
        if not target:
            raise OpError(1, "Missing parameter: userId")
        if self.find_agent(str(target)) is None:
            raise OpError(6, f"Unknown agent: {target}")
        if ix.channel == "chat" and ix.phase == "accepted":
            self._agent_leaves(ag, ix)
        self._finish(ix, TERMINAL_STATE["Transfer"])

    _ixop_SingleStepTransfer = _ixop_Transfer

    def _ixop_PlaceInQueue(self, ag, ix, body):
        if not body.get("queueName"):
            raise OpError(1, "Missing parameter: queueName")
        ix.current_queue = str(body["queueName"])
        self._finish(ix, TERMINAL_STATE["PlaceInQueue"])

    def _ud(self, body) -> dict:
        ud = body.get("userData")
        if not isinstance(ud, dict) or not ud:
            raise OpError(1, "Missing parameter: userData (a non-empty object)")
        return ud

    def _ixop_UpdateUserData(self, ag, ix, body):
        ix.user_data.update(self._ud(body))
        self._push_ixn(ix, "PropertiesChanged")

    _ixop_AttachUserData = _ixop_UpdateUserData

    def _ixop_DeleteUserData(self, ag, ix, body):
        for k in self._ud(body):
            ix.user_data.pop(k, None)
        self._push_ixn(ix, "PropertiesChanged")

    def _ixop_PlaceInWorkbin(self, ag, ix, body):
        wb = body.get("workbin")
        if isinstance(wb, list):
            wb = wb[0] if wb else None
        if not wb:
            raise OpError(1, "Missing parameter: workbin")
        name = self.workbin_name(str(wb))
        if name is None:
            raise OpError(6, f"Unknown workbin: {wb}")
        self._place_in_workbin(ag, ix, name)

    def _place_in_workbin(self, ag, ix, name):
        ix.current_queue = f"{name}/PrivateQueue"
        item = {"interaction": ix, "placedAt": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
        self.workbins[name].append(item)
        # /v2/me/workbins message, L6282-6320
        self._publish(ag.user_name, "/v2/me/workbins", {
            "messageType": "workbinNotificationResource", "operation": "Create",
            "workbinContentOperation": "PlacedIn",
            "interaction": {"userData": copy.deepcopy(ix.user_data), "currentQueue": ix.current_queue,
                            "interactionSubtType": ix.sub_type, "state": "Queued", "parentId": ix.parent_id,
                            "id": ix.id, "channel": ix.channel, "interactionType": ix.type},
            "workbinInfo": {"workbinTypeId": name, "workbinGroupId": None, "workbinPlaceGroupId": None,
                            "workbinAgentId": ag.user_name, "workbinPlaceId": None},
            "actorInfo": {"agentId": ag.user_name, "actorMediaServerId": "sim", "actorType": "MediaServer",
                          "actorPlaceId": None},
            "reasonInfo": {"reason": 1, "reasonDescription": "Placed in workbin by agent",
                           "reasonName": "PlacedIn"},
        })
        ix.saved_phase = ix.phase  # type: ignore[attr-defined]
        self._finish(ix, TERMINAL_STATE["PlaceInWorkbin"])

    def _reply(self, ag, ix, body, reply_all: bool) -> Interaction:
        prefix = body.get("subjectPrefix", "Re: ")
        quote = body.get("quoteOriginal", True)
        if isinstance(quote, str):
            quote = quote.strip().lower() not in ("false", "0", "no", "")
        indent = body.get("indentCharacter", ">")
        start_line = body.get("replyToStartLine", f"{ix.from_addr} wrote:")
        text = ""
        if quote:  # L2424-2428
            lines = [f"{indent} {line}" if indent else line for line in ix.body.splitlines()]
            text = "\n\n" + (start_line + "\n" if start_line else "") + "\n".join(lines)
        subject = ix.subject if (prefix and ix.subject.startswith(prefix)) else f"{prefix}{ix.subject}"
        d = Interaction(id=_ixn_id(), owner=ag.user_name, channel="email", phase="draft", type="Outbound",
                        sub_type="OutboundReply", parent_id=ix.id, thread_id=ix.thread_id,
                        current_queue=str(body.get("queueName") or "SimpleEmailDraftQueue"),
                        out_queues={"SimpleEmailOutQueue": ""})
        d.from_addr, d.to_addr = ix.to_addr, ix.user_data.get("ReplyToAddress", ix.from_addr)
        d.cc_addr = ix.cc_addr if reply_all else ""
        d.subject, d.body = subject, text
        d.received_at = ix.received_at
        d.start_date = _now_ms()
        d.user_data = {k: v for k, v in ix.user_data.items()}
        d.user_data["Subject"] = subject
        self.interactions[d.id] = d
        self._push_ixn(d)  # ReplyCreated, L2464-2486
        return d

    def _ixop_Reply(self, ag, ix, body):
        self._reply(ag, ix, body, False)

    def _ixop_ReplyAll(self, ag, ix, body):
        d = self._reply(ag, ix, body, True)
        return {"replyInteractionId": d.id}  # L2519-2522

    def _ixop_Send(self, ag, ix, body):
        eo = body.get("email_object") or {}
        if not isinstance(eo, dict):
            raise OpError(2, "email_object must be an object")
        to = eo.get("toAddress", eo.get("ToAddress", ix.to_addr))
        if not to:
            raise OpError(1, "Missing parameter: email_object.toAddress")
        sent = {"id": ix.id, "parentId": ix.parent_id, "to": to,
                "from": eo.get("fromAddress", eo.get("FromAddress", ix.from_addr)),
                "cc": eo.get("ccAddress", ix.cc_addr), "bcc": eo.get("bccAddress", ""),
                "subject": eo.get("subject", eo.get("Subject", ix.subject)),
                "text": eo.get("text", eo.get("Text", ix.body)),
                "queueName": body.get("queueName")}
        self.sent_emails.append(sent)
        self._finish(ix, TERMINAL_STATE["Send"])

    def _ixop_Cancel(self, ag, ix, body):
        self._finish(ix, TERMINAL_STATE["Cancel"])

    def create_email(self, ag: Agent, body: dict) -> str:
        """POST /me/interactions Create (L2612-2646)."""
        d = Interaction(id=_ixn_id(), owner=ag.user_name, channel="email", phase="draft",
                        type=str(body.get("interactionType") or "Outbound"),
                        sub_type=str(body.get("interactionSubType") or "OutboundNew"),
                        current_queue=str(body.get("queueName") or "SimpleEmailDraftQueue"),
                        out_queues={"SimpleEmailOutQueue": ""})
        d.from_addr = self.options.get("mailbox", "support@example.com")
        d.start_date = _now_ms()
        self.interactions[d.id] = d
        self._push_ixn(d)
        return d.id

    def _agent_event_id(self, ag: Agent) -> str:
        return ag.user_id[:16].upper()

    def _ixop_SendMessage(self, ag, ix, body):
        text = body.get("text")
        if text is None or text == "":
            raise OpError(1, "Missing parameter: text")
        self._new_chat_event(ix, "MESSAGE", text=str(text), userId=self._agent_event_id(ag), userType="Agent",
                             nickName=ag.first_name)
        self._chat_changed(ix)
        self._emit("agent_message", {"id": ix.id, "text": str(text)})

    def _ixop_SendStartTypingNotification(self, ag, ix, body):
        self._new_chat_event(ix, "NOTICE", userId=self._agent_event_id(ag), userType="Agent",
                             noticeType="TypingStarted")
        self._chat_changed(ix)

    def _ixop_SendStopTypingNotification(self, ag, ix, body):
        self._new_chat_event(ix, "NOTICE", userId=self._agent_event_id(ag), userType="Agent",
                             noticeType="TypingStopped")
        self._chat_changed(ix)

    def _ixop_InviteUser(self, ag, ix, body):
        target = body.get("agentId") or body.get("userId")
        if not target:
            raise OpError(1, "Missing parameter: agentId")
        other = self.find_agent(str(target))
        if other is None:
            raise OpError(6, f"Unknown agent: {target}")
        if other.user_name in ix.agents_in_chat:
            raise OpError(2, f"{other.user_name} is already in this chat")
        ix.agents_in_chat.append(other.user_name)
        self._new_chat_event(ix, "PARTY_JOINED", userId=self._agent_event_id(other), userType="Agent",
                             nickName=other.first_name)
        self._chat_changed(ix)

    def _agent_leaves(self, ag, ix):
        if ag.user_name in ix.agents_in_chat:
            ix.agents_in_chat.remove(ag.user_name)
        self._new_chat_event(ix, "PARTY_LEFT", userId=self._agent_event_id(ag), userType="Agent",
                             nickName=ag.first_name)

    def _ixop_LeaveConference(self, ag, ix, body):
        target = body.get("agentId")
        leaver = self.find_agent(str(target)) if target else ag
        if leaver is None or leaver.user_name not in ix.agents_in_chat:
            raise OpError(6, f"Agent not in this chat: {target}")
        if leaver.user_name == ag.user_name and len(ix.agents_in_chat) <= 1:
            # L2949: the last remaining agent retains ownership
            raise OpError(2, "LeaveConference is not valid: you are the last agent in the chat")
        self._agent_leaves(leaver, ix)
        if leaver.user_name == ag.user_name:
            self._finish(ix, "Transferred")
        else:
            self._chat_changed(ix)

    def _ixop_EndChatSession(self, ag, ix, body):
        self._agent_leaves(ag, ix)
        ix.phase = "ended"  # L2778: interaction stays for after-call work
        self._chat_changed(ix)

    def _ixop_RequestChatHistory(self, ag, ix, body):
        start = body.get("eventId")
        evs = ix.events
        if start is not None:
            try:
                start_i = int(start)
            except (TypeError, ValueError):
                raise OpError(2, "eventId must be an event id (integer)") from None
            evs = [e for e in ix.events if e["id"] >= start_i]
        self._push_ixn(ix, "PropertiesChanged", events=evs)

    def _ixop_GetWorkbinContent(self, ag, ix, body):
        raise OpError(2, "GetWorkbinContent: use GET /me/workbins/{id}/interactions?fields=*")

    # ---------------------------------------------------------------- workbins
    @staticmethod
    def workbin_id(name: str) -> str:
        return base64.b64encode(f"{name}/PrivateView".encode()).decode()  # L5986-6030

    def workbin_name(self, ref: str) -> str | None:
        if ref in self.workbins:
            return ref
        for name in self.workbins:
            if self.workbin_id(name) == ref:
                return name
        return None

    def workbin_item_raw(self, name: str, item: dict) -> dict:
        ix: Interaction = item["interaction"]
        raw = {"InteractionId": ix.id, "MediaType": ix.channel, "Queue": f"{name}/PrivateQueue",
               "Workbin": name, "WorkbinAgentId": ix.owner, "IsHeld": 0, "IsOnline": 0, "IsLocked": 0,
               "InteractionState": 0, "InteractionType": ix.type, "InteractionSubtype": ix.sub_type,
               "AssignedTo": ix.owner, "SubmittedAt": item["placedAt"], "PlacedInQueueAt": item["placedAt"],
               "Subject": ix.subject, "FromAddress": ix.from_addr, "To": ix.to_addr}
        raw.update({k: v for k, v in ix.user_data.items() if k not in raw})
        return raw  # L6076-6160

    def pull_from_workbin(self, ag: Agent, uri: str) -> None:
        """PullInteractionFromWorkbin (L6209-6241): interaction comes back as "Pulled"."""
        if not uri:
            raise OpError(1, "Missing parameter: uri")
        parts = str(uri).rstrip("/").split("/")
        if len(parts) < 3 or parts[-2] != "interactions":
            raise OpError(2, f"Not a workbin interaction URI: {uri}")
        name = self.workbin_name(parts[-3])
        if name is None:
            raise OpError(6, f"Unknown workbin: {parts[-3]}")
        items = self.workbins[name]
        item = next((it for it in items if it["interaction"].id == parts[-1]), None)
        if item is None:
            raise OpError(6, f"Interaction not in workbin: {parts[-1]}")
        items.remove(item)
        ix: Interaction = item["interaction"]
        ix.owner = ag.user_name
        ix.phase = getattr(ix, "saved_phase", "accepted")
        if ix.phase not in ("accepted", "ended", "draft"):
            ix.phase = "accepted"
        ix.terminal_state = None
        self.ended_interactions.pop(ix.id, None)
        self.interactions[ix.id] = ix
        self._push_ixn(ix, "Pulled")

    # ---------------------------------------------------------------- truth
    def truth(self) -> dict:
        def agent_truth(ag: Agent) -> dict:
            return {
                "userName": ag.user_name, "id": ag.user_id, "loggedIn": ag.logged_in, "dnd": ag.dnd,
                "forwardTo": ag.forward_to, "deviceId": ag.device_id, "phoneNumber": ag.phone,
                "skills": list(ag.skills), "onCall": ag.on_call, "roles": list(ag.roles),
                "monitoredBy": (ag.monitor or {}).get("by"), "supervisorMonitoringState":
                    ag.other_supervisor or (ag.monitor or {}).get("state"),
                "channels": {ch: {**self.render_user_state(ag.channels[ch]), "dnd": ag.channel_dnd[ch]}
                             for ch in MEDIA_CHANNELS},
            }

        def call_truth(c: Call) -> dict:
            return {"id": c.id, "owner": c.owner, "state": c.state, "callType": c.call_type, "ani": c.ani,
                    "dnis": c.dnis, "participants": list(c.participants), "mute": "On" if c.mute else "Off",
                    "recordingState": c.recording_state, "userData": copy.deepcopy(c.user_data),
                    "capabilities": caps.call_capabilities(c.state, c.recording_state,
                                                           bool(self.options.get("recording_enabled", True))),
                    "consultOf": c.consult_parent, "consultCall": c.consult_child}

        def ixn_truth(ix: Interaction) -> dict:
            d = {"id": ix.id, "owner": ix.owner, "type": ix.channel, "channel": ix.channel,
                 "state": self.ixn_state(ix), "subType": ix.sub_type, "capabilities": self.ixn_capabilities(ix),
                 "userData": copy.deepcopy(ix.user_data), "parentId": ix.parent_id}
            if ix.channel == "chat":
                d["transcript"] = copy.deepcopy(ix.events)
                d["customerPresent"] = ix.customer_present
                d["agentsInChat"] = list(ix.agents_in_chat)
                d["sessionActive"] = ix.phase == "accepted"
            else:
                d.update({"from": ix.from_addr, "to": ix.to_addr, "cc": ix.cc_addr, "subject": ix.subject,
                          "body": ix.body})
            return d

        agents = {name: agent_truth(ag) for name, ag in self.agents.items()}
        return {
            "agent": agents[self.primary.user_name],
            "agents": agents,
            "calls": [call_truth(c) for c in self.calls.values()],
            "releasedCalls": list(self.released_calls),
            "divertedCalls": copy.deepcopy(self.diverted_calls),
            "interactions": [ixn_truth(ix) for ix in self.interactions.values()],
            "endedInteractions": dict(self.ended_interactions),
            "sentEmails": copy.deepcopy(self.sent_emails),
            "workbins": {name: [it["interaction"].id for it in items] for name, items in self.workbins.items()},
        }
