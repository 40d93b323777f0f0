"""8x8 Contact Center: the tenant event stream (SAPI / Event Streaming). Events only, no controls."""
