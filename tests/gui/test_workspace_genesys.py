"""The real window against the GWS simulator: a chat with typing both ways, an email reply."""
import pytest
from PySide6.QtCore import Qt

from desktop.core.vocabulary import Capability, InteractionState
from tests.helpers.qt import click, wait_task

pytestmark = pytest.mark.timeout(60)


def test_chat_with_typing_both_ways(workspace, qtbot):
    window, sim, store = workspace
    chat = sim.inbound_chat(nickname="Ann <img src=http://evil.example/x.png>", first_text="Hi, my parcel?")
    qtbot.waitUntil(lambda: window.panel.interaction is not None and window.panel.interaction.interaction_id == chat,
                    timeout=5000)
    click(qtbot, window, Capability.ACCEPT)
    qtbot.waitUntil(lambda: "Hi, my parcel?" in window.panel.transcript.toPlainText(), timeout=5000)
    assert "<img src=http://evil.example/x.png>" in window.panel.title.text()  # literal, never rendered
    sim.customer_typing(chat, True)
    qtbot.waitUntil(lambda: window.panel.typing.text() == "Customer is typing…", timeout=5000)
    sim.customer_says(chat, "It's late")
    qtbot.waitUntil(lambda: window.panel.typing.text() == "", timeout=5000)
    window.panel._typing_idle.setInterval(200)
    qtbot.keyClicks(window.panel.chat_input, "Let me check")

    def agent_notices():
        transcript = next(i for i in sim.truth()["interactions"] if i["id"] == chat)["transcript"]
        return [e.get("noticeType") for e in transcript if e.get("messageType") == "NOTICE" and e.get("userType") == "Agent"]

    qtbot.waitUntil(lambda: agent_notices() == ["TypingStarted", "TypingStopped"], timeout=5000)
    with qtbot.waitSignal(window.runner.confirmed, timeout=5000,
                          check_params_cb=lambda command: command.capability is Capability.CHAT_SEND):
        qtbot.keyClick(window.panel.chat_input, Qt.Key.Key_Return)
    assert window.panel.chat_input.text() == ""
    qtbot.waitUntil(lambda: "Let me check" in window.panel.transcript.toPlainText(), timeout=5000)
    click(qtbot, window, Capability.CHAT_END)
    assert store.interactions[chat].state is InteractionState.WRAP_UP
    click(qtbot, window, Capability.COMPLETE)


def test_email_reply_from_the_editor(workspace, qtbot):
    window, sim, store = workspace
    email = sim.inbound_email("ann@example.org", "Invoice <b>42</b>", "Hello,\n<a href=javascript:alert(1)>pay</a>")
    qtbot.waitUntil(lambda: window.panel.interaction is not None and window.panel.interaction.interaction_id == email,
                    timeout=5000)
    click(qtbot, window, Capability.ACCEPT)
    qtbot.waitUntil(lambda: "<a href=javascript:alert(1)>pay</a>" in window.panel.email_view.toPlainText(), timeout=5000)
    click(qtbot, window, Capability.EMAIL_REPLY)
    draft = next(i for i in store.interactions.values() if i.parent_id == email)
    window.select_interaction(draft.interaction_id)
    qtbot.waitUntil(lambda: window.panel.email_editor.isVisible(), timeout=3000)
    assert "Hello," in window.panel.email_editor.toPlainText()  # the platform's quote
    assert "Subject: Re: Invoice <b>42</b>" in window.panel.email_view.toPlainText()
    window.panel.email_editor.setPlainText("Paid in full, thanks.\n\n" + window.panel.email_editor.toPlainText())
    click(qtbot, window, Capability.EMAIL_SEND)
    sent = sim.truth()["sentEmails"][-1]
    assert sent["text"].startswith("Paid in full, thanks.") and sent["subject"] == "Re: Invoice <b>42</b>"


def test_dnd_toggle_follows_the_platform(workspace, qtbot):
    window, sim, store = workspace
    assert window.dnd.isEnabled() and not window.dnd.isChecked()
    with qtbot.waitSignal(window.runner.confirmed, timeout=5000):
        qtbot.mouseClick(window.dnd, Qt.MouseButton.LeftButton)
    assert store.me.dnd and window.dnd.isChecked() and sim.truth()["agent"]["dnd"]
    assert window.state_selector.currentText().startswith("Do not disturb")
    with qtbot.waitSignal(window.runner.confirmed, timeout=5000):
        qtbot.mouseClick(window.dnd, Qt.MouseButton.LeftButton)
    assert not store.me.dnd and not window.dnd.isChecked()


def test_shortcut_help_lists_the_documented_keys(workspace):
    window, sim, store = workspace
    table = dict(window.shortcut_table())
    for action, keys in {"Answer": "Ctrl+Shift+A", "Hang up": "Ctrl+Shift+H", "Hold": "Ctrl+Shift+O",
                         "Mute": "Ctrl+Shift+M", "Transfer": "Ctrl+Shift+T", "Next interaction": "Ctrl+Tab",
                         "Change state": "Ctrl+Shift+S"}.items():
        assert table[action] == keys


def test_consult_transfer_to_a_directory_contact(workspace, qtbot, qt_loop):
    window, sim, store = workspace
    contacts = wait_task(qtbot, qt_loop, window.runner.controller.directory())
    assert [c.kind for c in contacts][:2] == ["user", "user"] and any(c.kind == "queue" for c in contacts)
    window.panel.set_directory(contacts)
    call = sim.inbound_call(ani="+15550001111")
    qtbot.waitUntil(lambda: window.panel.interaction is not None and window.panel.interaction.interaction_id == call,
                    timeout=5000)
    click(qtbot, window, Capability.ACCEPT)
    completer = window.panel.argument.completer()
    completer.setCompletionPrefix("Björn")
    assert completer.currentCompletion() == "Björn Åström <5002>"
    window.panel.argument.setText(completer.currentCompletion())
    click(qtbot, window, Capability.TRANSFER_START)
    initiated = [op[2] for op in sim.recorded_operations if isinstance(op[2], dict)
                 and op[2].get("operationName") == "InitiateTransfer"]
    assert initiated[-1]["destination"] == {"phoneNumber": "5002"}


def test_customer_html_is_literal_text_and_fetches_nothing(workspace, qtbot):
    import http.server
    import threading
    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}"
    window, sim, store = workspace
    try:
        hostile = f'<img src="{url}/chat.png"><a href="javascript:alert(1)">click</a>'
        chat = sim.inbound_chat(nickname="Eve", first_text=hostile)
        qtbot.waitUntil(lambda: window.panel.interaction is not None and window.panel.interaction.interaction_id == chat,
                        timeout=5000)
        click(qtbot, window, Capability.ACCEPT)
        qtbot.waitUntil(lambda: hostile in window.panel.transcript.toPlainText(), timeout=5000)
        email = sim.inbound_email("eve@example.org", f'<img src="{url}/subject.png">',
                                  f'<html><body><img src="{url}/body.png"><script>fetch("{url}/js")</script></body></html>')
        qtbot.waitUntil(lambda: window.list_model.row_of(email) >= 0, timeout=5000)
        window.select_interaction(email)
        click(qtbot, window, Capability.ACCEPT)
        qtbot.waitUntil(lambda: f'<img src="{url}/body.png">' in window.panel.email_view.toPlainText(), timeout=5000)
        qtbot.wait(500)  # time enough for any fetch a renderer would start; none may come
        assert hits == []
    finally:
        server.shutdown()
        server.server_close()


def test_screen_pop_from_a_real_offer(workspace, qtbot):
    from desktop.core.screenpop import ScreenPopRule
    from desktop.core.vocabulary import Media
    window, sim, store = workspace
    window.settings.set_screen_pop_rules([ScreenPopRule(
        "https://crm.example/pop?phone={remote}&name={remote_name}&segment={data.CustomerSegment}",
        frozenset({Media.VOICE}), automatic=True)])
    call = sim.inbound_call(ani="+4930123456", caller_name="Jürgen & Söhne <GmbH> #2",
                            user_data={"CustomerSegment": "Gold/VIP"})
    qtbot.waitUntil(lambda: bool(window.opened_urls), timeout=5000)
    assert window.opened_urls == ["https://crm.example/pop?phone=%2B4930123456"
                                  "&name=J%C3%BCrgen%20%26%20S%C3%B6hne%20%3CGmbH%3E%20%232&segment=Gold%2FVIP"]
    assert store.interactions[call].state is InteractionState.OFFERED
