"""The libroadrunner peer of bench/sweep.mjs: simulates the exported SBML model at each parameter set of the
sweep, one after another, and prints the run rate and each run's peak of V as JSON."""
import json
import sys
import time
from pathlib import Path

import roadrunner

directory = Path(sys.argv[1])
points = json.loads((directory / "points.json").read_text())
rr = roadrunner.RoadRunner(str(directory / "model.xml"))
rr.timeCourseSelections = ["time", "V"]
peaks = []
start = time.perf_counter()
for point in points:
    rr.resetAll()
    for name, value in point.items():
        rr[name] = value
    result = rr.simulate(0, 10, 101)
    peaks.append(float(result[:, 1].max()))
seconds = time.perf_counter() - start
print(json.dumps({"rate": len(points) / seconds, "peaks": peaks, "version": roadrunner.__version__}))
