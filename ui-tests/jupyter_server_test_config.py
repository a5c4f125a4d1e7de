"""Jupyter server configuration for the ImmunoTwin end-to-end tests (Galata)."""

from jupyterlab.galata import configure_jupyter_server

configure_jupyter_server(c)  # noqa: F821  (traitlets injects c)
c.ServerApp.port = 8899  # noqa: F821
c.ServerApp.allow_root = True  # noqa: F821  (CI runs as root)
