"""Qt-free, protocol-faithful simulators of each platform (the embedded demo and the test peers).

They never import the client side (core, transports, vendors). ``runner`` starts one by vendor id.
"""
