"""Drives an installed kernel through jupyter_client as a notebook front end would; for test/headless.test.ts.

``python headless_session.py KERNEL_NAME`` reads a JSON list of steps on stdin and prints, as JSON, one record per
step. A step is ``{"code": "..."}`` (optionally with ``"interrupt_after": seconds``: jupyter_client's
``interrupt_kernel``, which signals the kernel's process group as nbclient and JupyterLab do), ``{"restart": true}``
(``restart_kernel``) or ``{"kernel_info": true}``. A record is ``{"reply": content, "outputs": [{"type", "content"}],
"seconds"}``.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from typing import Any

from jupyter_client.manager import start_new_kernel

OUTPUT_TYPES = {"stream", "display_data", "update_display_data", "execute_result", "error", "clear_output"}


def run_code(km: Any, kc: Any, step: dict[str, Any]) -> dict[str, Any]:
    """Runs one cell; collects its iopub outputs until the kernel is idle again."""
    started = time.monotonic()
    msg_id = kc.execute(step["code"])
    timer = None
    if "interrupt_after" in step:
        timer = threading.Timer(step["interrupt_after"], km.interrupt_kernel)
        timer.start()
    reply = kc.get_shell_msg(timeout=120)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=120)
    outputs = []
    while True:
        msg = kc.get_iopub_msg(timeout=30)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind = msg["header"]["msg_type"]
        if kind in OUTPUT_TYPES:
            outputs.append({"type": kind, "content": msg["content"]})
        if kind == "status" and msg["content"]["execution_state"] == "idle":
            break
    if timer is not None:
        timer.join()
    return {"reply": reply["content"], "outputs": outputs, "seconds": time.monotonic() - started}


def main() -> None:
    """Runs the steps read from stdin in one kernel and prints their records."""
    steps = json.load(sys.stdin)
    km, kc = start_new_kernel(kernel_name=sys.argv[1], startup_timeout=60)
    records = []
    try:
        for step in steps:
            if step.get("restart"):
                kc.stop_channels()
                km.restart_kernel(now=False)
                kc = km.client()
                kc.start_channels()
                kc.wait_for_ready(timeout=60)
                records.append({"reply": {"status": "ok"}, "outputs": [], "seconds": 0})
            elif step.get("kernel_info"):
                kc.kernel_info()
                records.append({"reply": kc.get_shell_msg(timeout=30)["content"], "outputs": [], "seconds": 0})
            else:
                records.append(run_code(km, kc, step))
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
    json.dump(records, sys.stdout)


if __name__ == "__main__":
    main()
