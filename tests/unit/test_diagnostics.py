"""The diagnostics zip: logs and events, no secrets and no customer text."""
import json
import zipfile

from desktop import diagnostics
from desktop.core.events import InteractionChanged, MessageAdded
from desktop.core.journal import Journal
from desktop.core.model import ChatMessage, EmailContent
from desktop.core.store import Store
from desktop.core.vocabulary import InteractionState, Media


def test_export_redacts_customer_text_and_secrets(tmp_path):
    store = Store()
    journal = Journal()
    store.subscribe(journal)
    store.apply(InteractionChanged(interaction_id="e1", changes={
        "media": Media.EMAIL, "state": InteractionState.OFFERED, "remote_name": "Jane Secretname",
        "data": {"AccountNumber": "ACC-998877"},
        "email": EmailContent(from_="jane@example.org", subject="My diagnosis", body="private body text")}))
    store.apply(MessageAdded(message=ChatMessage("e1", "customer", "my card is 4111 1111", name="Jane")))
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "ctidesk.log").write_text("INFO connecting with Authorization: Basic c2VjcmV0OnNlY3JldA==\n")
    path = diagnostics.export(tmp_path / "diag.zip", journal, vendor="genesys", log_dir=logs)
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        events = archive.read("events.jsonl").decode()
        log = archive.read("logs/ctidesk.log").decode()
    assert {"about.json", "events.jsonl", "logs/ctidesk.log"} <= names
    for secret in ("Jane Secretname", "ACC-998877", "My diagnosis", "private body text", "4111 1111", "c2VjcmV0OnNlY3JldA=="):
        assert secret not in events and secret not in log
    lines = [json.loads(line) for line in events.splitlines()]
    assert lines[0]["interaction"]["interaction_id"] == "e1" and lines[0]["interaction"]["state"] == "offered"
    assert lines[1]["message"]["text"] == "[20 chars]"
    assert "[REDACTED]" in log


def test_journal_keeps_one_hour():
    now = [1000.0]
    journal = Journal(keep_s=3600, clock=lambda: now[0])
    store = Store()
    store.subscribe(journal)
    store.apply(InteractionChanged(interaction_id="a", changes={"state": InteractionState.OFFERED}))
    now[0] += 3601
    store.apply(InteractionChanged(interaction_id="b", changes={"state": InteractionState.OFFERED}))
    assert [json.loads(line)["interaction"]["interaction_id"] for line in journal.export_lines()] == ["b"]
