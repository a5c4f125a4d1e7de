"""Jupyter server configuration for the ImmunoTwin end-to-end tests (Galata)."""

import os

from jupyterlab.galata import configure_jupyter_server

configure_jupyter_server(c)  # noqa: F821  (traitlets injects c)
c.ServerApp.port = int(os.environ.get("UI_TESTS_LAB_PORT", "8899"))  # noqa: F821  (see playwright.config.cjs)
c.ServerApp.allow_root = True  # noqa: F821  (CI runs as root)
