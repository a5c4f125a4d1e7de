"""The lessons outside the browser: nbgrader releases a lesson and autogrades a correct submission with full marks and a
wrong one with fewer (on the headless kernels). Every teacher notebook's run through `jupyter nbconvert --execute` is
checked by the end-to-end lesson tests (ui-tests/lessonVerdict.ts): no error, one right verdict per graded cell, and
every output the same as the browser's."""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEACHER = ROOT / "notebooks" / "teacher"
BIN = Path(sys.executable).parent
LESSON = "r0-and-the-threshold"


def run(args, cwd=None):
    """Runs a command of the venv; fails the test with its output when it fails."""
    # nbgrader runs alembic from PATH: the venv's bin first.
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=300, env=env)
    if result.returncode != 0:
        raise AssertionError(f"{' '.join(map(str, args))} failed:\n{result.stdout}\n{result.stderr}")
    return result


def fill_in(release, teacher, wrong=None):
    """A student's copy of the released notebook with the teacher's solutions typed in; `wrong` replaces a text."""
    solutions = {c["metadata"]["nbgrader"]["grade_id"]: c["source"] for c in teacher["cells"] if c["metadata"].get("nbgrader", {}).get("solution")}
    copy = json.loads(json.dumps(release))
    for cell in copy["cells"]:
        grade_id = cell["metadata"].get("nbgrader", {}).get("grade_id")
        if grade_id in solutions:
            source = "".join(solutions[grade_id])
            source = re.sub(r"[ \t]*// (BEGIN|END) SOLUTION\n", "", source)
            if wrong:
                source = source.replace(*wrong)
            cell["source"] = source
    return copy


class LessonsNbgrader(unittest.TestCase):
    def test_autograde_gives_a_correct_copy_full_marks_and_a_wrong_one_fewer(self):
        with tempfile.TemporaryDirectory() as course:
            course = Path(course)
            shutil.copy(TEACHER / "nbgrader_config.py", course / "nbgrader_config.py")
            (course / "source" / LESSON).mkdir(parents=True)
            shutil.copy(TEACHER / f"{LESSON}.ipynb", course / "source" / LESSON / f"{LESSON}.ipynb")
            run([BIN / "nbgrader", "generate_assignment", LESSON, "--force"], cwd=course)
            release = json.loads((course / "release" / LESSON / f"{LESSON}.ipynb").read_text())
            teacher = json.loads((TEACHER / f"{LESSON}.ipynb").read_text())
            self.assertNotIn("BEGIN SOLUTION", json.dumps(release))
            # nbgrader's release is the student version the launcher offers (scripts/write-lessons.mjs), cell by cell.
            student = json.loads((ROOT / "notebooks" / "lessons" / f"{LESSON}.ipynb").read_text())
            self.assertEqual(["".join(c["source"]) for c in release["cells"]], ["".join(c["source"]) for c in student["cells"]])
            # One answer wrong: R0 without dividing by δ.
            copies = {
                "right": fill_in(release, teacher),
                "wrong": fill_in(release, teacher, wrong=("/ (c * delta)", "/ c")),
            }
            self.assertNotEqual(copies["right"], copies["wrong"])
            for student, notebook in copies.items():
                folder = course / "submitted" / student / LESSON
                folder.mkdir(parents=True)
                (folder / f"{LESSON}.ipynb").write_text(json.dumps(notebook))
            run([BIN / "nbgrader", "autograde", LESSON, "--force"], cwd=course)
            from nbgrader.api import Gradebook

            with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
                scores = {s: gradebook.find_submission(LESSON, s).score for s in copies}
                maximum = gradebook.find_assignment(LESSON).max_score
            self.assertEqual(maximum, 4)
            self.assertEqual(scores["right"], 4)
            # Only the R0 answer is wrong (the threshold and final size are computed independently of r0).
            self.assertEqual(scores["wrong"], 3)


if __name__ == "__main__":
    unittest.main()
