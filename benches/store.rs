//! Store benchmarks: `cargo bench --bench store`.
//! Targets (issue #3): list at 10k < 10 ms; move < 5 ms; FTS p95 < 20 ms at 100k rows.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{BatchSize, Criterion};
use utter::Service;
use utter::model::{NewTask, NewTranscript, Priority, Status, TaskFilter};

#[path = "common/board.rs"]
mod board;

fn task(i: usize) -> NewTask {
    let w = |k: usize| board::word(i, k);
    NewTask {
        title: board::title(i),
        description: Some(format!("{} {} {} {}", w(2), w(3), w(4), w(5))),
        priority: Some([Priority::Low, Priority::Medium, Priority::High][i % 3]),
        status: Some(Status::ALL[i % 4]),
        ..Default::default()
    }
}

fn filled(n: usize) -> (tempfile::TempDir, Arc<Service>) {
    let dir = tempfile::tempdir().unwrap();
    let svc = Service::open(dir.path()).unwrap();
    let tasks: Vec<NewTask> = (0..n).map(task).collect();
    svc.save_dump(
        NewTranscript {
            text: "bench".into(),
            ..Default::default()
        },
        tasks,
    )
    .unwrap();
    (dir, svc)
}

fn bench_insert(c: &mut Criterion) {
    let mut g = c.benchmark_group("insert");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.bench_function("10k tasks, one transaction each", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().unwrap();
                let svc = Service::open(dir.path()).unwrap();
                (dir, svc)
            },
            |(dir, svc)| {
                for i in 0..10_000 {
                    svc.create_task(task(i)).unwrap();
                }
                drop(dir);
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

fn bench_board(c: &mut Criterion) {
    let (_dir, svc) = filled(10_000);
    let mut g = c.benchmark_group("board@10k");
    g.bench_function("list all", |b| {
        b.iter(|| black_box(svc.list_tasks(&TaskFilter::default()).unwrap()))
    });
    let ids: Vec<i64> = svc
        .list_tasks(&TaskFilter::default())
        .unwrap()
        .iter()
        .map(|t| t.id)
        .collect();
    let mut k = 0usize;
    g.bench_function("move one (to a random index)", |b| {
        b.iter(|| {
            k += 1;
            let id = ids[(k * 7919) % ids.len()];
            black_box(
                svc.move_task(id, Status::ALL[k % 4], Some((k * 31) % 2500))
                    .unwrap(),
            )
        })
    });
    g.finish();
}

fn bench_search(c: &mut Criterion) {
    let (_dir, svc) = filled(100_000);
    let queries = [
        "renewal",
        "joe proposal",
        "acme",
        "quarterly budget",
        "deplo",
        "hiring offsite",
    ];
    let mut g = c.benchmark_group("fts@100k");
    for q in queries {
        g.bench_function(q, |b| b.iter(|| black_box(svc.search(q, 20).unwrap())));
    }
    g.finish();
    // Percentiles, which criterion does not report.
    let mut samples: Vec<Duration> = Vec::new();
    for round in 0..50 {
        for q in queries {
            let t = Instant::now();
            black_box(svc.search(q, 20).unwrap());
            if round > 0 {
                samples.push(t.elapsed());
            }
        }
    }
    let n = samples.len();
    let mut pct = |p: f64| board::percentile(&mut samples, p);
    println!(
        "fts@100k search latency over {} queries: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        n,
        pct(0.50).as_secs_f64() * 1e3,
        pct(0.95).as_secs_f64() * 1e3,
        pct(1.0).as_secs_f64() * 1e3
    );
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    bench_board(&mut c);
    bench_search(&mut c);
    bench_insert(&mut c);
    c.final_summary();
}
