# nbgrader configuration for the ImmunoTwin lessons: copy it into your course folder (beside source/).
# The lessons are TypeScript notebooks on the twin kernels; this tells nbgrader what to put where a solution was
# (the same stub scripts/write-lessons.mjs puts in notebooks/lessons/) and which kernel grades them.
c = get_config()  # noqa: F821 (nbgrader's config loader defines it)

c.ClearSolutions.code_stub = {
    "typescript": "// YOUR ANSWER HERE\nthrow new Error('No answer yet: replace these two lines with your code');",
}

# Autograding runs outside the browser: the headless twin kernels (installed with `pip install immunotwin`, they need
# Node.js 20+). A lesson names its in-browser kernel (immunotwin-<model>); grade it on the headless one of the same
# model. Every lesson so far runs on the Within-host Twin.
c.ExecutePreprocessor.kernel_name = "immunotwin-headless-target-cell-limited"
c.ExecutePreprocessor.timeout = 120
