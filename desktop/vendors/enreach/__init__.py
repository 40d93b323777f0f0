"""Enreach RTE (SignalR hub): token REST, signalrcore adapter, pure mapper, controller."""
