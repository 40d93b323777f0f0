"""One folder per platform (client.py, mapper.py, controller.py); ``registry`` picks by name."""
