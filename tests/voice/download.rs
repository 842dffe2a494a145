//! The model downloader against a real HTTP server on 127.0.0.1.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use sha2::{Digest, Sha256};
use utter::stt::{DownloadProgress, ModelError, ModelInfo, ModelLanguage, ModelManager};

/// A minimal HTTP/1.1 file server with Range support that can cut the first N responses
/// short, to simulate a dropped connection.
pub struct Server {
    pub url: String,
    pub requests: Arc<Mutex<Vec<Option<String>>>>,
}

pub fn serve(body: Vec<u8>, cut_first: usize, cut_at: usize) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/ggml-test.bin", listener.local_addr().unwrap());
    let requests = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&requests);
    let body = Arc::new(body);
    let served = Arc::new(AtomicUsize::new(0));
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let body = Arc::clone(&body);
            let log = Arc::clone(&log);
            let n = served.fetch_add(1, Ordering::SeqCst);
            std::thread::spawn(move || handle(stream, &body, &log, n < cut_first, cut_at));
        }
    });
    Server { url, requests }
}

fn handle(
    mut stream: TcpStream,
    body: &[u8],
    log: &Mutex<Vec<Option<String>>>,
    cut: bool,
    cut_at: usize,
) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut range = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
        let lower = line.to_ascii_lowercase();
        if let Some(v) = lower.strip_prefix("range: bytes=") {
            range = Some(v.trim().trim_end_matches('-').to_owned());
        }
    }
    log.lock().unwrap().push(range.clone());
    let start: usize = range.as_deref().and_then(|r| r.parse().ok()).unwrap_or(0);
    let head = if range.is_some() {
        format!(
            "HTTP/1.1 206 Partial Content\r\nContent-Length: {}\r\nContent-Range: bytes {}-{}/{}\r\nConnection: close\r\n\r\n",
            body.len() - start,
            start,
            body.len() - 1,
            body.len()
        )
    } else {
        format!(
            "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        )
    };
    let _ = stream.write_all(head.as_bytes());
    let end = if cut {
        (start + cut_at).min(body.len())
    } else {
        body.len()
    };
    for chunk in body[start..end].chunks(64 * 1024) {
        if stream.write_all(chunk).is_err() {
            return;
        }
    }
    let _ = stream.flush();
    // Dropping the socket mid-body is the "cut connection".
    let _ = stream.shutdown(std::net::Shutdown::Both);
    let mut sink = Vec::new();
    let _ = reader.read_to_end(&mut sink);
}

pub fn body(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i * 31 % 251) as u8).collect()
}

pub fn sha(b: &[u8]) -> String {
    Sha256::digest(b)
        .iter()
        .map(|x| format!("{x:02x}"))
        .collect()
}

fn manager(dir: &std::path::Path, url: &str, size: u64, sha256: Option<String>) -> ModelManager {
    ModelManager::with_catalog(
        dir.join("models"),
        vec![ModelInfo {
            name: "test".into(),
            file: "ggml-test.bin".into(),
            url: url.into(),
            size,
            sha256,
            language: ModelLanguage::En,
            description: "test model".into(),
            quality: 2,
            memory_mb: 300,
        }],
    )
    .unwrap()
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

#[test]
fn downloads_with_progress_and_never_exposes_a_partial_file() {
    let data = body(3_000_000);
    let server = serve(data.clone(), 0, 0);
    let dir = tempfile::tempdir().unwrap();
    let mgr = manager(dir.path(), &server.url, data.len() as u64, Some(sha(&data)));
    let dest: PathBuf = mgr.path("test").unwrap();
    let mut events: Vec<DownloadProgress> = Vec::new();
    let mut saw_final_name = false;
    let got = runtime()
        .block_on(mgr.download("test", &mut |p| {
            saw_final_name |= dest.exists();
            events.push(p);
        }))
        .unwrap();
    assert_eq!(got, dest);
    assert!(
        !saw_final_name,
        "the final name appeared before verification"
    );
    assert_eq!(std::fs::read(&dest).unwrap(), data);
    assert!(events.len() > 3, "progress reported in steps");
    assert!(
        events
            .windows(2)
            .all(|w| w[0].downloaded <= w[1].downloaded)
    );
    let last = events.last().unwrap();
    assert_eq!((last.downloaded, last.total), (3_000_000, Some(3_000_000)));
    let listed = mgr.list();
    assert!(listed[0].installed && listed[0].bytes_on_disk == 3_000_000);
    assert!(mgr.remove("test").unwrap());
    assert!(!dest.exists() && !mgr.list()[0].installed);
}

#[test]
fn resumes_after_a_cut_connection_with_a_range_request() {
    let data = body(2_000_000);
    // The first response stops after 700 kB.
    let server = serve(data.clone(), 1, 700_000);
    let dir = tempfile::tempdir().unwrap();
    let mgr = manager(dir.path(), &server.url, data.len() as u64, Some(sha(&data)));
    let path = runtime()
        .block_on(mgr.download("test", &mut |_| {}))
        .unwrap();
    assert_eq!(std::fs::read(path).unwrap(), data);
    let reqs = server.requests.lock().unwrap().clone();
    assert_eq!(reqs[0], None);
    assert_eq!(
        reqs[1].as_deref(),
        Some("700000"),
        "resumed at the cut: {reqs:?}"
    );
}

#[test]
fn resumes_a_part_file_left_by_an_earlier_run() {
    let data = body(1_000_000);
    let server = serve(data.clone(), 0, 0);
    let dir = tempfile::tempdir().unwrap();
    let mgr = manager(dir.path(), &server.url, data.len() as u64, Some(sha(&data)));
    let dest = mgr.path("test").unwrap();
    std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
    let part = PathBuf::from(format!("{}.part", dest.display()));
    std::fs::write(&part, &data[..400_000]).unwrap();
    assert!(mgr.list()[0].partial_download);
    let mut first = None;
    runtime()
        .block_on(mgr.download("test", &mut |p| {
            first.get_or_insert(p.downloaded);
        }))
        .unwrap();
    assert_eq!(first, Some(400_000));
    assert_eq!(std::fs::read(&dest).unwrap(), data);
    assert!(!part.exists());
    assert_eq!(
        server.requests.lock().unwrap()[0].as_deref(),
        Some("400000")
    );
}

#[test]
fn bad_checksum_is_rejected_and_removed() {
    let data = body(500_000);
    let server = serve(data.clone(), 0, 0);
    let dir = tempfile::tempdir().unwrap();
    let wrong = "0".repeat(64);
    let mgr = manager(dir.path(), &server.url, data.len() as u64, Some(wrong));
    let dest = mgr.path("test").unwrap();
    let err = runtime()
        .block_on(mgr.download("test", &mut |_| {}))
        .unwrap_err();
    assert!(matches!(err, ModelError::Checksum { .. }), "{err}");
    assert!(err.to_string().contains("discarded"));
    assert!(!dest.exists());
    assert!(!PathBuf::from(format!("{}.part", dest.display())).exists());
}

#[test]
fn http_errors_and_unknown_models_are_clear() {
    let dir = tempfile::tempdir().unwrap();
    // A port nobody listens on.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mgr = manager(
        dir.path(),
        &format!("http://127.0.0.1:{port}/x.bin"),
        10,
        None,
    );
    let err = runtime()
        .block_on(mgr.download("test", &mut |_| {}))
        .unwrap_err();
    assert!(matches!(err, ModelError::Http { .. }), "{err}");
    let err = runtime()
        .block_on(mgr.download("nope", &mut |_| {}))
        .unwrap_err();
    assert!(
        err.to_string().contains("test"),
        "lists known models: {err}"
    );
    assert!(matches!(
        mgr.installed_path("test"),
        Err(ModelError::NotInstalled(_))
    ));
}

#[test]
fn builtin_catalog_lists_models_as_not_installed() {
    let dir = tempfile::tempdir().unwrap();
    let mgr = ModelManager::new(dir.path()).unwrap();
    let list = mgr.list();
    assert!(list.iter().any(|m| m.info.name == "base.en"));
    assert!(list.iter().all(|m| !m.installed));
    assert_eq!(mgr.dir(), dir.path().join("models"));
}
