"""The scipy + libroadrunner peer of bench/fit.mjs: the same least-squares fit (log10 V of the exported SBML model
against the data, β, p, c on log10 scales within bounds) by scipy.optimize.least_squares from the same start; prints
the median wall time of 5 fits (after one to warm up), the ODE runs of one fit, its estimate and cost as JSON."""
import json
import sys
import time
from pathlib import Path

import numpy as np
import roadrunner
import scipy
from scipy.optimize import least_squares

directory = Path(sys.argv[1])
spec = json.loads((directory / "fit.json").read_text())
rr = roadrunner.RoadRunner(str(directory / "model.xml"))
rr.integrator.relative_tolerance = 1e-8
rr.integrator.absolute_tolerance = 1e-10
rr.timeCourseSelections = ["time", "V"]
times = np.array(spec["times"])
values = np.array(spec["values"])
names = [p["id"] for p in spec["parameters"]]
runs = 0


def residuals(log10_theta):
    global runs
    runs += 1
    rr.resetAll()
    for name, x in zip(names, log10_theta):
        rr[name] = 10.0**x
    result = rr.simulate(float(times[0]), float(times[-1]), len(times))
    return np.log10(result[:, 1]) - values


lower = np.log10([p["lower"] for p in spec["parameters"]])
upper = np.log10([p["upper"] for p in spec["parameters"]])
x0 = np.log10(spec["start"])


def fit():
    return least_squares(residuals, x0, bounds=(lower, upper), method="trf")


fit()
seconds = []
for _ in range(5):
    runs = 0
    begin = time.perf_counter()
    answer = fit()
    seconds.append(time.perf_counter() - begin)
print(
    json.dumps(
        {
            "seconds": float(np.median(seconds)),
            "runs": runs,
            "x": [10.0**x for x in answer.x],
            "cost": float(answer.cost),
            "version": roadrunner.__version__,
            "scipy": scipy.__version__,
        }
    )
)
