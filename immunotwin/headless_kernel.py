"""The headless twin kernel: a Jupyter kernel process for ImmunoTwin's twin models, for ``jupyter nbconvert
--execute``, papermill, nbgrader and VS Code, which run notebooks without a browser.

An ipykernel wrapper kernel: ipykernel speaks the Jupyter protocol (ZeroMQ sockets, signing, heartbeat, control
channel), and every request is handed to a Node.js child that runs the same ``TwinKernel`` as the in-browser kernel
(``immunotwin/headless/kernel.js``, bundled from ``@immunotwin/kernel``), one JSON message a line over stdin/stdout.
The child's outputs are published as they come, so results, MIME bundles, streams and tracebacks are the browser
kernel's own. Installed as one kernelspec per model, ``immunotwin-headless-<model>``, run as
``python -m immunotwin.headless_kernel --model <model> -f <connection file>``.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from ipykernel.kernelapp import IPKernelApp, kernel_aliases
from ipykernel.kernelbase import Kernel
from traitlets import Unicode

from . import __version__

KERNEL_SCRIPT = Path(__file__).parent / "headless" / "kernel.js"
"""The Node side, bundled by ``scripts/bundle-headless-kernel.mjs`` into the package."""

MINIMUM_NODE_MAJOR = 20
"""The oldest Node.js the bundle runs on (``engines.node`` of the npm packages)."""

OUTPUT_MESSAGES = frozenset(
    {"stream", "display_data", "update_display_data", "execute_result", "error", "clear_output"}
)
"""The iopub messages of the Node kernel that carry output (its status and execute_input are ipykernel's to send)."""


class NodeUnavailable(RuntimeError):
    """Node.js is missing or too old to run the headless kernel."""


def find_node() -> str:
    """The path of a ``node`` ≥ 20 on PATH, else a :class:`NodeUnavailable` saying what to install."""
    node = shutil.which("node")
    if node is None:
        raise NodeUnavailable(
            f"The ImmunoTwin headless kernel runs its twins in Node.js {MINIMUM_NODE_MAJOR} or later, "
            "and there is no `node` on PATH. Install Node.js (https://nodejs.org) and restart the kernel."
        )
    version = subprocess.run([node, "--version"], capture_output=True, text=True, check=False).stdout.strip()
    major = version.lstrip("v").split(".")[0]
    if not major.isdigit() or int(major) < MINIMUM_NODE_MAJOR:
        raise NodeUnavailable(
            f"The ImmunoTwin headless kernel needs Node.js {MINIMUM_NODE_MAJOR} or later; "
            f"`{node} --version` says {version or 'nothing'}."
        )
    return node


class NodeTwinKernel:
    """The Node child running one model's ``TwinKernel``: requests in, the messages they cause out."""

    def __init__(self, model: str) -> None:
        if not KERNEL_SCRIPT.exists():
            raise NodeUnavailable(f"The headless kernel's Node bundle is missing ({KERNEL_SCRIPT}); rebuild the package.")
        # A session of its own: Jupyter's interrupt signals the kernel's process group, and this wrapper forwards
        # exactly one SIGINT per interrupt it receives (see request).
        self._process = subprocess.Popen(
            [find_node(), str(KERNEL_SCRIPT), "--model", model],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            bufsize=1,
            start_new_session=True,
        )
        self._messages: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self._session = str(uuid.uuid4())
        assert self._process.stdout is not None and self._process.stderr is not None
        threading.Thread(target=self._read_messages, args=(self._process.stdout,), daemon=True).start()
        # Node's own diagnostics go to the kernel's log (the terminal of the server), not into notebook outputs.
        threading.Thread(target=self._copy_stderr, args=(self._process.stderr,), daemon=True).start()

    def _read_messages(self, stdout: IO[str]) -> None:
        for line in stdout:
            try:
                self._messages.put(json.loads(line))
            except ValueError:
                sys.__stderr__.write(line)
        self._messages.put(None)

    @staticmethod
    def _copy_stderr(stderr: IO[str]) -> None:
        for line in stderr:
            sys.__stderr__.write(line)

    @property
    def alive(self) -> bool:
        """Whether the Node process is running."""
        return self._process.poll() is None

    def interrupt(self) -> None:
        """Stops the running cell (the Node kernel's SIGINT handler interrupts it)."""
        if self.alive:
            os.kill(self._process.pid, signal.SIGINT)

    def request(
        self, msg_type: str, content: dict[str, Any], on_output: Callable[[str, dict[str, Any]], None]
    ) -> dict[str, Any]:
        """Sends one request; hands each output it causes to ``on_output`` as it comes; returns the reply's content.

        A KeyboardInterrupt meanwhile (ipykernel's SIGINT handler during a request) interrupts the Node kernel, and
        the reply, a KeyboardInterrupt error, is still awaited. Raises RuntimeError when the Node process exits.
        """
        msg_id = str(uuid.uuid4())
        header = {"msg_id": msg_id, "msg_type": msg_type, "session": self._session, "username": "", "version": "5.3"}
        message = {"header": header, "parent_header": {}, "metadata": {}, "content": content, "channel": "shell"}
        assert self._process.stdin is not None
        try:
            self._process.stdin.write(json.dumps(message) + "\n")
            self._process.stdin.flush()
        except OSError as error:
            raise RuntimeError(self._exit_message()) from error
        while True:
            try:
                reply = self._messages.get(timeout=1.0)
            except queue.Empty:
                continue
            except KeyboardInterrupt:
                self.interrupt()
                continue
            if reply is None:
                raise RuntimeError(self._exit_message())
            if reply.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind = reply["header"]["msg_type"]
            if reply.get("channel") == "shell":
                return reply["content"]
            if kind in OUTPUT_MESSAGES:
                on_output(kind, reply["content"])

    def _exit_message(self) -> str:
        code = self._process.wait(timeout=5)
        return f"The twin kernel's Node.js process exited (code {code}); its state is lost."

    def close(self) -> None:
        """Ends the Node process: closing its stdin lets it dispose of its workers; killed if it lingers."""
        try:
            if self._process.stdin:
                self._process.stdin.close()
            self._process.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            self._process.kill()
            self._process.wait()


class HeadlessTwinKernel(Kernel):
    """A twin model's kernel outside the browser: ipykernel's protocol handling around the Node ``TwinKernel``."""

    implementation = "immunotwin-headless"
    implementation_version = __version__
    model = Unicode("", help="The id of the twin model the kernel's `twin` is (e.g. target-cell-limited).").tag(
        config=True
    )

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._node: NodeTwinKernel | None = None
        info = self._twin().request("kernel_info_request", {}, lambda _kind, _content: None)
        self.language_info = info["language_info"]
        self.banner = f"{info['banner']}\n(headless: Node.js {self._node_version()})"
        self.help_links = info.get("help_links", [])

    @staticmethod
    def _node_version() -> str:
        return subprocess.run([find_node(), "--version"], capture_output=True, text=True, check=False).stdout.strip()

    def _twin(self) -> NodeTwinKernel:
        """The Node kernel, started again (with a note on stderr) when the last one exited."""
        if self._node is not None and not self._node.alive:
            self._node = None
            self._publish("stream", {"name": "stderr", "text": "The twin kernel's Node.js process was restarted.\n"})
        if self._node is None:
            self._node = NodeTwinKernel(self.model)
        return self._node

    def _publish(self, kind: str, content: dict[str, Any]) -> None:
        if kind == "execute_result":
            content = {**content, "execution_count": self.execution_count}
        self.send_response(self.iopub_socket, kind, content)

    def _forward(self, msg_type: str, content: dict[str, Any], publish: bool = False) -> dict[str, Any]:
        try:
            return self._twin().request(msg_type, content, self._publish if publish else lambda _k, _c: None)
        except RuntimeError as error:
            reply = {"status": "error", "ename": "KernelDied", "evalue": str(error), "traceback": [str(error)]}
            if publish:
                self._publish("error", {k: reply[k] for k in ("ename", "evalue", "traceback")})
            return reply

    def do_execute(  # noqa: PLR0913 (ipykernel's signature)
        self,
        code: str,
        silent: bool,
        store_history: bool = True,
        user_expressions: dict[str, Any] | None = None,
        allow_stdin: bool = False,
        *,
        cell_meta: dict[str, Any] | None = None,
        cell_id: str | None = None,
    ) -> dict[str, Any]:
        """Runs a cell in the Node kernel, publishing its outputs as they come."""
        content = {
            "code": code,
            "silent": silent,
            "store_history": store_history,
            "user_expressions": user_expressions or {},
            "allow_stdin": False,
            "stop_on_error": True,
        }
        reply = self._forward("execute_request", content, publish=not silent)
        return {**reply, "execution_count": self.execution_count}

    def do_complete(self, code: str, cursor_pos: int) -> dict[str, Any]:
        """Completion from the twin kernel (the twin API and the model's parameters)."""
        return self._forward("complete_request", {"code": code, "cursor_pos": cursor_pos})

    def do_inspect(self, code: str, cursor_pos: int, detail_level: int = 0, omit_sections: Any = ()) -> dict[str, Any]:
        """Inspection from the twin kernel (units, ranges and sources of parameters)."""
        return self._forward("inspect_request", {"code": code, "cursor_pos": cursor_pos, "detail_level": detail_level})

    def do_is_complete(self, code: str) -> dict[str, Any]:
        """Whether ``code`` is a complete cell."""
        return self._forward("is_complete_request", {"code": code})

    def do_shutdown(self, restart: bool) -> dict[str, Any]:
        """Ends the Node process (a restart starts a new kernel process, and with it a new Node one)."""
        if self._node is not None:
            self._node.close()
            self._node = None
        return {"status": "ok", "restart": restart}


class HeadlessTwinKernelApp(IPKernelApp):
    """ipykernel's kernel application with ``--model``."""

    name = "immunotwin-headless-kernel"
    aliases = {**kernel_aliases, "model": "HeadlessTwinKernel.model"}


def main() -> None:
    """Starts the kernel (the kernelspecs' command)."""
    HeadlessTwinKernelApp.launch_instance(kernel_class=HeadlessTwinKernel)


if __name__ == "__main__":
    main()
