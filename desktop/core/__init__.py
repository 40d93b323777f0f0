"""Qt-free core: the normalized model, events, commands, capabilities, the store and errors."""
