use std::path::{Path, PathBuf};
use std::time::Duration;

use futures_util::StreamExt;
use reqwest::StatusCode;
use reqwest::header::{CONTENT_RANGE, RANGE};
use serde::Serialize;
use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt;

use super::ModelError;

/// Attempts per download; each one resumes from what the previous one wrote.
const ATTEMPTS: u32 = 4;

/// Progress of a download, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DownloadProgress {
    /// Bytes on disk so far (including what an earlier, interrupted run fetched).
    pub downloaded: u64,
    /// Expected total, when known (catalog size or Content-Length).
    pub total: Option<u64>,
}

/// The HTTP client for model downloads: no overall timeout (a 500 MB model on a slow line
/// takes a while); a stalled connection is caught by the read timeout instead.
pub fn download_client() -> Result<reqwest::Client, ModelError> {
    reqwest::Client::builder()
        .user_agent(concat!("utter/", env!("CARGO_PKG_VERSION")))
        .connect_timeout(Duration::from_secs(20))
        .read_timeout(Duration::from_secs(60))
        .build()
        .map_err(|e| ModelError::Http {
            url: String::new(),
            detail: e.to_string(),
        })
}

/// What a verified download must match.
pub(crate) struct Expected<'a> {
    pub name: &'a str,
    pub size: Option<u64>,
    pub sha256: Option<&'a str>,
}

/// Downloads `url` to `dest`, resuming a `dest.part` left by an interrupted run with an HTTP
/// Range request, then verifies size and sha256 and renames into place.
///
/// `dest` only ever appears complete and verified (the rename is atomic on one filesystem);
/// a checksum mismatch deletes the `.part` so the next try starts clean.
pub async fn download_file(
    client: &reqwest::Client,
    url: &str,
    dest: &Path,
    expected_size: Option<u64>,
    sha256: Option<&str>,
    on_progress: &mut (dyn FnMut(DownloadProgress) + Send),
) -> Result<(), ModelError> {
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| url.to_owned());
    download_verified(
        client,
        url,
        dest,
        &Expected {
            name: &name,
            size: expected_size,
            sha256,
        },
        on_progress,
    )
    .await
}

pub(crate) async fn download_verified(
    client: &reqwest::Client,
    url: &str,
    dest: &Path,
    expected: &Expected<'_>,
    on_progress: &mut (dyn FnMut(DownloadProgress) + Send),
) -> Result<(), ModelError> {
    let part = part_path(dest);
    if let Some(dir) = dest.parent() {
        tokio::fs::create_dir_all(dir)
            .await
            .map_err(|e| ModelError::io(dir, e))?;
    }
    let mut last_err = None;
    for attempt in 1..=ATTEMPTS {
        match fetch_into_part(client, url, &part, expected.size, on_progress).await {
            Ok(()) => {
                last_err = None;
                break;
            }
            // A 4xx (other than a stale range) will not get better by retrying.
            Err(e @ ModelError::HttpStatus { status, .. }) if (400..500).contains(&status) => {
                return Err(e);
            }
            Err(e) => {
                tracing::warn!(%url, attempt, error = %e, "download interrupted; will resume");
                last_err = Some(e);
                if attempt < ATTEMPTS {
                    tokio::time::sleep(Duration::from_millis(250 * u64::from(attempt))).await;
                }
            }
        }
    }
    if let Some(e) = last_err {
        return Err(e);
    }
    verify(&part, expected).await?;
    tokio::fs::rename(&part, dest)
        .await
        .map_err(|e| ModelError::io(dest, e))?;
    tracing::info!(dest = %dest.display(), "download complete");
    Ok(())
}

pub(crate) fn part_path(dest: &Path) -> PathBuf {
    let mut s = dest.as_os_str().to_owned();
    s.push(".part");
    PathBuf::from(s)
}

async fn fetch_into_part(
    client: &reqwest::Client,
    url: &str,
    part: &Path,
    expected_size: Option<u64>,
    on_progress: &mut (dyn FnMut(DownloadProgress) + Send),
) -> Result<(), ModelError> {
    let mut have = match tokio::fs::metadata(part).await {
        Ok(m) => m.len(),
        Err(_) => 0,
    };
    if let Some(size) = expected_size {
        if have == size {
            on_progress(DownloadProgress {
                downloaded: have,
                total: Some(size),
            });
            return Ok(());
        }
        if have > size {
            have = 0; // Not a prefix of what we want; start over.
        }
    }

    let http_err = |e: reqwest::Error| ModelError::Http {
        url: url.to_owned(),
        detail: e.to_string(),
    };
    let mut req = client.get(url);
    if have > 0 {
        req = req.header(RANGE, format!("bytes={have}-"));
    }
    let resp = req.send().await.map_err(http_err)?;
    let status = resp.status();
    let append = match status {
        StatusCode::PARTIAL_CONTENT => {
            // Only append if the server resumed exactly where we are.
            let start = resp
                .headers()
                .get(CONTENT_RANGE)
                .and_then(|v| v.to_str().ok())
                .and_then(parse_content_range_start);
            if start != Some(have) {
                return Err(ModelError::Http {
                    url: url.to_owned(),
                    detail: format!("server resumed at {start:?}, expected byte {have}"),
                });
            }
            true
        }
        StatusCode::OK => false,
        StatusCode::RANGE_NOT_SATISFIABLE if have > 0 => {
            // The part is already complete (or longer than the file): verify decides.
            return Ok(());
        }
        other => {
            return Err(ModelError::HttpStatus {
                url: url.to_owned(),
                status: other.as_u16(),
            });
        }
    };
    if !append {
        have = 0;
    }
    let total = expected_size.or_else(|| resp.content_length().map(|l| l + have));

    let mut file = tokio::fs::OpenOptions::new()
        .create(true)
        .write(true)
        .append(append)
        .truncate(!append)
        .open(part)
        .await
        .map_err(|e| ModelError::io(part, e))?;
    on_progress(DownloadProgress {
        downloaded: have,
        total,
    });
    let mut stream = resp.bytes_stream();
    let mut result = Ok(());
    while let Some(chunk) = stream.next().await {
        match chunk {
            Ok(bytes) => {
                if let Err(e) = file.write_all(&bytes).await {
                    result = Err(ModelError::io(part, e));
                    break;
                }
                have += bytes.len() as u64;
                on_progress(DownloadProgress {
                    downloaded: have,
                    total,
                });
            }
            Err(e) => {
                result = Err(http_err(e));
                break;
            }
        }
    }
    // Keep what arrived even on error: the next attempt resumes from it.
    file.flush().await.map_err(|e| ModelError::io(part, e))?;
    file.sync_all().await.map_err(|e| ModelError::io(part, e))?;
    result?;
    if let Some(size) = total
        && have < size
    {
        return Err(ModelError::Http {
            url: url.to_owned(),
            detail: format!("connection closed after {have} of {size} bytes"),
        });
    }
    Ok(())
}

fn parse_content_range_start(v: &str) -> Option<u64> {
    // "bytes 100-199/200"
    let range = v.strip_prefix("bytes ")?;
    range.split('-').next()?.trim().parse().ok()
}

async fn verify(part: &Path, expected: &Expected<'_>) -> Result<(), ModelError> {
    let len = tokio::fs::metadata(part)
        .await
        .map_err(|e| ModelError::io(part, e))?
        .len();
    if let Some(size) = expected.size
        && len != size
    {
        let _ = tokio::fs::remove_file(part).await;
        return Err(ModelError::Size {
            name: expected.name.to_owned(),
            expected: size,
            actual: len,
        });
    }
    if let Some(want) = expected.sha256 {
        let path = part.to_path_buf();
        let actual = tokio::task::spawn_blocking(move || sha256_file(&path))
            .await
            .map_err(|e| ModelError::io(part, std::io::Error::other(e.to_string())))??;
        if !actual.eq_ignore_ascii_case(want) {
            let _ = tokio::fs::remove_file(part).await;
            return Err(ModelError::Checksum {
                name: expected.name.to_owned(),
                expected: want.to_owned(),
                actual,
            });
        }
    }
    Ok(())
}

/// Hex sha256 of a file, streamed (models are hundreds of MB).
pub(crate) fn sha256_file(path: &Path) -> Result<String, ModelError> {
    use std::io::Read;
    let mut f = std::fs::File::open(path).map_err(|e| ModelError::io(path, e))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = f.read(&mut buf).map_err(|e| ModelError::io(path, e))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn content_range_parsing() {
        assert_eq!(parse_content_range_start("bytes 100-199/200"), Some(100));
        assert_eq!(parse_content_range_start("bytes */200"), None);
        assert_eq!(
            part_path(Path::new("/a/ggml-x.bin")),
            Path::new("/a/ggml-x.bin.part")
        );
    }
}
