"""``ctidesk do`` and ``ctidesk tail`` as subprocesses against ``ctidesk sim`` (another process)."""
import json
import os
import subprocess
import sys

import pytest

from tests.e2e.conftest import DEMO_PASSWORD, run_cli

pytestmark = pytest.mark.timeout(120)


def do(profile, *args):
    return run_cli("do", "--profile", str(profile), *args, "--json")


def test_do_runs_a_whole_call_and_reports_each_confirmation(gws_sim, gws_profile):
    assert do(gws_profile, "set-state", "ready", "--login").returncode == 0
    call = gws_sim.control("/sim/inbound-call", {"ani": "+15557654321"})["id"]
    result = do(gws_profile, "accept")  # no ID: exactly one interaction offers accept
    assert result.returncode == 0, result.stderr
    body = json.loads(result.stdout)
    assert body["result"] == "confirmed" and body["interaction"]["interaction_id"] == call
    assert body["interaction"]["state"] == "connected"
    for command, check in (("hold", lambda i: i["held"]), ("retrieve", lambda i: not i["held"]),
                           ("mute", lambda i: i["muted"]), ("record-start", lambda i: i["recording"] == "on"),
                           ("record-pause", lambda i: i["recording"] == "paused")):
        result = do(gws_profile, command, call)
        assert result.returncode == 0, (command, result.stderr)
        assert check(json.loads(result.stdout)["interaction"]), command
    result = do(gws_profile, "send-dtmf", call, "42#")
    assert result.returncode == 0, result.stderr
    result = do(gws_profile, "hangup", call)
    assert result.returncode == 0 and json.loads(result.stdout)["interaction"]["state"] == "ended"
    operations = [op["body"]["operationName"] if isinstance(op, dict) else op[2]["operationName"]
                  for op in gws_sim.control("/sim/operations") if _is_call_op(op)]
    assert operations == ["Answer", "Hold", "Retrieve", "MuteCall", "StartCallRecording", "PauseCallRecording",
                          "SendDtmf", "Hangup"], "each command sent exactly once"


def _is_call_op(op):
    path = op["path"] if isinstance(op, dict) else op[1]
    return "/me/calls/" in path


def test_do_exit_codes(gws_sim, gws_profile):
    call = gws_sim.control("/sim/inbound-call", {})["id"]
    result = do(gws_profile, "hold", call)                 # ringing: hold is not offered
    assert result.returncode == 3 and "not possible now" in result.stderr
    result = do(gws_profile, "hold", "no-such-id")
    assert result.returncode == 2 and "no interaction 'no-such-id'" in result.stderr
    result = do(gws_profile, "set-state", "not_ready", "--reason", "NoSuchReason")
    assert result.returncode == 2 and "unknown reason 'NoSuchReason'" in result.stderr
    result = run_cli("do", "--profile", str(gws_profile), "hold", call, secret="wrong")
    assert result.returncode == 4 and "rejected" in result.stderr
    gws_sim.control("/sim/inbound-call", {})
    result = do(gws_profile, "accept")                      # two ringing calls: which one?
    assert result.returncode == 2 and "give one ID" in result.stderr and call in result.stderr


def test_do_reason_code_set_state(gws_sim, gws_profile):
    result = do(gws_profile, "set-state", "not_ready", "--reason", "Lunch", "--login")
    if result.returncode == 2 and "unknown reason" in result.stderr:
        pytest.fail("the simulator should offer a Lunch reason code: " + result.stderr)
    assert result.returncode == 0, result.stderr
    agent = json.loads(result.stdout)["agent"]
    assert agent["state"] == "not_ready" and agent["reason_code"] == "OutToLunch" and agent["reason"] == "Out to Lunch"


def test_do_refusal_is_exit_1_with_the_platform_reason(gws_sim, gws_profile):
    call = gws_sim.control("/sim/inbound-call", {})["id"]
    assert do(gws_profile, "accept", call).returncode == 0
    result = do(gws_profile, "remove-participant", call, "9999")  # not in the call: the platform says why
    assert result.returncode in (1, 3), result.stderr
    assert result.stderr.strip()


def test_tail_prints_snapshots_once_each(gws_sim, gws_profile):
    env = {**os.environ, "CTIDESK_LAB_SECRET": DEMO_PASSWORD}
    tail = subprocess.Popen([sys.executable, "-m", "desktop", "tail", "--profile", str(gws_profile), "--json",
                             "--login", "--duration", "20"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)
    lines = []
    try:
        for raw in tail.stdout:
            line = json.loads(raw)
            lines.append(line)
            if "connection" in line and line["connection"]["status"] == "connected":
                break
        gws_sim.control("/sim/faults", {"name": "duplicate_next", "args": {"n": 5}})
        call = gws_sim.control("/sim/inbound-call", {"ani": "+4930123456"})["id"]
        for raw in tail.stdout:
            line = json.loads(raw)
            lines.append(line)
            if "interaction" in line and line["interaction"]["interaction_id"] == call:
                break
        gws_sim.control("/sim/remote-hangup", {"call_id": call, "id": call})
        for raw in tail.stdout:
            line = json.loads(raw)
            lines.append(line)
            if "interaction" in line and line["interaction"]["state"] == "ended":
                break
    finally:
        tail.terminate()
        tail.wait(timeout=10)
    snapshots = [l["interaction"] for l in lines if "interaction" in l and l["interaction"]["interaction_id"] == call]
    assert [s["state"] for s in snapshots] == ["offered", "ended"]
    first = snapshots[0]
    expected_keys = {"interaction_id", "parent_id", "previous_id", "media", "state", "state_since", "direction",
                     "from", "to", "remote", "remote_name", "queue", "agent_id", "participants", "held", "muted",
                     "recording", "customer_typing", "capabilities", "data", "email"}
    assert set(first) == expected_keys
    assert first["media"] == "voice" and first["remote"] == "+4930123456" and "accept" in first["capabilities"]
    assert first["capabilities"] == sorted(first["capabilities"])
    agents = [l["agent"] for l in lines if "agent" in l]
    assert agents and set(agents[0]) == {"agent_id", "name", "state", "reason", "reason_code", "vendor_state",
                                         "since", "dnd", "channels", "capabilities", "team", "queues", "monitored"}


def test_do_consult_transfer_and_conference(gws_sim, gws_profile):
    call = gws_sim.control("/sim/inbound-call", {})["id"]
    assert do(gws_profile, "accept", call, "--login").returncode == 0
    result = do(gws_profile, "transfer-start", call, "5002")
    assert result.returncode == 0, result.stderr
    truth = gws_sim.control("/sim/truth")
    consult = next(c["id"] for c in truth["calls"] if c["consultOf"] == call)
    gws_sim.control("/sim/remote-answer", {"call_id": consult})  # the consulted party picks up now
    result = do(gws_profile, "transfer-complete", consult)
    assert result.returncode == 0, result.stderr
    assert gws_sim.control("/sim/truth")["calls"] == []
    call = gws_sim.control("/sim/inbound-call", {})["id"]
    assert do(gws_profile, "accept", call).returncode == 0
    assert do(gws_profile, "conference-start", call, "5003").returncode == 0
    consult = next(c["id"] for c in gws_sim.control("/sim/truth")["calls"] if c["consultOf"] == call)
    gws_sim.control("/sim/remote-answer", {"call_id": consult})
    result = do(gws_profile, "conference-complete", consult)
    assert result.returncode == 0, result.stderr
    result = do(gws_profile, "remove-participant", call, "5003")
    assert result.returncode == 0, result.stderr
    assert "5003" not in json.loads(result.stdout)["interaction"]["participants"]


def test_do_chat_and_email(gws_sim, gws_profile):
    assert do(gws_profile, "set-state", "ready", "--login").returncode == 0
    chat = gws_sim.control("/sim/inbound-chat", {"nickname": "Ann", "first_text": "Hi"})["id"]
    assert do(gws_profile, "accept", chat).returncode == 0
    result = do(gws_profile, "chat-send", chat, "Hello Ann, how can I help?")
    assert result.returncode == 0, result.stderr
    transcript = next(i for i in gws_sim.control("/sim/truth")["interactions"] if i["id"] == chat)["transcript"]
    assert any(e.get("text") == "Hello Ann, how can I help?" and e.get("userType") == "Agent" for e in transcript)
    result = do(gws_profile, "chat-end", chat)
    assert result.returncode == 0 and json.loads(result.stdout)["interaction"]["state"] == "wrap_up"
    assert do(gws_profile, "complete", chat).returncode == 0
    email = gws_sim.control("/sim/inbound-email", {"from_addr": "c@example.org", "subject": "Refund",
                                                   "body": "Please refund."})["id"]
    assert do(gws_profile, "accept", email).returncode == 0
    result = do(gws_profile, "email-reply", email)
    assert result.returncode == 0, result.stderr
    draft = next(i for i in gws_sim.control("/sim/truth")["interactions"] if i.get("parentId") == email)["id"]
    result = do(gws_profile, "email-send", draft)
    assert result.returncode == 0, result.stderr
    sent = gws_sim.control("/sim/truth")["sentEmails"][-1]
    assert sent["subject"] == "Re: Refund" and "Please refund." in sent["text"]
