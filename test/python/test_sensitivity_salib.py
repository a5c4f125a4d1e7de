"""The engine's Sobol', Morris and PRCC estimators against independent references, on the twin's own outputs.

Saltelli samples come from SALib; the target-cell-limited twin is run on every row by a small Node script
(twin_peaks.mjs, the engine's runScenarioSync and its `peak` outcome); the same samples and peak viral loads go
to SALib's sobol.analyze and to the engine's sobolIndices (ts_sensitivity.mjs), whose point estimates must
agree to 1e-10 relative (same estimators, same numbers). Morris: the engine's own design file (kind "morris",
ts_design.mjs) gives the trajectories, the twin gives the peaks, and SALib's morris.analyze and the engine's
morrisEffects must agree on mu, mu_star and sigma to 1e-12 relative. Second-order Sobol': the engine's
second-order Saltelli design must equal SALib's sampler (unscrambled, origin skipped) row for row, and on
Ishigami outputs of those rows the engine's S1, ST and S2 must equal SALib's. PRCC is checked against a reference
written here with scipy (rankdata, least-squares residuals, Student t). SALib and scipy are test dependencies
provisioned by scripts/ensure-venv.mjs; without them this test fails with an install hint (it never skips).
"""

import json
import subprocess
import unittest
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
INSTALL_HINT = (
    "SALib and scipy are needed by test_sensitivity_salib.py: run `node scripts/ensure-venv.mjs` "
    "(it installs SALib==1.6.0 and scipy==1.17.1 into .venv) or `pip install SALib==1.6.0 scipy==1.17.1`"
)
try:
    import numpy as np
    from SALib.analyze import morris as morris_analyze
    from SALib.analyze import sobol as sobol_analyze
    from SALib.sample import sobol as sobol_sample
    from SALib.test_functions import Ishigami
    from scipy import stats
except ImportError as error:  # pragma: no cover - the failure path is the point
    MISSING = f"{INSTALL_HINT} ({error})"
else:
    MISSING = None

# Four parameters of the target-cell-limited twin, each over ×½ … ×2 of its default (Baccam et al. 2006).
PROBLEM = {
    "num_vars": 4,
    "names": ["beta", "p", "c", "delta"],
    "bounds": [[1.6e-5, 6.4e-5], [0.023, 0.092], [2.6, 10.4], [2.6, 10.4]],
}
N = 64  # base rows; N·(d + 2) = 384 twin runs, a few seconds
MORRIS_TRAJECTORIES = 24  # r·(d + 1) = 120 twin runs
MORRIS_LEVELS = 4


def node(script, payload):
    """Runs a Node script in this folder with a JSON payload on stdin; returns its JSON output."""
    result = subprocess.run(
        ["node", str(HERE / script)], input=json.dumps(payload), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise AssertionError(f"{script} failed: {result.stderr}")
    return json.loads(result.stdout)


def reference_prcc(inputs, output):
    """PRCC by the textbook route, independent of the engine: ranks, residuals, correlation, t test."""
    ranks = np.column_stack([stats.rankdata(column) for column in inputs.T])
    ranked_output = stats.rankdata(output)
    n, d = ranks.shape
    df = n - 2 - (d - 1)
    rows = []
    for j in range(d):
        design = np.column_stack([np.ones(n), np.delete(ranks, j, axis=1)])
        residual_x = ranks[:, j] - design @ np.linalg.lstsq(design, ranks[:, j], rcond=None)[0]
        residual_y = ranked_output - design @ np.linalg.lstsq(design, ranked_output, rcond=None)[0]
        r = np.corrcoef(residual_x, residual_y)[0, 1]
        t = r * np.sqrt(df / (1 - r * r))
        rows.append({"coefficient": r, "t": t, "df": df, "pValue": 2 * stats.t.sf(abs(t), df)})
    return rows


def twin_peaks(runs):
    """Peak viral loads of the twin on design runs (parameter values by id), one per run."""
    rows = [[run[name] for name in PROBLEM["names"]] for run in runs]
    return np.array(node("twin_peaks.mjs", {"names": PROBLEM["names"], "rows": rows}))


def as_floats(values):
    """A JSON array (null for NaN) as a float array."""
    return np.array([np.nan if v is None else v for v in values], dtype=float)


class SensitivityAgreesWithSALib(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if MISSING:
            raise AssertionError(MISSING)
        cls.X = sobol_sample.sample(PROBLEM, N, calc_second_order=False, seed=2024)
        cls.Y = np.array(node("twin_peaks.mjs", {"names": PROBLEM["names"], "rows": cls.X.tolist()}))

    def test_twin_outputs_are_usable(self):
        self.assertEqual(self.Y.shape, (N * (PROBLEM["num_vars"] + 2),))
        self.assertTrue(np.all(np.isfinite(self.Y)))
        self.assertGreater(np.ptp(np.log10(self.Y)), 1)  # the peak really depends on the parameters

    def test_sobol_point_estimates_match_salib(self):
        d = PROBLEM["num_vars"]
        step = d + 2  # SALib's layout without second order: A, AB_1 … AB_d, B per base row
        salib = sobol_analyze.analyze(PROBLEM, self.Y, calc_second_order=False, num_resamples=10, seed=1)
        ours = node(
            "ts_sensitivity.mjs",
            {
                "sobol": {
                    "fA": self.Y[0::step].tolist(),
                    "fB": self.Y[step - 1 :: step].tolist(),
                    "fAB": [self.Y[j + 1 :: step].tolist() for j in range(d)],
                }
            },
        )
        for key in ("S1", "ST"):
            expected = np.asarray(salib[key])
            actual = np.asarray(ours[key])
            print(f"{key}: SALib {expected}, engine {actual}, max relative difference "
                  f"{np.max(np.abs(actual - expected) / np.abs(expected)):.2e}")
            np.testing.assert_allclose(actual, expected, rtol=1e-10, atol=0)

    def test_morris_on_the_engines_design_matches_salib(self):
        d = PROBLEM["num_vars"]
        design = {
            "version": 1,
            "scenario": {"model": "target-cell-limited", "duration": 10, "outputInterval": 0.1},
            "parameters": [
                {"id": name, "range": bounds, "scale": "linear"}
                for name, bounds in zip(PROBLEM["names"], PROBLEM["bounds"])
            ],
            "design": {"kind": "morris", "n": MORRIS_TRAJECTORIES, "seed": 7, "levels": MORRIS_LEVELS},
        }
        rows = node("ts_design.mjs", {"design": design})
        unit = np.array(rows["unit"])
        self.assertEqual(unit.shape, (MORRIS_TRAJECTORIES * (d + 1), d))
        # The runs are the unit points mapped linearly onto each range (level k of 4 at lower + k/3·(upper − lower)).
        lower, upper = np.array(PROBLEM["bounds"]).T
        X = np.array([[run[name] for name in PROBLEM["names"]] for run in rows["runs"]])
        np.testing.assert_allclose(X, lower + unit * (upper - lower), rtol=1e-14, atol=0)
        Y = twin_peaks(rows["runs"])
        self.assertTrue(np.all(np.isfinite(Y)))
        # SALib reads the direction of each step from X (the parameter values, as a user of SALib would pass them)
        # and divides by the unit-cube jump; the engine reads the steps of the unit points.
        salib = morris_analyze.analyze(PROBLEM, X, Y, num_levels=MORRIS_LEVELS, num_resamples=10, seed=1)
        ours = node("ts_sensitivity.mjs", {"morris": {"points": unit.tolist(), "outputs": Y.tolist()}})
        for key in ("mu", "mu_star", "sigma"):
            expected = np.asarray(salib[key], dtype=float)
            actual = as_floats(ours[key])
            print(f"Morris {key}: SALib {expected}, engine {actual}, max relative difference "
                  f"{np.max(np.abs(actual - expected) / np.abs(expected)):.2e}")
            self.assertTrue(np.all(np.abs(expected) > 0))
            np.testing.assert_allclose(actual, expected, rtol=1e-12, atol=0)

    def test_second_order_design_and_indices_match_salib(self):
        n, d = 256, 3
        unit_problem = {"num_vars": d, "names": ["x1", "x2", "x3"], "bounds": [[0, 1]] * d}
        design = {
            "version": 1,
            "scenario": {"model": "target-cell-limited"},
            "parameters": [  # any three of the twin's parameters: only the unit rows are used here
                {"id": name, "range": bounds} for name, bounds in zip(PROBLEM["names"][:d], PROBLEM["bounds"][:d])
            ],
            "design": {"kind": "saltelli", "n": n, "secondOrder": True},
        }
        unit = np.array(node("ts_design.mjs", {"design": design})["unit"])
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # SALib warns about skip_values that are not a power of 2 above N
            reference = sobol_sample.sample(unit_problem, n, calc_second_order=True, scramble=False, skip_values=1)
        # The same rows: SALib's A, AB_1…AB_d, BA_1…BA_d, B blocks of the unscrambled Sobol' sequence (whose
        # origin the engine leaves out and SALib skips here).
        self.assertEqual(unit.shape, (n * (2 * d + 2), d))
        np.testing.assert_array_equal(unit, reference)
        ishigami = {"num_vars": d, "names": ["x1", "x2", "x3"], "bounds": [[-np.pi, np.pi]] * d}
        Y = Ishigami.evaluate(-np.pi + 2 * np.pi * unit)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            salib = sobol_analyze.analyze(ishigami, Y, calc_second_order=True, num_resamples=10, seed=1)
        ours = node(
            "ts_sensitivity.mjs",
            {"saltelli": {"outputs": Y.tolist(), "n": n, "dimensions": d, "secondOrder": True}},
        )
        for key in ("S1", "ST", "S2"):
            expected = np.asarray(salib[key], dtype=float).ravel()
            actual = as_floats(ours[key])
            finite = np.isfinite(expected)
            print(f"{key}: SALib {expected[finite]}, engine {actual[finite]}, max relative difference "
                  f"{np.max(np.abs(actual[finite] - expected[finite]) / np.abs(expected[finite])):.2e}")
            np.testing.assert_array_equal(np.isnan(actual), np.isnan(expected))
            np.testing.assert_allclose(actual[finite], expected[finite], rtol=1e-10, atol=0)
        self.assertAlmostEqual(salib["S2"][0, 2], 0.2437, delta=0.05)  # S13 of Ishigami (a = 7, b = 0.1)

    def test_prcc_matches_a_scipy_reference(self):
        # The Saltelli rows repeat input values (A's columns recur in AB_i), so ties are exercised too.
        ours = node("ts_sensitivity.mjs", {"prcc": {"inputs": self.X.T.tolist(), "output": self.Y.tolist()}})
        expected = reference_prcc(self.X, self.Y)
        for mine, theirs in zip(ours, expected):
            self.assertEqual(mine["df"], theirs["df"])
            for key in ("coefficient", "t", "pValue"):
                print(f"PRCC {key}: engine {mine[key]!r}, scipy {theirs[key]!r}")
                np.testing.assert_allclose(mine[key], theirs[key], rtol=1e-10, atol=0)


if __name__ == "__main__":
    unittest.main()
