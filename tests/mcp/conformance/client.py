#!/usr/bin/env python3
"""The client under test for the MCP conformance suite (npm @modelcontextprotocol/conformance):
every scenario drives the real `utter` CLI, as a user would, against the suite's servers.

The suite runs `client.py URL` with MCP_CONFORMANCE_SCENARIO and, for pre-registered clients,
MCP_CONFORMANCE_CONTEXT ({"client_id", "client_secret"}). Its authorization server approves at
once, so $BROWSER is a curl that follows the redirects back to Utter's loopback listener.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

# What the suite's authorization servers accept as a Client ID Metadata Document URL.
CIMD_URL = "https://conformance-test.local/client-metadata.json"


def main() -> int:
    url = sys.argv[-1]
    scenario = os.environ.get("MCP_CONFORMANCE_SCENARIO", "scenario")
    ctx = json.loads(os.environ.get("MCP_CONFORMANCE_CONTEXT") or "{}")
    utter = os.environ.get("UTTER", "utter")
    here = os.path.dirname(os.path.abspath(__file__))
    env = dict(
        os.environ,
        UTTER_DATA_DIR=tempfile.mkdtemp(prefix="utter-conformance-"),
        BROWSER=os.path.join(here, "follow-redirects.sh"),
    )
    # Keychain entries are per server name; one name per scenario keeps runs apart.
    name = "conf-" + re.sub(r"[^A-Za-z0-9]+", "-", scenario).strip("-")

    def run(*args, stdin=None, check=True):
        p = subprocess.run(
            [utter, *args], input=stdin, env=env, capture_output=True, text=True, timeout=60
        )
        sys.stderr.write(f"$ utter {' '.join(args)} -> {p.returncode}\n{p.stdout}{p.stderr}")
        if check and p.returncode != 0:
            sys.exit(p.returncode)
        return p

    add = ["mcp", "add", name, "--url", url]
    secret = None
    if ctx.get("client_id"):
        add += ["--client-id", ctx["client_id"]]
        if ctx.get("client_secret"):
            add.append("--client-secret-stdin")
            secret = ctx["client_secret"]
    run(*add, stdin=secret)
    run("settings", "set", "mcp.client_metadata_url", CIMD_URL)

    listed = run("mcp", "tools", name, "--json", "--sign-in")
    failed = 0
    for tool in json.loads(listed.stdout):
        args = arguments_for(tool.get("input_schema") or {})
        call = run("mcp", "call", name, tool["name"], json.dumps(args), "--json", "--sign-in",
                   check=False)
        failed |= call.returncode
    return failed


def arguments_for(schema: dict) -> dict:
    """Plain values of the right type for each required argument."""
    sample = {"number": 1, "integer": 1, "boolean": True, "string": "test", "array": [],
              "object": {}}
    props = schema.get("properties") or {}
    return {k: sample.get((props.get(k) or {}).get("type"), "test")
            for k in schema.get("required") or props.keys()}


if __name__ == "__main__":
    sys.exit(main())
