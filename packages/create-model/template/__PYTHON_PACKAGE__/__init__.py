"""__MODEL_TITLE__: an ImmunoTwin model plugin. Installing this package installs its prebuilt JupyterLab
extension, which registers the model with ImmunoTwin (a twin kernel and workbenches for it)."""


def _jupyter_labextension_paths() -> list[dict[str, str]]:
    """Where the built extension lives, for `jupyter labextension develop`."""
    return [{"src": "labextension", "dest": "__PACKAGE_NAME__"}]
