"""Secrets never reach a log line."""
import logging

from desktop import logsetup


def test_credentials_and_known_secrets_are_redacted():
    logsetup.register_secret("hunter2-very-secret")
    samples = {
        "Authorization: Basic YWdlbnQxOnNlY3JldA==": "YWdlbnQxOnNlY3JldA==",
        "headers={'Authorization': 'Bearer eyJhbGciOi.JIUzI1.NiJ9'}": "eyJhbGciOi.JIUzI1.NiJ9",
        '{"password": "p@ss"}': "p@ss",
        "token=abc123&x=1": "abc123",
        "api_key: k-999": "k-999",
        "logging in with hunter2-very-secret": "hunter2-very-secret",
    }
    for text, secret in samples.items():
        out = logsetup.redact(text)
        assert secret not in out and "[REDACTED]" in out, out


def test_the_log_file_is_written_redacted(tmp_path, monkeypatch):
    monkeypatch.setattr(logsetup, "log_dir", lambda: tmp_path)
    path = logsetup.configure(console_level=logging.CRITICAL)
    try:
        logging.getLogger("ctidesk.test").warning("sending Authorization: Basic c2VjcmV0OnZhbHVl now")
        for handler in logging.getLogger().handlers:
            handler.flush()
        text = path.read_text()
        assert "c2VjcmV0OnZhbHVl" not in text and "Basic [REDACTED]" in text
    finally:
        for handler in list(logging.getLogger().handlers):
            if getattr(handler, "_ctidesk", False):
                logging.getLogger().removeHandler(handler)
                handler.close()
