"""ImmunoTwin for Jupyter: ships the prebuilt JupyterLab extension (twin kernels in the browser), the headless twin
kernels (``immunotwin.headless_kernel``, for nbconvert, papermill, nbgrader and VS Code; they need Node.js 20+) and the
``Workbench`` display helper for Python kernels."""

from importlib.metadata import PackageNotFoundError, version as _version

from .mime_types import PATIENT_MIME_TYPE, PLOT_MIME_TYPE, STUDY_MIME_TYPE, TISSUE_MIME_TYPE, WORKBENCH_MIME_TYPE
from .workbench import Workbench

__all__ = ["Workbench", "PATIENT_MIME_TYPE", "PLOT_MIME_TYPE", "STUDY_MIME_TYPE", "TISSUE_MIME_TYPE", "WORKBENCH_MIME_TYPE"]

try:
    __version__ = _version("immunotwin")
except PackageNotFoundError:  # a source tree that is not installed
    __version__ = "0+unknown"


def _jupyter_labextension_paths() -> list[dict[str, str]]:
    """Where the built extension lives, for `jupyter labextension develop`."""
    return [{"src": "labextension", "dest": "@immunotwin/jupyterlab-extension"}]
