//! The real updater plugin against a release server on 127.0.0.1 (the mock runtime: no
//! window, no display). Fixtures in tests/fixtures/update/ are signed with a key made for
//! these tests only (TEST-ONLY-updater.key; the product key is never in the repo).

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::json;
use tauri::Manager;
use utter::update::UpdateStatus;

use super::{Source, Updates, check, plugin};

const TEST_PUBKEY: &str = include_str!("../../../tests/fixtures/update/TEST-ONLY-updater.key.pub");
const PACKAGE: &[u8] = include_bytes!("../../../tests/fixtures/update/update-0.2.0.bin");
/// `tauri signer sign --app-version 0.2.0` of PACKAGE with the test key.
const SIGNATURE: &str = include_str!("../../../tests/fixtures/update/update-0.2.0.bin.sig");
const TAMPERED_SIGNATURE: &str =
    include_str!("../../../tests/fixtures/update/update-0.2.0.bin.tampered.sig");

/// A release server: the manifest at /latest.json, the package at /package. Answers until
/// the test process ends.
fn serve(
    manifest: impl Fn(&str) -> serde_json::Value + Send + 'static,
    package: Vec<u8>,
) -> String {
    serve_counting(manifest, package, Arc::default())
}

/// As [`serve`], counting the package downloads in `downloads`.
fn serve_counting(
    manifest: impl Fn(&str) -> serde_json::Value + Send + 'static,
    package: Vec<u8>,
    downloads: Arc<AtomicUsize>,
) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("bind: {e}"));
    let base = format!(
        "http://{}",
        listener.local_addr().unwrap_or_else(|e| panic!("{e}"))
    );
    let own = base.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(&stream);
            let mut request = String::new();
            if reader.read_line(&mut request).is_err() {
                continue;
            }
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                line.clear();
            }
            let (kind, body) = if request.starts_with("GET /latest.json") {
                ("application/json", manifest(&own).to_string().into_bytes())
            } else {
                downloads.fetch_add(1, Ordering::SeqCst);
                ("application/octet-stream", package.clone())
            };
            let mut out = &stream;
            let _ = write!(
                out,
                "HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = out.write_all(&body);
        }
    });
    base
}

fn release(version: &str, signature: &str) -> impl Fn(&str) -> serde_json::Value + Send + 'static {
    let (version, signature) = (version.to_owned(), signature.to_owned());
    move |base| {
        let target = tauri_plugin_updater::target().unwrap_or_default();
        json!({
            "version": version,
            "notes": "Faster transcription",
            "pub_date": "2026-12-01T00:00:00Z",
            "platforms": { target: { "signature": signature, "url": format!("{base}/package") } }
        })
    }
}

/// The app at version 0.1.0 (the mock context's), with the release config of tauri.conf.json
/// except that plain http to 127.0.0.1 is allowed.
fn app() -> tauri::App<tauri::test::MockRuntime> {
    let mut context = tauri::test::mock_context(tauri::test::noop_assets());
    context.config_mut().plugins.0.insert(
        "updater".into(),
        json!({
            "pubkey": "not the key under test: Source overrides it",
            "endpoints": ["http://127.0.0.1:9/unused.json"],
            "requireSignedVersion": true,
            "dangerousInsecureTransportProtocol": true
        }),
    );
    let app = tauri::test::mock_builder()
        .plugin(plugin())
        .build(context)
        .unwrap_or_else(|e| panic!("mock app: {e}"));
    app.manage(Updates::default());
    app
}

fn source(base: &str) -> Source {
    Source {
        endpoint: Some(
            format!("{base}/latest.json")
                .parse()
                .unwrap_or_else(|e| panic!("{e}")),
        ),
        pubkey: Some(TEST_PUBKEY.trim().to_owned()),
    }
}

async fn check_against(base: &str) -> UpdateStatus {
    check(app().handle(), &source(base)).await
}

#[tokio::test]
async fn a_correctly_signed_newer_version_is_ready_to_install() {
    let base = serve(release("0.2.0", SIGNATURE.trim()), PACKAGE.to_vec());
    let status = check_against(&base).await;
    assert_eq!(
        status,
        UpdateStatus::Ready {
            version: "0.2.0".into(),
            notes: Some("Faster transcription".into())
        }
    );
}

#[tokio::test]
async fn a_package_that_does_not_match_its_signature_is_refused() {
    let mut tampered = PACKAGE.to_vec();
    tampered[0] ^= 1;
    let base = serve(release("0.2.0", SIGNATURE.trim()), tampered);
    let status = check_against(&base).await;
    assert_refused(&status, "verification failed");
}

#[tokio::test]
async fn a_tampered_signature_is_refused() {
    // Well-formed minisign with one character of the signature changed (make-fixtures.sh).
    let base = serve(
        release("0.2.0", TAMPERED_SIGNATURE.trim()),
        PACKAGE.to_vec(),
    );
    let status = check_against(&base).await;
    assert_refused(&status, "verification failed");
}

#[tokio::test]
async fn a_signature_for_another_version_is_refused() {
    // A genuine 0.2.0 package and signature announced as 9.0.0: a replay, not an update.
    let base = serve(release("9.0.0", SIGNATURE.trim()), PACKAGE.to_vec());
    let status = check_against(&base).await;
    assert_refused(&status, "signed for version 0.2.0");
}

#[tokio::test]
async fn the_same_or_an_older_version_is_no_update() {
    let base = serve(release("0.1.0", SIGNATURE.trim()), PACKAGE.to_vec());
    assert_eq!(check_against(&base).await, UpdateStatus::Idle);
}

#[tokio::test]
async fn the_daily_check_keeps_a_downloaded_update_without_fetching_it_again() {
    let downloads = Arc::new(AtomicUsize::new(0));
    let base = serve_counting(
        release("0.2.0", SIGNATURE.trim()),
        PACKAGE.to_vec(),
        downloads.clone(),
    );
    let app = app();
    let first = check(app.handle(), &source(&base)).await;
    let second = check(app.handle(), &source(&base)).await;
    assert!(
        matches!(&first, UpdateStatus::Ready { version, .. } if version == "0.2.0"),
        "{first:?}"
    );
    assert_eq!(second, first);
    assert_eq!(downloads.load(Ordering::SeqCst), 1);
    assert_eq!(app.state::<Updates>().status(), first);
}

/// The check ended in a refusal that says why.
fn assert_refused(status: &UpdateStatus, why: &str) {
    assert!(
        matches!(status, UpdateStatus::Failed { reason }
            if reason.contains("update refused") && reason.contains(why)),
        "{status:?}"
    );
}
