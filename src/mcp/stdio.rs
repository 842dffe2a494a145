//! The stdio transport: a server as a child process. Built here rather than with rmcp's
//! `TokioChildProcess` so that the child runs in its own process group (killing `npx` alone
//! would orphan the `node` it started), is killed synchronously on drop (no reliance on a
//! runtime that may be shutting down), its stderr is kept for error messages, and an
//! oversized message ends the connection with a clear reason instead of a silent drop.

use std::collections::{BTreeMap, VecDeque};
use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;
use std::process::Stdio;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};
use std::time::Duration;

use process_wrap::tokio::{ChildWrapper, CommandWrap, KillOnDrop};
use rmcp::RoleClient;
use rmcp::transport::Transport;
use rmcp::transport::async_rw::AsyncRwTransport;
use tokio::io::{AsyncRead, AsyncReadExt, ReadBuf};
use tokio::process::{ChildStderr, ChildStdin, ChildStdout};

use super::error::{McpError, one_line};
use super::secret::{Scrubber, SecretValue};

/// How an answer made up for a line that was not JSON begins; the client turns it into a
/// protocol error.
pub(crate) const INVALID_JSON: &str = "the server sent invalid JSON";

/// Lines of a server's stderr kept for error messages.
const STDERR_TAIL_LINES: usize = 8;
const STDERR_LINE_MAX_CHARS: usize = 300;
/// How long a server gets to exit on its own after its stdin closes, before it is killed.
const GRACEFUL_EXIT: Duration = Duration::from_millis(1500);

/// What the transport learned about the process, read by the client to explain a failure.
#[derive(Debug, Default)]
pub(crate) struct ProcessReport {
    inner: Mutex<ReportInner>,
}

#[derive(Debug, Default)]
struct ReportInner {
    stderr_tail: VecDeque<String>,
    exit: Option<String>,
    oversized: Option<usize>,
}

impl ProcessReport {
    fn lock(&self) -> std::sync::MutexGuard<'_, ReportInner> {
        // The data is diagnostics only; a panic elsewhere must not hide it.
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The last lines the server wrote to stderr, secrets scrubbed, on one line.
    pub(crate) fn stderr_tail(&self) -> String {
        let inner = self.lock();
        one_line(
            &inner
                .stderr_tail
                .iter()
                .cloned()
                .collect::<Vec<_>>()
                .join(" | "),
            600,
        )
    }

    /// How the process ended, e.g. "exit status: 3", once known.
    pub(crate) fn exit(&self) -> Option<String> {
        self.lock().exit.clone()
    }

    /// The size of the message that made the transport give up, if that is why it closed.
    pub(crate) fn oversized(&self) -> Option<usize> {
        self.lock().oversized
    }

    fn push_stderr(&self, line: String) {
        let mut inner = self.lock();
        if inner.stderr_tail.len() == STDERR_TAIL_LINES {
            inner.stderr_tail.pop_front();
        }
        inner.stderr_tail.push_back(line);
    }
}

pub(crate) struct StdioConnection {
    pub(crate) transport: ChildTransport,
    pub(crate) report: Arc<ProcessReport>,
    pub(crate) pid: Option<u32>,
}

pub(crate) struct StdioLaunch<'a> {
    pub(crate) server: &'a str,
    pub(crate) command: &'a str,
    pub(crate) args: &'a [String],
    pub(crate) env: &'a BTreeMap<String, SecretValue>,
    pub(crate) cwd: Option<&'a PathBuf>,
    pub(crate) max_message_bytes: usize,
    pub(crate) description: String,
}

/// Starts the server process. Must run inside a tokio runtime (the stderr reader is a task).
pub(crate) fn spawn(launch: StdioLaunch<'_>) -> Result<StdioConnection, McpError> {
    let spawn_error = |reason: String| McpError::Spawn {
        server: launch.server.to_string(),
        command: launch.description.clone(),
        reason,
    };
    if let Some(cwd) = launch.cwd
        && !cwd.is_dir()
    {
        return Err(spawn_error(format!(
            "the working folder {} does not exist",
            cwd.display()
        )));
    }

    let mut command = tokio::process::Command::new(launch.command);
    command
        .args(launch.args)
        .envs(launch.env.iter().map(|(k, v)| (k, v.expose())))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(cwd) = launch.cwd {
        command.current_dir(cwd);
    }
    let mut wrapped = CommandWrap::from(command);
    #[cfg(unix)]
    wrapped.wrap(process_wrap::tokio::ProcessGroup::leader());
    #[cfg(windows)]
    wrapped.wrap(process_wrap::tokio::JobObject);
    wrapped.wrap(KillOnDrop);

    let mut child = wrapped.spawn().map_err(|e| {
        spawn_error(match e.kind() {
            std::io::ErrorKind::NotFound => format!("`{}` was not found", launch.command),
            std::io::ErrorKind::PermissionDenied => {
                format!("`{}` is not executable (permission denied)", launch.command)
            }
            _ => e.to_string(),
        })
    })?;
    let pid = child.id();
    let (Some(stdin), Some(stdout), stderr) = (
        child.stdin().take(),
        child.stdout().take(),
        child.stderr().take(),
    ) else {
        let _ = child.start_kill();
        return Err(spawn_error("its stdin/stdout could not be opened".into()));
    };

    let report = Arc::new(ProcessReport::default());
    if let Some(stderr) = stderr {
        let scrubber = Scrubber::new(launch.env.values());
        tokio::spawn(drain_stderr(
            stderr,
            launch.server.to_string(),
            scrubber,
            report.clone(),
        ));
    }
    let (bad_tx, bad_lines) = tokio::sync::mpsc::unbounded_channel();
    let reader = LineLimit::new(stdout, launch.max_message_bytes, report.clone(), bad_tx);
    // The adapter enforces the limit and ends the stream; rmcp's own limit would silently
    // drop the message and leave the call waiting for its timeout.
    let io = AsyncRwTransport::new_client(reader, stdin).with_max_line_length(usize::MAX);
    tracing::debug!(server = launch.server, pid, command = %launch.description, "MCP server started");
    Ok(StdioConnection {
        transport: ChildTransport {
            child: Some(child),
            io,
            report: report.clone(),
            server: launch.server.to_string(),
            bad_lines,
            waiting: Vec::new(),
        },
        report,
        pid,
    })
}

pub(crate) struct ChildTransport {
    child: Option<Box<dyn ChildWrapper>>,
    io: AsyncRwTransport<RoleClient, LineLimit<ChildStdout>, ChildStdin>,
    report: Arc<ProcessReport>,
    server: String,
    /// Lines from the server that were not JSON.
    bad_lines: tokio::sync::mpsc::UnboundedReceiver<String>,
    /// Requests sent and not yet answered, oldest first.
    waiting: Vec<rmcp::model::RequestId>,
}

impl ChildTransport {
    /// The answer to give the requests waiting when the server sent a line that is not JSON:
    /// it was meant as their answer, or the server is broken, and either way no valid answer
    /// is coming. With none waiting (a banner while starting) the line is only logged.
    fn invalid_json_answer(
        &mut self,
        line: &str,
    ) -> Option<rmcp::service::RxJsonRpcMessage<RoleClient>> {
        if self.waiting.is_empty() {
            tracing::warn!(server = %self.server, "MCP server wrote a line that is not JSON: {line}");
            return None;
        }
        let id = self.waiting.remove(0);
        Some(rmcp::model::JsonRpcMessage::Error(
            rmcp::model::JsonRpcError {
                jsonrpc: rmcp::model::JsonRpcVersion2_0,
                id: Some(id),
                error: rmcp::model::ErrorData::parse_error(format!("{INVALID_JSON}: {line}"), None),
            },
        ))
    }

    /// Records how the process ended, waiting briefly: stdout closes a moment before the
    /// process is reaped, and the exit status is what tells a crash from a clean exit.
    async fn note_exit(&mut self) {
        let Some(child) = self.child.as_mut() else {
            return;
        };
        if self.report.oversized().is_some() {
            // The process is fine; it is the connection that is being given up.
            return;
        }
        if let Ok(Ok(status)) = tokio::time::timeout(Duration::from_millis(500), child.wait()).await
        {
            tracing::info!(server = %self.server, %status, "MCP server exited");
            self.report.lock().exit = Some(status.to_string());
        }
    }
}

impl Transport<RoleClient> for ChildTransport {
    type Error = std::io::Error;

    fn send(
        &mut self,
        item: rmcp::service::TxJsonRpcMessage<RoleClient>,
    ) -> impl Future<Output = Result<(), Self::Error>> + Send + 'static {
        // Not the handshake: some servers print a banner to stdout while starting, and the
        // handshake has a timeout of its own.
        if let rmcp::model::JsonRpcMessage::Request(request) = &item
            && !matches!(
                request.request,
                rmcp::model::ClientRequest::InitializeRequest(_)
            )
        {
            self.waiting.push(request.id.clone());
        }
        self.io.send(item)
    }

    async fn receive(&mut self) -> Option<rmcp::service::RxJsonRpcMessage<RoleClient>> {
        loop {
            let message = tokio::select! {
                message = self.io.receive() => message,
                Some(line) = self.bad_lines.recv() => {
                    match self.invalid_json_answer(&line) {
                        Some(answer) => return Some(answer),
                        None => continue,
                    }
                }
            };
            match &message {
                Some(rmcp::model::JsonRpcMessage::Response(r)) => {
                    self.waiting.retain(|id| *id != r.id);
                }
                Some(rmcp::model::JsonRpcMessage::Error(e)) => {
                    if let Some(id) = &e.id {
                        self.waiting.retain(|w| w != id);
                    }
                }
                Some(_) => {}
                None => self.note_exit().await,
            }
            return message;
        }
    }

    /// The MCP stdio shutdown: close stdin, give the server a moment, then kill the group.
    async fn close(&mut self) -> Result<(), Self::Error> {
        let closed = self.io.close().await;
        if let Some(mut child) = self.child.take() {
            let exited = self.report.oversized().is_none()
                && matches!(
                    tokio::time::timeout(GRACEFUL_EXIT, child.wait()).await,
                    Ok(Ok(_))
                );
            // Killing the group even after a clean exit takes any grandchildren with it.
            let _ = child.start_kill();
            if !exited {
                let _ = tokio::time::timeout(Duration::from_secs(1), child.wait()).await;
            }
        }
        closed
    }
}

impl Drop for ChildTransport {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            // Synchronous on purpose: this may run while the runtime shuts down, when a
            // spawned cleanup task would never be polled. tokio reaps the zombie later.
            match child.start_kill() {
                Ok(()) => tracing::debug!(server = %self.server, "MCP server killed on drop"),
                Err(e) if e.raw_os_error() == Some(3) => {} // ESRCH: already gone
                Err(e) => tracing::warn!(server = %self.server, "could not kill MCP server: {e}"),
            }
        }
    }
}

async fn drain_stderr(
    mut stderr: ChildStderr,
    server: String,
    scrubber: Scrubber,
    report: Arc<ProcessReport>,
) {
    // Read in chunks, not lines: a server printing megabytes without a newline must not
    // make this task buffer it all.
    let mut chunk = vec![0u8; 4096];
    let mut line: Vec<u8> = Vec::new();
    let flush = |line: &mut Vec<u8>| {
        let text = String::from_utf8_lossy(line);
        let text = text.trim_end();
        if !text.is_empty() {
            let text = scrubber.scrub(text);
            tracing::debug!(server = %server, "stderr: {text}");
            report.push_stderr(text.chars().take(STDERR_LINE_MAX_CHARS).collect());
        }
        line.clear();
    };
    loop {
        let n = match stderr.read(&mut chunk).await {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        for &byte in &chunk[..n] {
            if byte == b'\n' {
                flush(&mut line);
            } else if line.len() < STDERR_LINE_MAX_CHARS * 4 {
                line.push(byte);
            }
        }
    }
    flush(&mut line);
}

/// Reads the server's newline-delimited messages for rmcp, one checked line at a time. A line
/// longer than the cap fails the read, which closes the connection (the report says why).
/// A line that is not JSON is held back and announced on `bad_lines`, so that the call
/// waiting for an answer ends at once; rmcp alone would skip it and let the call wait for
/// its timeout.
pub(crate) struct LineLimit<R> {
    inner: R,
    /// The line being read, up to its newline.
    line: Vec<u8>,
    /// Checked lines not yet handed to the reader.
    ready: Vec<u8>,
    ready_pos: usize,
    eof: bool,
    limit: usize,
    report: Arc<ProcessReport>,
    bad_lines: tokio::sync::mpsc::UnboundedSender<String>,
}

impl<R> LineLimit<R> {
    fn new(
        inner: R,
        limit: usize,
        report: Arc<ProcessReport>,
        bad_lines: tokio::sync::mpsc::UnboundedSender<String>,
    ) -> Self {
        LineLimit {
            inner,
            line: Vec::new(),
            ready: Vec::new(),
            ready_pos: 0,
            eof: false,
            limit,
            report,
            bad_lines,
        }
    }

    fn end_line(&mut self) {
        let line = std::mem::take(&mut self.line);
        let text = line.trim_ascii();
        if text.is_empty() || serde_json::from_slice::<serde::de::IgnoredAny>(text).is_ok() {
            self.ready.extend_from_slice(&line);
            self.ready.push(b'\n');
        } else {
            let shown = crate::sanitize::server_text(&String::from_utf8_lossy(text));
            let _ = self.bad_lines.send(super::error::one_line(&shown, 120));
        }
    }
}

impl<R: AsyncRead + Unpin> AsyncRead for LineLimit<R> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let this = self.get_mut();
        loop {
            if this.ready_pos < this.ready.len() {
                let n = (this.ready.len() - this.ready_pos).min(buf.remaining());
                buf.put_slice(&this.ready[this.ready_pos..this.ready_pos + n]);
                this.ready_pos += n;
                if this.ready_pos == this.ready.len() {
                    this.ready.clear();
                    this.ready_pos = 0;
                }
                return Poll::Ready(Ok(()));
            }
            if this.eof {
                return Poll::Ready(Ok(()));
            }
            let mut chunk = [0u8; 8192];
            let mut read = ReadBuf::new(&mut chunk);
            match Pin::new(&mut this.inner).poll_read(cx, &mut read) {
                Poll::Ready(Ok(())) => {}
                other => return other,
            }
            let filled = read.filled();
            if filled.is_empty() {
                this.eof = true;
                if !this.line.is_empty() {
                    this.end_line();
                }
                continue;
            }
            for &byte in filled {
                if byte == b'\n' {
                    this.end_line();
                } else {
                    this.line.push(byte);
                    if this.line.len() > this.limit {
                        this.report.lock().oversized = Some(this.line.len());
                        return Poll::Ready(Err(std::io::Error::new(
                            std::io::ErrorKind::InvalidData,
                            format!("message larger than the {}-byte limit", this.limit),
                        )));
                    }
                }
            }
        }
    }
}
