"""SBML import and export checked against libRoadRunner, an independent SBML simulator.

Each test writes a model in Antimony (turned into SBML by libAntimony) or exports a built-in model with
`immunotwin export-sbml`, runs it with `immunotwin run` (imported models as `--plugin`) and with libRoadRunner,
both at tight tolerances, and compares every observable at every sample.

Agreement: |immunotwin - roadrunner| <= RELATIVE * max(|roadrunner|, FLOOR * max|roadrunner over the run|, 1e-300),
i.e. a relative error of at most 1e-6, where values below one millionth of the observable's largest value are
compared to that floor instead of to themselves (near zero a relative error means nothing).
"""

import csv
import json
import subprocess
import tempfile
import unittest
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).parents[2]
CLI = ROOT / "packages" / "cli" / "lib" / "bin.js"
INSTALL_HINT = (
    "libroadrunner and antimony are missing from this Python; run `node scripts/ensure-venv.mjs` "
    "(it installs libroadrunner==2.10.0 and antimony==3.3.0 into .venv) or `pip install libroadrunner==2.10.0 antimony==3.3.0`"
)
try:
    import antimony
    import roadrunner
except ImportError as error:  # reported by every test, never skipped
    antimony = roadrunner = None
    IMPORT_ERROR = f"{INSTALL_HINT} ({error})"
else:
    IMPORT_ERROR = None

RELATIVE = 1e-6
FLOOR = 1e-6
SOLVER = {"rtol": 1e-12, "atol": 1e-14}
SBML_CORE = "{http://www.sbml.org/sbml/level3/version2/core}"

TARGET_CELL_LIMITED = """
model target_cell_limited_virus
  compartment tract = 1;
  species U in tract, I in tract, V in tract;
  U = 4e8; I = 0; V = 0.093;
  infection: U + V -> I + V; beta*U*V;
  death: I -> ; delta*I;
  production: -> V; p*I;
  clearance: V -> ; c*V;
  beta = 2.7e-5; delta = 4; p = 0.012; c = 3;
end
"""

# Virus, interferon and CD8 T cells: saturating (Michaelis-Menten) uptake, a Hill function (a function
# definition), a piecewise term in time (T-cell help after tDelay), an assignment rule and a rate rule.
VIRUS_IFN_TCELLS = """
function hillAct(x, K, n)
  x^n/(K^n + x^n)
end
model virus_ifn_tcells
  compartment lung = 1;
  species U in lung, I in lung, V in lung, F in lung, T in lung;
  U = 1e7; I = 0; V = 10; F = 0; T = 100;
  infect: U + V -> I + V; beta*U*V/(1 + phi*F);
  kill: I -> ; delta*I + kT*T*I;
  produce: -> V; p*I/(1 + eps*F);
  clear: V -> ; c*V;
  ifn: -> F; qF*I;
  ifnDecay: F -> ; dF*F;
  prolif: -> T; rT*T*hillAct(V, KV, 2)*piecewise(1, time > tDelay, 0.2);
  tdeath: T -> ; dT*T;
  uptake: V -> ; vmax*V/(Km + V);
  viralLoad := log10(V + 1);
  damage' = kD*I - rD*damage;
  damage = 0;
  beta = 3e-6; phi = 1e-2; delta = 0.5; kT = 1e-4; p = 20; eps = 0.05;
  c = 2; qF = 1e-3; dF = 1.5; rT = 1.2; KV = 1e3; tDelay = 4; dT = 0.3;
  vmax = 50; Km = 1e4; kD = 1e-6; rD = 0.1;
end
"""

# Compartments of volume 5 and 0.25, species in concentration (and one in amount), transport between the
# compartments (amounts are conserved, concentrations jump by the volume ratio), a dose event at t = 3.05.
TWO_COMPARTMENTS = """
model two_compartments
  compartment blood = 5, tissue = 0.25;
  species A in blood, B in tissue, C in tissue;
  substanceOnly species D in tissue;
  A = 2; B = 0; C = 0; D = 1;
  transport: A -> B; kt*A*blood;
  back: B -> A; kb*B*tissue;
  bind: B -> C; kc*B*tissue;
  convert: C -> D; kd*C*tissue;
  kt = 0.8; kb = 0.3; kc = 0.5; kd = 0.2;
  dose: at time >= 3.05: A = A + 1;
end
"""


def node(*args, cwd):
    """Runs the immunotwin CLI; fails the test with its stderr when it fails."""
    if not CLI.exists():
        raise AssertionError(f"{CLI} is missing; build the packages first (npx tsc -b)")
    result = subprocess.run(["node", str(CLI), *args], cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        raise AssertionError(f"immunotwin {' '.join(args)} failed ({result.returncode}):\n{result.stderr}")
    return result


def read_csv(path):
    with open(path, newline="") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    return {name: [float(row[j]) for row in rows[1:]] for j, name in enumerate(header)}


def antimony_to_sbml(text):
    antimony.clearPreviousLoads()
    if antimony.loadAntimonyString(text) < 0:
        raise AssertionError(antimony.getLastError())
    return antimony.getSBMLString(antimony.getMainModuleName())


def selections_for(sbml, observables):
    """Roadrunner selections giving each observable as SBML reports it: [S] for a species in concentration."""
    root = ElementTree.fromstring(sbml)
    amount_only = {
        species.get("id"): species.get("hasOnlySubstanceUnits") == "true" for species in root.iter(f"{SBML_CORE}species")
    }
    return [f"[{o}]" if o in amount_only and not amount_only[o] else o for o in observables]


def roadrunner_run(sbml, observables, duration, interval, time_factor=1):
    """Simulates with libRoadRunner; times (in SBML time units) are divided by time_factor to match ours."""
    runner = roadrunner.RoadRunner(sbml)
    runner.integrator.relative_tolerance = 1e-12
    runner.integrator.absolute_tolerance = 1e-14
    runner.integrator.maximum_num_steps = 1_000_000
    points = round(duration / interval) + 1
    result = runner.simulate(0, duration * time_factor, points, ["time", *selections_for(sbml, observables)])
    columns = [list(result[:, j]) for j in range(result.shape[1])]
    return {"time": [t / time_factor for t in columns[0]], **dict(zip(observables, columns[1:]))}


def in_minutes(sbml):
    """The same SBML with its time unit declared as the minute (60 s)."""
    definition = (
        '<listOfUnitDefinitions><unitDefinition id="minute_unit"><listOfUnits>'
        '<unit kind="second" exponent="1" scale="0" multiplier="60"/></listOfUnits></unitDefinition></listOfUnitDefinitions>'
    )
    head, rest = sbml.split("<model ", 1)
    attributes, body = rest.split(">", 1)
    return f'{head}<model timeUnits="minute_unit" {attributes}>{definition}{body}'


class AgreementCase(unittest.TestCase):
    def setUp(self):
        if IMPORT_ERROR is not None:
            self.fail(IMPORT_ERROR)
        self.directory = tempfile.TemporaryDirectory()
        self.path = Path(self.directory.name)
        self.addCleanup(self.directory.cleanup)

    def assert_agreement(self, ours, reference, observables):
        """Checks every sample of every observable; returns the largest relative difference seen."""
        self.assertEqual(len(ours["time"]), len(reference["time"]))
        for a, b in zip(ours["time"], reference["time"]):
            self.assertAlmostEqual(a, b, places=9)
        worst = 0.0
        for name in observables:
            scale = max(abs(v) for v in reference[name])
            for t, a, b in zip(reference["time"], ours[name], reference[name]):
                denominator = max(abs(b), FLOOR * scale, 1e-300)
                difference = abs(a - b) / denominator
                worst = max(worst, difference)
                self.assertLessEqual(
                    difference, RELATIVE, f"{name} at t = {t}: immunotwin {a!r}, roadrunner {b!r} (relative {difference:.3g})"
                )
        return worst

    def run_ours(self, scenario, *plugin):
        (self.path / "scenario.json").write_text(json.dumps(scenario))
        extra = ["--plugin", plugin[0]] if plugin else []
        node("run", "scenario.json", *extra, "--out", "out.csv", "--quiet", cwd=self.path)
        return read_csv(self.path / "out.csv")


class ImportedModelsAgreeWithRoadRunner(AgreementCase):
    def check(self, antimony_text, duration, interval, minutes_as_hours=False):
        sbml = antimony_to_sbml(antimony_text)
        if minutes_as_hours:
            sbml = in_minutes(sbml)
        (self.path / "model.xml").write_text(sbml)
        unit = ["--time-unit", "hour"] if minutes_as_hours else []
        imported = node("import-sbml", "model.xml", "--out", "model.json", *unit, cwd=self.path)
        manifest = json.loads((self.path / "model.json").read_text())
        observables = [o["id"] for o in manifest["observables"]]
        schedule = []
        marker = '"interventions": '
        if marker in imported.stderr:
            schedule = json.loads(imported.stderr.split(marker, 1)[1].strip())
        scenario = {
            "model": manifest["id"],
            "duration": duration,
            "outputInterval": interval,
            "solver": SOLVER,
            "interventions": schedule,
        }
        ours = self.run_ours(scenario, "model.json")
        self.assertEqual(list(ours), ["time", *observables])
        reference = roadrunner_run(sbml, observables, duration, interval, 60 if minutes_as_hours else 1)
        worst = self.assert_agreement(ours, reference, observables)
        label = " (minutes read as hours)" if minutes_as_hours else ""
        print(f"\n{manifest['id']}{label}: largest relative difference {worst:.2e} over {len(observables)} observables")
        return manifest, ours

    def test_target_cell_limited_virus(self):
        manifest, ours = self.check(TARGET_CELL_LIMITED, 10, 0.25)
        self.assertGreater(max(ours["V"]), 1e4)  # the infection takes off

    def test_virus_interferon_t_cells_with_rules_and_piecewise(self):
        manifest, ours = self.check(VIRUS_IFN_TCELLS, 12, 0.2)
        self.assertIn("viralLoad", ours)
        self.assertIn("damage", ours)
        self.assertGreater(max(ours["damage"]), 0)

    def test_compartments_concentrations_and_an_event(self):
        manifest, ours = self.check(TWO_COMPARTMENTS, 8, 0.1)
        self.assertEqual([k["kind"] for k in manifest["interventions"]], ["dose"])
        # The dose adds 1 (concentration) to blood of volume 5: 5 amount units.
        self.assertEqual(manifest["interventions"][0]["effects"], [{"type": "add", "species": "A", "amount": "1 * blood"}])


    def test_a_time_unit_in_minutes_converted_to_hours(self):
        # The rates are per minute and the dose comes at minute 3.05: in hours, rates x 60 and the dose at 3.05/60.
        manifest, ours = self.check(TWO_COMPARTMENTS, 0.2, 0.005, minutes_as_hours=True)
        self.assertEqual(manifest["timeUnit"], "hour")
        self.assertEqual(manifest["interventions"][0]["kind"], "dose")


class ExportedBuiltInsAgreeWithRoadRunner(AgreementCase):
    def check(self, model, duration, interval):
        node("export-sbml", model, "--out", "model.xml", cwd=self.path)
        sbml = (self.path / "model.xml").read_text()
        scenario = {"model": model, "duration": duration, "outputInterval": interval, "solver": SOLVER}
        ours = self.run_ours(scenario)
        observables = list(ours)[1:]
        reference = roadrunner_run(sbml, observables, duration, interval)
        worst = self.assert_agreement(ours, reference, observables)
        print(f"\n{model} (exported): largest relative difference {worst:.2e} over {len(observables)} observables")

    def test_target_cell_limited(self):
        self.check("target-cell-limited", 10, 0.25)

    def test_virus_innate_adaptive(self):
        self.check("virus-innate-adaptive", 21, 0.25)


if __name__ == "__main__":
    unittest.main()
