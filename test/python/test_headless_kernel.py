"""The headless twin kernel's check for Node.js: the error a user without Node (or with an old one) reads."""

import os
import stat
import tempfile
import unittest
from pathlib import Path
from unittest import mock

from immunotwin.headless_kernel import NodeUnavailable, find_node


class FindNode(unittest.TestCase):
    def test_no_node_on_path_names_what_to_install(self):
        with tempfile.TemporaryDirectory() as empty, mock.patch.dict(os.environ, {"PATH": empty}):
            with self.assertRaises(NodeUnavailable) as raised:
                find_node()
        self.assertIn("Node.js 20 or later", str(raised.exception))
        self.assertIn("no `node` on PATH", str(raised.exception))

    def test_an_old_node_is_refused_with_its_version(self):
        with tempfile.TemporaryDirectory() as folder, mock.patch.dict(os.environ, {"PATH": folder}):
            old = Path(folder) / "node"
            old.write_text("#!/bin/sh\necho v18.19.0\n")
            old.chmod(old.stat().st_mode | stat.S_IEXEC)
            with self.assertRaises(NodeUnavailable) as raised:
                find_node()
        self.assertIn("needs Node.js 20 or later", str(raised.exception))
        self.assertIn("v18.19.0", str(raised.exception))

    def test_the_node_running_these_tests_is_accepted(self):
        self.assertTrue(Path(find_node()).name.startswith("node"))


if __name__ == "__main__":
    unittest.main()
