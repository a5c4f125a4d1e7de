"""The CLI's Arrow IPC and Parquet results, read back by polars, hold the same numbers as its CSV."""

import json
import os
import subprocess
import tempfile
import unittest

try:
    import polars as pl
except ImportError as error:  # pragma: no cover - a missing reference must fail, not skip
    raise ImportError(
        "polars is missing from .venv: run `node scripts/ensure-venv.mjs` (it installs polars==2.1.0)"
    ) from error

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CLI = os.path.join(ROOT, "packages", "cli", "lib", "bin.js")


def run_cli(scenario_path: str, out: str) -> None:
    subprocess.run(["node", CLI, "run", scenario_path, "--out", out, "--quiet"], check=True, cwd=ROOT)


class TablesReadByPolars(unittest.TestCase):
    def test_arrow_and_parquet_equal_the_csv(self) -> None:
        # Two replicates of an exact stochastic run: whole counts and fractions, several columns.
        scenario = {
            "model": "bacteria-innate",
            "method": "ssa",
            "seed": 5,
            "replicates": 2,
            "duration": 6,
            "outputInterval": 0.5,
            "parameters": {"P0": 1000},
        }
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "s.json")
            with open(path, "w", encoding="utf8") as handle:
                json.dump(scenario, handle)
            for name in ("r.csv", "r.arrow", "r.parquet"):
                run_cli(path, os.path.join(folder, name))
            csv = pl.read_csv(os.path.join(folder, "r.csv"))
            arrow = pl.read_ipc(os.path.join(folder, "r.arrow"))
            parquet = pl.read_parquet(os.path.join(folder, "r.parquet"))
        self.assertEqual(csv.columns, arrow.columns)
        self.assertEqual(arrow.columns[:2], ["replicate", "time"])
        self.assertEqual(arrow.height, 2 * 13)
        self.assertEqual(arrow.schema["replicate"], pl.Int32)
        # The CSV prints every number in its shortest round-trip form, so equality is exact.
        for column in csv.columns:
            expected = csv[column].cast(pl.Float64).to_list()
            self.assertEqual(arrow[column].cast(pl.Float64).to_list(), expected, column)
            self.assertEqual(parquet[column].cast(pl.Float64).to_list(), expected, column)


if __name__ == "__main__":
    unittest.main()
