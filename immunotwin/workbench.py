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
        if self.log_y is not None:
            state["view"] = {"logY": self.log_y}
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
