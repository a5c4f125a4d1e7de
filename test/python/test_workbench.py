"""Tests of immunotwin.Workbench: the bundle a Python kernel displays, and its errors for bad input."""

import json
import unittest

from immunotwin import WORKBENCH_MIME_TYPE, Workbench


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
        ]
        for make, message in cases:
            with self.subTest(message=message):
                with self.assertRaisesRegex(ValueError, message):
                    make()


if __name__ == "__main__":
    unittest.main()
