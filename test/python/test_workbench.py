"""Tests of immunotwin.Workbench: the bundle a Python kernel displays, and its errors for bad input."""

import json
import unittest
from pathlib import Path

from jsonschema import Draft202012Validator

from immunotwin import WORKBENCH_MIME_TYPE, Workbench

SCHEMA = json.loads((Path(__file__).parents[2] / "schema" / "workbench-state.schema.json").read_text())
"""The workbench state's JSON Schema, written from the engine's definition (the one the widgets read with)."""


class WorkbenchBundle(unittest.TestCase):
    def test_the_bundle_holds_the_scenario_as_workbench_state(self):
        bench = Workbench(
            "target-cell-limited",
            preset="influenzaEclipse",
            interventions=[{"kind": "entryInhibitor", "start": 1, "stop": 4, "efficacy": 0.9}],
            duration=12,
            observables=["V", "I"],
            log_y=True,
            c=10,
        )
        bundle = bench._repr_mimebundle_()
        self.assertEqual(
            bundle[WORKBENCH_MIME_TYPE],
            {
                "version": 1,
                "scenario": {
                    "model": "target-cell-limited",
                    "preset": "influenzaEclipse",
                    "parameters": {"c": 10},
                    "interventions": [{"kind": "entryInhibitor", "start": 1, "stop": 4, "efficacy": 0.9}],
                    "duration": 12,
                },
                "observables": ["V", "I"],
                "view": {"logY": True},
            },
        )
        self.assertIn("target-cell-limited", bundle["text/plain"])
        # The state is JSON, as a notebook output must be.
        self.assertEqual(json.loads(json.dumps(bundle[WORKBENCH_MIME_TYPE])), bundle[WORKBENCH_MIME_TYPE])

    def test_a_band_goes_into_the_view(self):
        bench = Workbench("target-cell-limited", log_y=True, band={"kind": "cohort", "size": 20, "spread": 0.3})
        self.assertEqual(bench.state()["view"], {"logY": True, "band": {"kind": "cohort", "size": 20, "spread": 0.3}})
        self.assertEqual(
            Workbench("immune-system", band={"kind": "replicates", "size": 10}).state()["view"],
            {"band": {"kind": "replicates", "size": 10}},
        )

    def test_a_model_alone_gives_its_defaults(self):
        self.assertEqual(
            Workbench("target-cell-limited").state(), {"version": 1, "scenario": {"model": "target-cell-limited"}}
        )

    def test_bad_input_is_refused_with_where_and_what_is_allowed(self):
        cases = [
            (lambda: Workbench(""), r"model must be a model id"),
            (lambda: Workbench("target-cell-limited", c="fast"), r"parameter 'c' must be a finite number; got 'fast'"),
            (lambda: Workbench("target-cell-limited", c=float("nan")), r"parameter 'c' must be a finite number"),
            (lambda: Workbench("target-cell-limited", c=True), r"parameter 'c' must be a finite number; got True"),
            (lambda: Workbench("target-cell-limited", duration=0), r"duration must be > 0; got 0"),
            (lambda: Workbench("target-cell-limited", interventions=[{"start": 1}]), r"interventions\[0\]\.kind"),
            (
                lambda: Workbench("target-cell-limited", interventions=[{"kind": "entryInhibitor"}]),
                r"interventions\[0\]\.start is missing",
            ),
            (
                lambda: Workbench("target-cell-limited", interventions=[{"kind": "x", "start": "soon"}]),
                r"interventions\[0\]\.start must be a finite number; got 'soon'",
            ),
            (lambda: Workbench("target-cell-limited", interventions={"kind": "x"}), r"must be a list of dicts"),
            (lambda: Workbench("target-cell-limited", observables=[]), r"observables must be a non-empty list"),
            (lambda: Workbench("target-cell-limited", log_y="yes"), r"log_y must be True or False"),
            (lambda: Workbench("target-cell-limited", band="cohort"), r"band must be a dict such as"),
            (
                lambda: Workbench("target-cell-limited", band={"kind": "patients", "size": 20}),
                r"band\['kind'\] must be 'replicates' or 'cohort'; got 'patients'",
            ),
            (
                lambda: Workbench("target-cell-limited", band={"kind": "cohort", "size": 1}),
                r"band\['size'\] must be a whole number from 2 to 1000; got 1",
            ),
            (
                lambda: Workbench("target-cell-limited", band={"kind": "cohort", "size": 20.0}),
                r"band\['size'\] must be a whole number",
            ),
            (
                lambda: Workbench("target-cell-limited", band={"kind": "cohort", "size": 20, "spread": 0}),
                r"band\['spread'\] must be > 0; got 0",
            ),
            (
                lambda: Workbench("target-cell-limited", band={"kind": "cohort", "size": 20, "spread": 5}),
                r"band\['spread'\] must be > 0 and ≤ 3",
            ),
            (
                lambda: Workbench("target-cell-limited", band={"kind": "replicates", "size": 20, "spread": 0.3}),
                r"band\['spread'\] applies to a cohort only",
            ),
            (
                lambda: Workbench("target-cell-limited", band={"kind": "cohort", "size": 20, "parameters": []}),
                r"band\['parameters'\] must be a non-empty list",
            ),
            (
                lambda: Workbench("target-cell-limited", band={"kind": "cohort", "size": 20, "parameters": "c"}),
                r"band\['parameters'\] must be a non-empty list",
            ),
            (
                lambda: Workbench("target-cell-limited", band={"kind": "cohort", "size": 20, "colour": 1}),
                r"band\['colour'\] is not a band field",
            ),
        ]
        for make, message in cases:
            with self.subTest(message=message):
                with self.assertRaisesRegex(ValueError, message):
                    make()


class WorkbenchSchema(unittest.TestCase):
    """Every state the helper writes is valid under the engine's schema, so the widgets accept it."""

    def test_states_match_the_engine_schema(self):
        validator = Draft202012Validator(SCHEMA)
        benches = [
            Workbench("target-cell-limited"),
            Workbench("target-cell-limited", preset="influenzaEclipse", c=10, duration=12.5, log_y=False),
            Workbench(
                "immune-system",
                interventions=[
                    {"kind": "vaccination", "start": 0, "dose": 2000, "adjuvant": 1},
                    {"kind": "depleteCD8", "start": 2, "stop": 9},
                ],
                observables=["virus", "cd8Effector"],
                log_y=True,
                latticeSize=48,
            ),
            Workbench("target-cell-limited", band={"kind": "cohort", "size": 20}),
            Workbench(
                "target-cell-limited",
                log_y=True,
                band={"kind": "cohort", "size": 50, "spread": 0.5, "parameters": ["beta", "c"]},
            ),
            Workbench("immune-system", band={"kind": "replicates", "size": 10}),
        ]
        for bench in benches:
            with self.subTest(bench=repr(bench)):
                state = json.loads(json.dumps(bench._repr_mimebundle_()[WORKBENCH_MIME_TYPE]))
                errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(state)]
                self.assertEqual(errors, [])

    def test_the_schema_refuses_what_the_widgets_refuse(self):
        # The check above could not pass by accident: states the widgets refuse fail here too.
        validator = Draft202012Validator(SCHEMA)
        bad = [
            {"version": 2, "scenario": {"model": "target-cell-limited"}},
            {"version": 1, "scenario": {"model": "target-cell-limited"}, "view": {"speed": 0}},
            {"version": 1, "scenario": {"model": "Target Cell"}},
            {"version": 1, "scenario": {"model": "target-cell-limited"}, "colour": "red"},
            {
                "version": 1,
                "scenario": {"model": "target-cell-limited"},
                "view": {"band": {"kind": "cohort", "size": 1}},
            },
            {"version": 1, "scenario": {"model": "target-cell-limited"}, "view": {"band": {"kind": "cohort"}}},
        ]
        for state in bad:
            with self.subTest(state=state):
                self.assertFalse(validator.is_valid(state))


if __name__ == "__main__":
    unittest.main()
