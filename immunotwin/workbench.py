"""The ImmunoTwin workbench for any Jupyter kernel: a notebook output the ImmunoTwin extension renders.

``Workbench("target-cell-limited", c=10)`` displays sliders for the model's parameters, an intervention
timeline and a live plot. The simulation runs in the browser (in the workbench's own Web Worker), so a
Python kernel only describes the starting scenario; the output keeps the workbench's state and a saved
notebook brings it back without any kernel.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from .mime_types import WORKBENCH_MIME_TYPE


def _number(value: Any, where: str, *, positive: bool = False) -> float | int:
    """``value`` if it is a finite (and, when asked, positive) real number, else a ValueError naming ``where``."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError(f"Workbench: {where} must be a finite number; got {value!r}")
    if positive and value <= 0:
        raise ValueError(f"Workbench: {where} must be > 0; got {value!r}")
    return value


def _intervention(item: Any, index: int) -> dict[str, Any]:
    """One intervention as the scenario format has it: ``kind``, ``start``, optional ``stop`` and fields."""
    where = f"interventions[{index}]"
    if not isinstance(item, Mapping):
        raise ValueError(
            f"Workbench: {where} must be a dict such as "
            f"{{'kind': 'entryInhibitor', 'start': 1, 'stop': 4, 'efficacy': 0.9}}; got {item!r}"
        )
    kind = item.get("kind")
    if not isinstance(kind, str) or not kind:
        raise ValueError(f"Workbench: {where}.kind must be the name of one of the model's interventions; got {kind!r}")
    if "start" not in item:
        raise ValueError(f"Workbench: {where}.start is missing (the time it begins, in the model's time unit)")
    result: dict[str, Any] = {"kind": kind}
    for key, value in item.items():
        if key != "kind":
            result[str(key)] = _number(value, f"{where}.{key}")
    return result


_BAND_KINDS = ("replicates", "cohort")
_MAX_BAND_SIZE = 1000
_MAX_COHORT_SPREAD = 3


def _band(band: Any) -> dict[str, Any]:
    """A band as the workbench state has it (``view.band``): ``kind``, ``size``, and for a cohort ``spread`` and
    ``parameters``. The limits are the engine's (``BandSpecSchema``); whether the model can vary the parameters
    named is checked in the browser."""
    if not isinstance(band, Mapping):
        raise ValueError(
            f"Workbench: band must be a dict such as {{'kind': 'cohort', 'size': 20, 'spread': 0.3}}; got {band!r}"
        )
    unknown = sorted(set(band) - {"kind", "size", "spread", "parameters"})
    if unknown:
        raise ValueError(
            f"Workbench: band[{unknown[0]!r}] is not a band field; allowed: kind, size, spread, parameters"
        )
    kind = band.get("kind")
    if kind not in _BAND_KINDS:
        raise ValueError(f"Workbench: band['kind'] must be 'replicates' or 'cohort'; got {kind!r}")
    size = band.get("size")
    if isinstance(size, bool) or not isinstance(size, int) or not 2 <= size <= _MAX_BAND_SIZE:
        raise ValueError(f"Workbench: band['size'] must be a whole number from 2 to {_MAX_BAND_SIZE}; got {size!r}")
    result: dict[str, Any] = {"kind": kind, "size": size}
    for key in ("spread", "parameters"):
        if key in band and kind != "cohort":
            raise ValueError(
                f"Workbench: band[{key!r}] applies to a cohort only; leave it out of a band of replicates"
            )
    if "spread" in band:
        spread = _number(band["spread"], "band['spread']", positive=True)
        if spread > _MAX_COHORT_SPREAD:
            raise ValueError(
                f"Workbench: band['spread'] must be > 0 and ≤ {_MAX_COHORT_SPREAD} (a coefficient of variation); "
                f"got {spread!r}"
            )
        result["spread"] = spread
    if "parameters" in band:
        given = band["parameters"]
        ids = [] if isinstance(given, (str, bytes)) or not isinstance(given, Iterable) else list(given)
        if not ids or not all(isinstance(p, str) and p for p in ids) or len(set(ids)) != len(ids):
            raise ValueError(
                f"Workbench: band['parameters'] must be a non-empty list of distinct parameter ids; got {given!r}"
            )
        result["parameters"] = ids
    return result


class Workbench:
    """An interactive ImmunoTwin workbench of one model, displayed by any kernel.

    Parameters
    ----------
    model:
        The model id, e.g. ``"target-cell-limited"`` (``npx immunotwin models`` lists them).
    preset:
        A preset of the model (its published parameter set), applied before ``parameters``.
    interventions:
        Interventions at times, each a dict with ``kind``, ``start`` (and ``stop``) and the kind's fields.
    duration:
        Simulated time (in the model's time unit, days for the built-in models).
    observables:
        Observable ids to plot (default: all of them).
    log_y:
        A logarithmic y axis.
    band:
        Show the median and bands of runs instead of one live run: ``{'kind': 'cohort', 'size': 20,
        'spread': 0.3}`` (virtual patients, each parameter drawn log-normally around its value with that
        coefficient of variation; ``'parameters': ['beta', 'c']`` names which vary) or ``{'kind':
        'replicates', 'size': 20}`` (for a stochastic or stepped model).
    **parameters:
        Parameter values by id, e.g. ``c=10``.

    The values are checked for type here; the browser checks them against the model (ranges, known
    parameters and interventions) and shows the model's message when one does not fit.
    """

    def __init__(
        self,
        model: str,
        *,
        preset: str | None = None,
        interventions: Iterable[Mapping[str, Any]] = (),
        duration: float | None = None,
        observables: Iterable[str] | None = None,
        log_y: bool | None = None,
        band: Mapping[str, Any] | None = None,
        **parameters: float,
    ) -> None:
        if not isinstance(model, str) or not model:
            raise ValueError(f"Workbench: model must be a model id such as 'target-cell-limited'; got {model!r}")
        if preset is not None and (not isinstance(preset, str) or not preset):
            raise ValueError(f"Workbench: preset must be the id of one of the model's presets; got {preset!r}")
        if isinstance(interventions, (str, bytes, Mapping)):
            raise ValueError("Workbench: interventions must be a list of dicts, one per intervention")
        self.model = model
        self.preset = preset
        self.parameters = {str(k): _number(v, f"parameter {k!r}") for k, v in parameters.items()}
        self.interventions = [_intervention(item, i) for i, item in enumerate(interventions)]
        self.duration = None if duration is None else _number(duration, "duration", positive=True)
        if observables is not None:
            observables = list(observables)
            if not observables or not all(isinstance(o, str) and o for o in observables):
                raise ValueError(f"Workbench: observables must be a non-empty list of observable ids; got {observables!r}")
        self.observables = observables
        if log_y is not None and not isinstance(log_y, bool):
            raise ValueError(f"Workbench: log_y must be True or False; got {log_y!r}")
        self.log_y = log_y
        self.band = None if band is None else _band(band)

    def state(self) -> dict[str, Any]:
        """The workbench state saved in the notebook output (version 1 of the workbench format)."""
        scenario: dict[str, Any] = {"model": self.model}
        if self.preset is not None:
            scenario["preset"] = self.preset
        if self.parameters:
            scenario["parameters"] = dict(self.parameters)
        if self.interventions:
            scenario["interventions"] = [dict(i) for i in self.interventions]
        if self.duration is not None:
            scenario["duration"] = self.duration
        state: dict[str, Any] = {"version": 1, "scenario": scenario}
        if self.observables is not None:
            state["observables"] = list(self.observables)
        view: dict[str, Any] = {}
        if self.log_y is not None:
            view["logY"] = self.log_y
        if self.band is not None:
            view["band"] = dict(self.band)
        if view:
            state["view"] = view
        return state

    def __repr__(self) -> str:
        settings = ", ".join(f"{k}={v!r}" for k, v in self.parameters.items())
        return f"Workbench({self.model!r}{', ' + settings if settings else ''})"

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        """The workbench for the ImmunoTwin extension, with a plain-text fallback for other front ends."""
        text = (
            f"ImmunoTwin workbench: {self.model}"
            + (f" (preset {self.preset})" if self.preset else "")
            + (f", {len(self.interventions)} intervention(s)" if self.interventions else "")
            + "\n(install the immunotwin JupyterLab extension to see the interactive workbench)"
        )
        return {WORKBENCH_MIME_TYPE: self.state(), "text/plain": text}
