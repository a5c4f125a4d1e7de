"""The engine's Sobol' and PRCC estimators against independent references, on the twin's own outputs.

Saltelli samples come from SALib; the target-cell-limited twin is run on every row by a small Node script
(twin_peaks.mjs, the engine's runScenarioSync and its `peak` outcome); the same samples and peak viral loads go
to SALib's sobol.analyze and to the engine's sobolIndices (ts_sensitivity.mjs), whose point estimates must
agree to 1e-10 relative (same estimators, same numbers). PRCC is checked against a reference written here with
scipy (rankdata, least-squares residuals, Student t). SALib and scipy are test dependencies provisioned by
scripts/ensure-venv.mjs; without them this test fails with an install hint (it never skips).
"""

import json
import subprocess
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
INSTALL_HINT = (
    "SALib and scipy are needed by test_sensitivity_salib.py: run `node scripts/ensure-venv.mjs` "
    "(it installs SALib==1.6.0 and scipy==1.17.1 into .venv) or `pip install SALib==1.6.0 scipy==1.17.1`"
)
try:
    import numpy as np
    from SALib.analyze import sobol as sobol_analyze
    from SALib.sample import sobol as sobol_sample
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
