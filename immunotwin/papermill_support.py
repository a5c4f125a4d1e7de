"""Papermill parameters for the twin kernels: ``papermill in.ipynb out.ipynb -k immunotwin-headless-<model> -p seed 7``.

Papermill writes the parameters as code in the kernel's language with a translator it finds by kernel name or
language, among those registered in its own process; it has no plugin hook for translators. It does load the
``papermill.engine`` entry points when it starts, so the package declares one, ``immunotwin`` (papermill's own
nbclient engine under another name), and loading this module registers the TypeScript translator.
"""

from __future__ import annotations

import json
import re
from typing import Any

from papermill.engines import NBClientEngine
from papermill.exceptions import PapermillException
from papermill.models import Parameter
from papermill.translators import Translator, papermill_translators


class TwinParameterTranslator(Translator):
    """Parameters as TypeScript constants: ``const seed = 7;`` (a later cell may declare a constant again)."""

    @classmethod
    def translate(cls, val: Any) -> str:
        """A JSON value is a JavaScript literal; NaN and infinities have none and are refused."""
        try:
            return json.dumps(val, allow_nan=False)
        except ValueError as error:
            raise ValueError(f"papermill parameter {val!r} has no JSON form for a twin kernel") from error

    @classmethod
    def comment(cls, cmt_str: str) -> str:
        """A line comment."""
        return f"// {cmt_str}".strip()

    @classmethod
    def assign(cls, name: str, str_val: str) -> str:
        """One constant."""
        return f"const {name} = {str_val};"

    DECLARATION = re.compile(
        r"^\s*(?:const|let|var)\s+(?P<name>[A-Za-z_$][\w$]*)\s*(?::\s*(?P<type>[^=]+?))?\s*=\s*(?P<value>.*?);?"
        r"\s*(?://\s*(?P<help>.*))?$"
    )
    """One declaration a line in the cell tagged ``parameters``: ``const seed = 1; // the run's seed``."""

    @classmethod
    def inspect(cls, parameters_cell: Any) -> list[Parameter]:
        """The parameters the notebook declares (``papermill --help-notebook``, and no "unknown parameter" warning)."""
        found = []
        for line in str(parameters_cell.source).splitlines():
            match = cls.DECLARATION.match(line)
            if match:
                found.append(
                    Parameter(
                        name=match["name"],
                        inferred_type_name=(match["type"] or "None").strip(),
                        default=match["value"].strip(),
                        help=(match["help"] or "").strip(),
                    )
                )
        return found


class TwinEngine(NBClientEngine):
    """Papermill's nbclient engine, under the entry point that makes papermill load this module."""


# Registered for the language the twin kernels declare, unless another package already registered one for it.
try:
    papermill_translators.find_translator("", "typescript")
except PapermillException:  # none for TypeScript yet
    papermill_translators.register("typescript", TwinParameterTranslator)
