//! Stdio tool-call latency: `echo` on server-everything, through `McpClient` and through
//! `McpSupervisor`, plus spawn+initialize time. Prints p50/p95 from its own samples, runs
//! criterion for the mean, then runs scripts/bench-mcp-python.py (the official Python SDK,
//! same server, same tool) when its venv exists, so both numbers come from one machine.
//!
//!     export UTTER_MCP_FIXTURES="$(scripts/mcp-fixtures.sh --python)"
//!     cargo bench --bench mcp

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::Criterion;
use serde_json::json;
use utter::mcp::{McpClient, McpOptions, McpServerSpec, McpSupervisor};

const WARMUP: usize = 200;
const CALLS: usize = 500;
const SPAWNS: usize = 5;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    // Nearest-rank, as in the Python script.
    let rank = ((p / 100.0 * sorted.len() as f64).round() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

fn report(label: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let mean = samples.iter().sum::<Duration>() / samples.len() as u32;
    println!(
        "{label:<28} n={}  p50={:.3} ms  p95={:.3} ms  mean={:.3} ms",
        samples.len(),
        percentile(&samples, 50.0).as_secs_f64() * 1e3,
        percentile(&samples, 95.0).as_secs_f64() * 1e3,
        mean.as_secs_f64() * 1e3,
    );
}

fn spec(fixtures: &Path) -> McpServerSpec {
    let entry = fixtures.join("@modelcontextprotocol/server-everything/dist/index.js");
    McpServerSpec::stdio(
        "everything",
        "node",
        [entry.to_string_lossy().into_owned(), "stdio".into()],
    )
}

fn main() {
    let Some(fixtures) = std::env::var_os("UTTER_MCP_FIXTURES").map(PathBuf::from) else {
        eprintln!(
            "UTTER_MCP_FIXTURES is not set; run `export UTTER_MCP_FIXTURES=\"$(scripts/mcp-fixtures.sh --python)\"` first"
        );
        std::process::exit(2);
    };
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => panic!("tokio runtime: {e}"),
    };
    let spec = spec(&fixtures);
    let options = McpOptions::default();
    let args = json!({"message": "hi"});

    // Spawn + initialize.
    let spawns: Vec<Duration> = (0..SPAWNS)
        .map(|_| {
            rt.block_on(async {
                let start = Instant::now();
                let client = McpClient::connect(&spec, &options).await.unwrap();
                let took = start.elapsed();
                client.close().await;
                took
            })
        })
        .collect();

    let client = rt.block_on(McpClient::connect(&spec, &options)).unwrap();
    let supervisor = McpSupervisor::with_servers([spec.clone()], options.clone()).unwrap();
    let samples = |call: &dyn Fn() -> Duration| -> Vec<Duration> {
        for _ in 0..WARMUP {
            call();
        }
        (0..CALLS).map(|_| call()).collect()
    };
    let direct = samples(&|| {
        rt.block_on(async {
            let start = Instant::now();
            let r = client.call_tool("echo", args.clone()).await.unwrap();
            let took = start.elapsed();
            assert_eq!(r.text, "Echo: hi");
            took
        })
    });
    let supervised = samples(&|| {
        rt.block_on(async {
            let start = Instant::now();
            supervisor
                .call_tool("everything", "echo", args.clone())
                .await
                .unwrap();
            start.elapsed()
        })
    });

    println!();
    report("rust rmcp  spawn+initialize", spawns);
    report("rust rmcp  stdio echo", direct);
    report("rust rmcp  supervisor echo", supervised);

    let mut criterion = Criterion::default()
        .configure_from_args()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    criterion.bench_function("mcp/stdio_echo", |b| {
        b.iter(|| rt.block_on(client.call_tool("echo", args.clone())).unwrap())
    });
    criterion.bench_function("mcp/supervisor_echo", |b| {
        b.iter(|| {
            rt.block_on(supervisor.call_tool("everything", "echo", args.clone()))
                .unwrap()
        })
    });
    criterion.final_summary();
    rt.block_on(async {
        client.close().await;
        supervisor.shutdown().await;
    });

    python_baseline(&fixtures);
}

/// The same measurement with the official Python SDK, if scripts/mcp-fixtures.sh --python
/// installed it next to the node fixtures.
fn python_baseline(fixtures: &Path) {
    let python = fixtures
        .parent()
        .map(|cache| cache.join("venv/bin/python"))
        .filter(|p| p.is_file());
    let Some(python) = python else {
        println!("(no Python baseline: run scripts/mcp-fixtures.sh --python to install it)");
        return;
    };
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/bench-mcp-python.py");
    let out = std::process::Command::new(python)
        .arg(script)
        .arg(fixtures)
        .args([
            "--calls",
            &CALLS.to_string(),
            "--warmup",
            &WARMUP.to_string(),
        ])
        .output();
    match out {
        Ok(out) if out.status.success() => print!("{}", String::from_utf8_lossy(&out.stdout)),
        Ok(out) => println!(
            "Python baseline failed: {}",
            String::from_utf8_lossy(&out.stderr)
                .lines()
                .last()
                .unwrap_or("")
        ),
        Err(e) => println!("Python baseline could not run: {e}"),
    }
}
