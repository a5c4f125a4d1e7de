"""ImmunoTwin for Jupyter: ships the prebuilt JupyterLab extension (twin kernels in the browser) and the
``Workbench`` display helper for Python kernels."""

from importlib.metadata import PackageNotFoundError, version as _version

from .workbench import WORKBENCH_MIME_TYPE, Workbench

__all__ = ["Workbench", "WORKBENCH_MIME_TYPE"]

try:
    __version__ = _version("immunotwin")
except PackageNotFoundError:  # a source tree that is not installed
    __version__ = "0+unknown"


def _jupyter_labextension_paths() -> list[dict[str, str]]:
    """Where the built extension lives, for `jupyter labextension develop`."""
    return [{"src": "labextension", "dest": "@immunotwin/jupyterlab-extension"}]
