# nbgrader configuration for the ImmunoTwin lessons: copy it into your course folder (beside source/).
# The lessons are TypeScript notebooks on the twin kernels; this tells nbgrader what to put where a solution was
# (the same stub scripts/write-lessons.mjs puts in notebooks/lessons/), that teacher notes are not released, and how
# long a cell may take.
from nbconvert.preprocessors import TagRemovePreprocessor
from nbgrader.converters import GenerateAssignment

c = get_config()  # noqa: F821 (nbgrader's config loader defines it)

# The teacher notes (cells tagged teacher-notes) stay out of the students' release, as in notebooks/lessons/.
c.GenerateAssignment.preprocessors = [
    TagRemovePreprocessor,
    *GenerateAssignment.class_traits()["preprocessors"].default(),
]
c.TagRemovePreprocessor.enabled = True
c.TagRemovePreprocessor.remove_cell_tags = {"teacher-notes"}

c.ClearSolutions.code_stub = {
    "typescript": "// YOUR ANSWER HERE\nthrow new Error('No answer yet: replace these two lines with your code');",
}

# Autograding runs outside the browser, on the headless twin kernels (installed with `pip install immunotwin`; they
# need Node.js 20+). They are installed under the in-browser kernels' names too, so nbgrader runs each lesson on
# the kernel its notebook names, with no kernel-name setting.
c.ExecutePreprocessor.timeout = 120
