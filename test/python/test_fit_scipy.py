"""The least-squares fit of the Hayden et al. 1996 untreated arm by `immunotwin fit` against scipy.

The objective, the same in both: the target-cell-limited model with an eclipse phase (U' = −βUV, E' = βUV − kE,
I' = kE − δI, V' = pI − cV; U0 = 4e8, V0 = 0.075, k = 4, δ = 5.2 per day, the manifest defaults, Baccam et al.
2006), log10 V(t) against the group means of examples/data/hayden1996.csv on days 0–8, plain least squares: σ = 1
and no censoring (the values at the detection limit, recorded as 0, are taken as measured — the decision for this
comparison; the censored likelihood is maximum likelihood, with no least-squares twin in scipy). Estimated: β, p and c,
each on a log10 scale within bounds. The CLI's fit (Levenberg–Marquardt from 8 starts, the engine's ODE solver at
rtol 1e-10) must agree with `scipy.optimize.least_squares` (trust-region reflective from the engine's best start, on
log10 of the parameters, scipy's own ODE solve by `solve_ivp` (DOP853) at rtol 1e-12):
- scipy's cost ½Σr² at the engine's estimate equals the engine's (the same objective): to 1e-9 relative (two ODE
  solvers at rtol ≤ 1e-10; measured 4e-13);
- the two optima: costs to 1e-9 relative (the engine stops when a step lowers the cost, ≈ 0.88, by < 1e-9; measured
  7e-13), and every log10 parameter to 1e-5 (0.0023 % of the value; measured ≤ 6e-7).
scipy and numpy are test dependencies provisioned by scripts/ensure-venv.mjs.
"""

import json
import math
import subprocess
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
INSTALL_HINT = "scipy is needed by test_fit_scipy.py: run `node scripts/ensure-venv.mjs` or `pip install scipy==1.17.1`"
try:
    import numpy as np
    from scipy.integrate import solve_ivp
    from scipy.optimize import least_squares
except ImportError as error:  # pragma: no cover - the failure path is the point
    MISSING = f"{INSTALL_HINT} ({error})"
else:
    MISSING = None

FIXED = {"U0": 4e8, "V0": 7.5e-2, "k": 4.0, "delta": 5.2}
ESTIMATED = [("beta", 1e-7, 1.0), ("p", 1e-6, 10.0), ("c", 0.1, 100.0)]
SCENARIO = {"model": "target-cell-limited", "duration": 8, "solver": {"rtol": 1e-10, "atol": 1e-12}}
OBSERVATION = {
    "observations": [
        {"observable": "log10V", "expression": "log10(V)", "noise": {"kind": "gaussian", "sigma": 1}, "censor": False}
    ]
}
HALF_LOG_2PI = 0.5 * math.log(2 * math.pi)


def untreated_arm():
    """Days and log10 titres of the untreated arm, read from the CSV (time in hours)."""
    lines = (ROOT / "examples" / "data" / "hayden1996.csv").read_text().splitlines()
    header = lines[0].split(",")
    rows = [dict(zip(header, line.split(","))) for line in lines[1:] if line]
    arm = [row for row in rows if row["group"] == "untreated"]
    return np.array([float(r["time_h"]) / 24 for r in arm]), np.array([float(r["value"]) for r in arm])


def log10_titre(log10_theta, days):
    """log10 V at the given days for log10 (β, p, c), by scipy's DOP853 at rtol 1e-12."""
    beta, p, c = (10.0**x for x in log10_theta)
    k, delta = FIXED["k"], FIXED["delta"]

    def rates(_, y):
        u, e, i, v = y
        infection = beta * u * v
        return [-infection, infection - k * e, k * e - delta * i, p * i - c * v]

    solution = solve_ivp(
        rates,
        (0.0, days[-1]),
        [FIXED["U0"], 0.0, 0.0, FIXED["V0"]],
        method="DOP853",
        t_eval=days,
        rtol=1e-12,
        atol=[1e-2, 1e-12, 1e-12, 1e-14],
    )
    if not solution.success:
        raise AssertionError(f"solve_ivp failed: {solution.message}")
    return np.log10(solution.y[3])


class HaydenFitAgreesWithScipy(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if MISSING:
            raise AssertionError(MISSING)
        cls.days, cls.titres = untreated_arm()
        with tempfile.TemporaryDirectory() as work:
            folder = Path(work)
            (folder / "scenario.json").write_text(json.dumps(SCENARIO))
            (folder / "observation.json").write_text(json.dumps(OBSERVATION))
            command = [
                "node",
                str(ROOT / "packages" / "cli" / "lib" / "bin.js"),
                "fit",
                "scenario.json",
                "--data",
                str(ROOT / "examples" / "data" / "hayden1996.csv"),
                "--group",
                "untreated",
                "--observation",
                "observation.json",
                *[arg for id_, lo, hi in ESTIMATED for arg in ("--estimate", f"{id_}={lo}:{hi}:log")],
                "--starts",
                "8",
                "--no-profiles",
                "--workers",
                "1",
                "--quiet",
                "--out",
                "fit.json",
            ]
            result = subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False)
            if result.returncode != 0:
                raise AssertionError(f"immunotwin fit failed: {result.stderr}")
            cls.fit = json.loads((folder / "fit.json").read_text())

    def residuals(self, log10_theta):
        return log10_titre(log10_theta, self.days) - self.titres

    def engine_cost(self):
        """½Σr² of the engine's fit: its −log L less the Gaussian constant n(log σ + ½ log 2π), σ = 1."""
        return self.fit["negLogLikelihood"] - len(self.days) * HALF_LOG_2PI

    def engine_estimate(self):
        return np.array([math.log10(p["estimate"]) for p in self.fit["parameters"]])

    def test_fit_is_least_squares_on_the_arm(self):
        self.assertEqual(self.fit["method"], "levenberg-marquardt")
        self.assertEqual(self.fit["observationCount"], 9)
        self.assertEqual([p["id"] for p in self.fit["parameters"]], [e[0] for e in ESTIMATED])

    def test_same_objective_at_the_engines_estimate(self):
        scipy_cost = 0.5 * float(np.sum(self.residuals(self.engine_estimate()) ** 2))
        self.assertLess(abs(scipy_cost / self.engine_cost() - 1), 1e-9)

    def test_same_optimum_as_scipy_least_squares(self):
        best = self.fit["starts"]["results"][self.fit["starts"]["best"]]
        start = np.array([math.log10(x) for x in best["start"]])
        lower = np.array([math.log10(lo) for _, lo, _ in ESTIMATED])
        upper = np.array([math.log10(hi) for _, _, hi in ESTIMATED])
        reference = least_squares(
            self.residuals, start, bounds=(lower, upper), method="trf", ftol=1e-14, xtol=1e-14, gtol=1e-14
        )
        self.assertTrue(reference.success, reference.message)
        self.assertLess(abs(reference.cost / self.engine_cost() - 1), 1e-9)
        for engine, scipy_value in zip(self.engine_estimate(), reference.x):
            self.assertLess(abs(engine - scipy_value), 1e-5)


if __name__ == "__main__":
    unittest.main()
