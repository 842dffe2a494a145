#!/usr/bin/env python3
"""Stdio tool-call latency with the official Python MCP SDK, for comparison with
`cargo bench --bench mcp` (same server, same tool, same machine).

    FIX="$(scripts/mcp-fixtures.sh --python)"
    "$(dirname "$FIX")/venv/bin/python" scripts/bench-mcp-python.py "$FIX" [--calls N] [--list-tools]

Prints spawn+initialize time and p50/p95/mean of `echo` calls on server-everything.
"""

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client


def percentile(sorted_ms: list[float], p: float) -> float:
    # Nearest-rank, the same definition the Rust bench prints.
    rank = max(1, round(p / 100 * len(sorted_ms)))
    return sorted_ms[min(rank, len(sorted_ms)) - 1]


async def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("fixtures", help="node_modules folder printed by scripts/mcp-fixtures.sh")
    parser.add_argument("--calls", type=int, default=500)
    parser.add_argument("--warmup", type=int, default=50)
    parser.add_argument("--list-tools", action="store_true")
    args = parser.parse_args()

    server = Path(args.fixtures) / "@modelcontextprotocol/server-everything/dist/index.js"
    if not server.is_file():
        print(f"missing {server}; run scripts/mcp-fixtures.sh first", file=sys.stderr)
        return 2
    params = StdioServerParameters(command="node", args=[str(server), "stdio"])

    started = time.perf_counter()
    async with stdio_client(params, errlog=open("/dev/null", "w")) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            init_ms = (time.perf_counter() - started) * 1000
            if args.list_tools:
                tools = await session.list_tools()
                for tool in tools.tools:
                    hints = tool.annotations
                    print(f"{tool.name}\t{hints}")
            for _ in range(args.warmup):
                await session.call_tool("echo", {"message": "hi"})
            samples = []
            for _ in range(args.calls):
                t0 = time.perf_counter()
                result = await session.call_tool("echo", {"message": "hi"})
                samples.append((time.perf_counter() - t0) * 1000)
                if result.is_error:
                    print(f"echo failed: {result}", file=sys.stderr)
                    return 1
    samples.sort()
    print(
        f"python mcp SDK  stdio echo  n={len(samples)}  "
        f"p50={percentile(samples, 50):.3f} ms  p95={percentile(samples, 95):.3f} ms  "
        f"mean={statistics.fmean(samples):.3f} ms  spawn+initialize={init_ms:.0f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
