"""ImmunoTwin for Jupyter: ships the prebuilt JupyterLab extension (twin kernels in the browser)."""

from importlib.metadata import PackageNotFoundError, version as _version

try:
    __version__ = _version("immunotwin")
except PackageNotFoundError:  # a source tree that is not installed
    __version__ = "0+unknown"


def _jupyter_labextension_paths() -> list[dict[str, str]]:
    """Where the built extension lives, for `jupyter labextension develop`."""
    return [{"src": "labextension", "dest": "@immunotwin/jupyterlab-extension"}]
