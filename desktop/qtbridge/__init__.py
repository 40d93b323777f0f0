"""Between the Qt-free core and the widgets: signals on the GUI thread, tasks, error reporting."""
