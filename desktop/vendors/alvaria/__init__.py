"""Alvaria Cloud Streaming Client REST API v2/v3 (long polling, optional acknowledgement)."""
