"""The engine's observation noise models against scipy.stats, on a grid of measurements, predictions and parameters.

Every log-likelihood the fit sums (packages/engine/src/observation/noiseModels.ts) is compared with scipy's
logpdf / logcdf / logpmf of the same distribution, parametrised as the engine documents it: gaussian N(f, σ);
lognormal with median f (scipy lognorm(s=σ, scale=f)); Student-t with location f, scale σ, ν degrees of freedom;
Poisson with mean f; negative binomial with mean f and dispersion r (scipy nbinom(n=r, p=r/(r+f))). Censored
values use the CDF. The engine's values are computed by ts_noise.mjs on the built engine (packages/engine/lib).
Agreement: 1e-9 relative or 1e-9 absolute (both compute in double precision; the engine's log Γ is Lanczos with
about 15 significant digits, and differences of log Γ at k + r and r lose a few more). scipy is provisioned by
scripts/ensure-venv.mjs; without it this test fails with an install hint (it never skips).
"""

import itertools
import json
import math
import subprocess
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
try:
    from scipy import stats
except ImportError as error:  # pragma: no cover - the failure path is the point
    MISSING = f"scipy is needed by test_observation_scipy.py: run `node scripts/ensure-venv.mjs` ({error})"
else:
    MISSING = None

RTOL = 1e-9
ATOL = 1e-9


def engine(cases):
    """log p (or log CDF) of each case from the engine, None for -inf."""
    result = subprocess.run(
        ["node", str(HERE / "ts_noise.mjs")],
        input=json.dumps({"cases": cases}),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise AssertionError(f"ts_noise.mjs failed: {result.stderr}")
    return [(-math.inf if v is None else v) for v in json.loads(result.stdout)]


def reference(case):
    """scipy's value for a case."""
    kind, y, f = case["kind"], case["y"], case["f"]
    if kind == "gaussian":
        dist = stats.norm(loc=f, scale=case["sigma"])
    elif kind == "lognormal":
        dist = stats.lognorm(s=case["sigma"], scale=f)
    elif kind == "student-t":
        dist = stats.t(df=case["df"], loc=f, scale=case["sigma"])
    elif kind == "poisson":
        return float(stats.poisson(mu=f).logpmf(y))
    else:
        r = case["dispersion"]
        return float(stats.nbinom(n=r, p=r / (r + f)).logpmf(y))
    return float(dist.logcdf(y) if case.get("cdf") else dist.logpdf(y))


def grid():
    """Cases over measurements, predictions and noise parameters, densities and censored CDFs."""
    cases = []
    for y, f, sigma in itertools.product([-3.0, 0.0, 0.42, 2.73, 9.5], [-1.0, 0.5, 2.0, 7.0], [0.05, 0.5, 1.3]):
        for cdf in (False, True):
            cases.append({"kind": "gaussian", "y": y, "f": f, "sigma": sigma, "cdf": cdf})
            for df in (1.0, 2.5, 30.0):
                cases.append({"kind": "student-t", "y": y, "f": f, "sigma": sigma, "df": df, "cdf": cdf})
    for y, f, sigma in itertools.product([1e-3, 0.8, 12.0, 4.5e6], [0.01, 3.0, 1e5], [0.1, 0.7, 2.0]):
        for cdf in (False, True):
            cases.append({"kind": "lognormal", "y": y, "f": f, "sigma": sigma, "cdf": cdf})
    for k, f in itertools.product([0, 1, 4, 17, 250, 10_000], [0.3, 5.0, 240.0, 9_800.0]):
        cases.append({"kind": "poisson", "y": k, "f": f})
        for r in (0.2, 1.0, 7.5, 1e3):
            cases.append({"kind": "negative-binomial", "y": k, "f": f, "dispersion": r})
    return cases


class ObservationNoiseAgainstScipy(unittest.TestCase):
    def test_log_likelihoods_match_scipy(self):
        if MISSING:
            self.fail(MISSING)
        cases = grid()
        ours = engine(cases)
        self.assertEqual(len(ours), len(cases))
        worst = 0.0
        for case, value in zip(cases, ours):
            expected = reference(case)
            if math.isinf(expected):
                self.assertEqual(value, expected, case)
                continue
            error = abs(value - expected)
            worst = max(worst, error / max(1.0, abs(expected)))
            self.assertLessEqual(error, ATOL + RTOL * abs(expected), f"{case}: engine {value}, scipy {expected}")
        print(f"\n{len(cases)} cases; worst relative difference {worst:.2e}")


if __name__ == "__main__":
    unittest.main()
