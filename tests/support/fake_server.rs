//! A scripted HTTP server on 127.0.0.1 that speaks whatever wire format a test scripts:
//! each request gets the next queued reply and is recorded for assertions.
#![allow(dead_code)] // Shared by several test binaries; each uses part of it.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::Value;

#[derive(Clone, Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub chunks: Vec<Vec<u8>>,
    pub chunk_delay: Duration,
    pub delay: Duration,
}

impl Reply {
    pub fn json(v: Value) -> Self {
        Reply::status(200, &v.to_string()).header("content-type", "application/json")
    }

    pub fn status(status: u16, body: &str) -> Self {
        Reply {
            status,
            headers: Vec::new(),
            chunks: vec![body.as_bytes().to_vec()],
            chunk_delay: Duration::ZERO,
            delay: Duration::ZERO,
        }
    }

    /// An SSE body from whole frames (each ending in a blank line), sent in pieces of
    /// `piece` bytes so frames and JSON are split across reads like on a real network.
    pub fn sse(frames: &[String], piece: usize) -> Self {
        let all: String = frames.concat();
        let bytes = all.as_bytes();
        let chunks = bytes.chunks(piece.max(1)).map(<[u8]>::to_vec).collect();
        Reply {
            status: 200,
            headers: vec![("content-type".into(), "text/event-stream".into())],
            chunks,
            chunk_delay: Duration::from_millis(1),
            delay: Duration::ZERO,
        }
    }

    pub fn header(mut self, k: &str, v: &str) -> Self {
        self.headers.push((k.into(), v.into()));
        self
    }

    pub fn delay(mut self, d: Duration) -> Self {
        self.delay = d;
        self
    }
}

/// `data: {json}\n\n`
pub fn data(v: &Value) -> String {
    format!("data: {v}\n\n")
}

/// `event: NAME\ndata: {json}\n\n` (Anthropic style).
pub fn event(v: &Value) -> String {
    let name = v["type"].as_str().unwrap_or("message");
    format!("event: {name}\ndata: {v}\n\n")
}

#[derive(Clone, Debug)]
pub struct Recorded {
    pub path: String,
    pub headers: HeaderMap,
    pub body: Value,
}

#[derive(Clone, Default)]
struct Shared {
    script: Arc<Mutex<VecDeque<Reply>>>,
    log: Arc<Mutex<Vec<Recorded>>>,
}

pub struct FakeServer {
    pub base: String,
    shared: Shared,
    task: tokio::task::JoinHandle<()>,
}

impl FakeServer {
    pub async fn start(replies: Vec<Reply>) -> Self {
        let shared = Shared {
            script: Arc::new(Mutex::new(replies.into())),
            log: Arc::default(),
        };
        let app = Router::new().fallback(handle).with_state(shared.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        FakeServer {
            base: format!("http://{addr}"),
            shared,
            task,
        }
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.shared.log.lock().unwrap().clone()
    }

    pub fn remaining(&self) -> usize {
        self.shared.script.lock().unwrap().len()
    }
}

impl Drop for FakeServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn handle(State(s): State<Shared>, req: Request) -> Response {
    let path = req.uri().path().to_string();
    let headers = req.headers().clone();
    let bytes = axum::body::to_bytes(req.into_body(), usize::MAX)
        .await
        .unwrap_or_default();
    let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    s.log.lock().unwrap().push(Recorded {
        path,
        headers,
        body,
    });
    let reply = s.script.lock().unwrap().pop_front();
    let Some(reply) = reply else {
        return Response::builder()
            .status(599)
            .body(Body::from("no scripted reply left"))
            .unwrap();
    };
    if !reply.delay.is_zero() {
        tokio::time::sleep(reply.delay).await;
    }
    let mut b = Response::builder().status(StatusCode::from_u16(reply.status).unwrap());
    for (k, v) in &reply.headers {
        b = b.header(k, v);
    }
    let delay = reply.chunk_delay;
    let stream = futures_util::stream::unfold(
        (reply.chunks.into_iter(), delay),
        |(mut it, delay)| async move {
            let next = it.next()?;
            if !delay.is_zero() {
                tokio::time::sleep(delay).await;
            }
            Some((Ok::<_, Infallible>(Bytes::from(next)), (it, delay)))
        },
    );
    b.body(Body::from_stream(stream)).unwrap()
}
