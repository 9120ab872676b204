"""The front-desk window (Qt only).

Views gather what the clerk typed, call one service per action and show the result;
they hold no SQL and no business rules. ``app.views.shell.app.run_gui`` is the entry point.
"""
