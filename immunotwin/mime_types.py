"""The MIME types of ImmunoTwin outputs, as the JupyterLab extension renders them.

The same strings as ``@immunotwin/engine``'s ``mimeTypes`` module (checked by ``test/python.test.ts``), so a Python
kernel can display what the extension draws: a dict ``{STUDY_MIME_TYPE: bundle}`` returned from
``_repr_mimebundle_`` or passed to ``IPython.display.display(..., raw=True)`` shows as figures.
"""

PLOT_MIME_TYPE = "application/vnd.immunotwin.plot+json"
"""A plot bundle: a run's time series (``schema/plot.schema.json``)."""

STUDY_MIME_TYPE = "application/vnd.immunotwin.study+json"
"""A study bundle: the figures of a sweep, a sensitivity analysis or a cohort (``schema/study.schema.json``)."""

TISSUE_MIME_TYPE = "application/vnd.immunotwin.tissue+json"
"""Tissue pictures: a stepped model's lattice at chosen times."""

WORKBENCH_MIME_TYPE = "application/vnd.immunotwin.workbench+json"
"""A workbench output (version 1 of the state read by ``@immunotwin/widgets``; ``schema/workbench-state.schema.json``)."""

PATIENT_MIME_TYPE = "application/vnd.immunotwin.patient+json"
"""A twin of one patient: data, fit and assimilation settings, never results (``schema/patient-state.schema.json``)."""
