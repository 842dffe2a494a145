//! All configured servers, by name. Connects on first use, notices a server that died (a
//! call fails, the process exits) and restarts it on a later call, waiting longer after each
//! failure in a row so a server that crashes on start is not respawned in a tight loop. No
//! call waits longer than its own timeout: a restart that is not due yet fails fast.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::client::McpClient;
use super::config::{McpServerSpec, McpTransport};
use super::error::McpError;
use super::oauth::{self, McpAuth};
use super::options::McpOptions;
use super::types::{McpServerInfo, McpTool, McpToolResult};

/// Timeouts in a row after which a server is presumed hung and restarted. One timeout is
/// more often a slow tool than a dead server.
const TIMEOUTS_BEFORE_RESTART: u32 = 2;

/// Where a server stands, for the settings screen and `utter mcp list`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum McpServerState {
    /// Not started yet, or stopped by the user.
    Disconnected,
    Connecting,
    Connected,
    /// The last start or call failed; `last_error` says why. Restarted on the next call.
    Failed,
    /// Switched off in the config; calls are refused.
    Disabled,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct McpServerStatus {
    pub name: String,
    pub state: McpServerState,
    /// Known once the tools have been listed on this connection.
    pub tool_count: Option<usize>,
    /// Failures in a row (starts or dropped connections); 0 after a successful call.
    pub failures: u32,
    pub last_error: Option<String>,
    pub server_info: Option<McpServerInfo>,
}

#[derive(Debug)]
struct Slot {
    spec: McpServerSpec,
    /// Held only for quick reads and updates, never across an await.
    state: Mutex<SlotState>,
    /// Serializes (re)starts, so concurrent callers share one new process instead of
    /// spawning one each. Calls on a live connection never touch it.
    connect_gate: tokio::sync::Mutex<()>,
}

#[derive(Debug)]
struct SlotState {
    client: Option<Arc<McpClient>>,
    failures: u32,
    retry_at: Option<Instant>,
    timeouts_in_a_row: u32,
    status: McpServerStatus,
}

impl Slot {
    fn new(spec: McpServerSpec) -> Self {
        let state = if spec.enabled {
            McpServerState::Disconnected
        } else {
            McpServerState::Disabled
        };
        Slot {
            state: Mutex::new(SlotState {
                client: None,
                failures: 0,
                retry_at: None,
                timeouts_in_a_row: 0,
                status: McpServerStatus {
                    name: spec.name.clone(),
                    state,
                    tool_count: None,
                    failures: 0,
                    last_error: None,
                    server_info: None,
                },
            }),
            spec,
            connect_gate: tokio::sync::Mutex::new(()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, SlotState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The current client if its connection is still up.
    fn live_client(&self) -> Option<Arc<McpClient>> {
        self.lock().client.clone().filter(|c| !c.is_closed())
    }
}

#[derive(Debug, Default)]
pub struct McpSupervisor {
    options: McpOptions,
    slots: RwLock<BTreeMap<String, Arc<Slot>>>,
    /// Sign-in for HTTP servers; without it they are reached with their headers only.
    auth: Option<McpAuth>,
}

impl McpSupervisor {
    pub fn new(options: McpOptions) -> Self {
        McpSupervisor {
            options,
            slots: RwLock::new(BTreeMap::new()),
            auth: None,
        }
    }

    /// HTTP servers use the OAuth tokens in the keychain, and sign in when `auth` allows.
    pub fn with_auth(mut self, auth: McpAuth) -> Self {
        self.auth = Some(auth);
        self
    }

    /// A supervisor holding `specs`; fails on the first invalid spec or duplicate name.
    pub fn with_servers(
        specs: impl IntoIterator<Item = McpServerSpec>,
        options: McpOptions,
    ) -> Result<Self, McpError> {
        let supervisor = Self::new(options);
        for spec in specs {
            let name = spec.name.clone();
            if supervisor.upsert(spec)?.is_some() {
                return Err(McpError::Config(format!(
                    "two servers are named '{name}'; names must be unique"
                )));
            }
        }
        Ok(supervisor)
    }

    pub fn options(&self) -> &McpOptions {
        &self.options
    }

    /// Adds or replaces a server. A replaced server's connection is dropped, which stops its
    /// process; the old spec is returned.
    pub fn upsert(&self, spec: McpServerSpec) -> Result<Option<McpServerSpec>, McpError> {
        spec.validate()?;
        let slot = Arc::new(Slot::new(spec));
        let old = self.write_slots().insert(slot.spec.name.clone(), slot);
        Ok(old.map(|s| s.spec.clone()))
    }

    /// Removes a server, stopping it; false when there was none by that name.
    pub fn remove(&self, name: &str) -> bool {
        self.write_slots().remove(name).is_some()
    }

    pub fn names(&self) -> Vec<String> {
        self.read_slots().keys().cloned().collect()
    }

    pub fn spec(&self, name: &str) -> Option<McpServerSpec> {
        self.read_slots().get(name).map(|s| s.spec.clone())
    }

    pub fn status(&self, name: &str) -> Option<McpServerStatus> {
        let slot = self.read_slots().get(name).cloned()?;
        let status = slot.lock().status.clone();
        Some(status)
    }

    /// Every server's status, sorted by name.
    pub fn statuses(&self) -> Vec<McpServerStatus> {
        let slots: Vec<Arc<Slot>> = self.read_slots().values().cloned().collect();
        slots.iter().map(|s| s.lock().status.clone()).collect()
    }

    /// Connects now (if not connected) and lists the tools: the "test connection" button.
    pub async fn connect(&self, name: &str) -> Result<Vec<McpTool>, McpError> {
        self.list_tools(name).await
    }

    /// The server's tools, connecting (or restarting) it first if needed.
    pub async fn list_tools(&self, name: &str) -> Result<Vec<McpTool>, McpError> {
        let slot = self.slot(name)?;
        let budget = self.options.call_timeout;
        let tools = self
            .signing_in(&slot, || async {
                let client = self.client_for(&slot, budget).await?;
                self.settle(&slot, &client, client.list_tools().await)
            })
            .await?;
        slot.lock().status.tool_count = Some(tools.len());
        Ok(tools)
    }

    /// Calls a tool with the default call timeout.
    pub async fn call_tool(
        &self,
        name: &str,
        tool: &str,
        args: Value,
    ) -> Result<McpToolResult, McpError> {
        self.call_tool_with_timeout(name, tool, args, self.options.call_timeout)
            .await
    }

    /// Calls a tool. A server that crashed earlier is restarted first (after its backoff,
    /// if that fits in `timeout`); a call that kills the server returns the error and the
    /// next call restarts it.
    pub async fn call_tool_with_timeout(
        &self,
        name: &str,
        tool: &str,
        args: Value,
        timeout: Duration,
    ) -> Result<McpToolResult, McpError> {
        let slot = self.slot(name)?;
        self.signing_in(&slot, || async {
            let client = self.client_for(&slot, timeout).await?;
            let result = client
                .call_tool_with_timeout(tool, args.clone(), timeout)
                .await;
            self.settle(&slot, &client, result)
        })
        .await
    }

    /// Records how a call on `client` went.
    fn settle<T>(
        &self,
        slot: &Slot,
        client: &Arc<McpClient>,
        result: Result<T, McpError>,
    ) -> Result<T, McpError> {
        match &result {
            Ok(_) => self.on_success(slot, client),
            Err(e) => self.on_error(slot, client, e),
        }
        result
    }

    /// Runs `op`; when the server wants a sign-in (401) or more permissions (403
    /// `insufficient_scope`) and a browser may open, signs in and runs it once more. A
    /// second refusal is final: no sign-in loop.
    async fn signing_in<T, F, Fut>(&self, slot: &Arc<Slot>, op: F) -> Result<T, McpError>
    where
        F: Fn() -> Fut,
        Fut: std::future::Future<Output = Result<T, McpError>>,
    {
        let mut signed_in = false;
        loop {
            let result = op().await;
            let Err(McpError::Unauthorized {
                challenge,
                insufficient_scope,
                ..
            }) = &result
            else {
                return result;
            };
            if slot.spec.has_static_authorization() {
                return Err(McpError::Rejected {
                    server: slot.spec.name.clone(),
                    method: "the connection".into(),
                    code: if *insufficient_scope { 403 } else { 401 },
                    message: "the Authorization header it was given is refused; give it a \
                              valid one with `utter mcp add`, or remove the header to sign in"
                        .into(),
                });
            }
            let Some(auth) = &self.auth else {
                return result;
            };
            if signed_in {
                if *insufficient_scope {
                    return Err(McpError::ScopeRefused {
                        server: slot.spec.name.clone(),
                        scope: challenge_scope(challenge),
                    });
                }
                return result;
            }
            if !auth.interactive {
                if *insufficient_scope {
                    // The tokens still work for what they were granted; only this call needs more.
                    return result;
                }
                let secrets = auth.secrets.clone();
                let server = slot.spec.name.clone();
                let marked = tokio::task::spawn_blocking(move || {
                    oauth::mark_sign_in_needed(secrets.as_ref(), &server)
                })
                .await;
                if let Ok(Err(e)) = marked {
                    tracing::warn!(server = %slot.spec.name, "cannot record that sign-in is needed: {e}");
                }
                return result;
            }
            let (challenge, step_up) = (challenge.clone(), *insufficient_scope);
            self.sign_in(slot, auth, Some(&challenge), step_up).await?;
            signed_in = true;
        }
    }

    /// Signs in to an HTTP server in the browser; its next connection uses the new tokens.
    async fn sign_in(
        &self,
        slot: &Arc<Slot>,
        auth: &McpAuth,
        challenge: Option<&str>,
        step_up: bool,
    ) -> Result<oauth::SignedIn, McpError> {
        let spec = &slot.spec;
        let McpTransport::Http { url, .. } = &spec.transport else {
            return Err(McpError::Config(format!(
                "server '{}' is a local command; only HTTP servers sign in",
                spec.name
            )));
        };
        let _gate = slot.connect_gate.lock().await;
        let stale = {
            let mut state = slot.lock();
            state.retry_at = None;
            state.failures = 0;
            state.client.take()
        };
        if let Some(client) = stale {
            close_client(client).await;
        }
        let on_url = auth.on_url.clone();
        let name = spec.name.clone();
        let notify = move |u: &str| on_url(&name, u);
        oauth::sign_in(oauth::SignIn {
            server: &spec.name,
            url,
            secrets: auth.secrets.clone(),
            client_id: spec.oauth.client_id.as_deref(),
            scope: spec.oauth.scope.as_deref(),
            client_metadata_url: auth.client_metadata_url.as_deref(),
            challenge,
            step_up,
            timeout: auth.sign_in_timeout,
            on_url: &notify,
        })
        .await
        .map_err(|e| McpError::SignIn {
            server: spec.name.clone(),
            reason: e.to_string(),
        })
    }

    /// Signs in now (`utter mcp login`, the Sign in button), whether or not the server has
    /// asked yet. Needs [`Self::with_auth`].
    pub async fn login(&self, name: &str) -> Result<oauth::SignedIn, McpError> {
        let slot = self.slot(name)?;
        let Some(auth) = &self.auth else {
            return Err(McpError::Config("sign-in is not set up here".into()));
        };
        self.sign_in(&slot, auth, None, false).await
    }

    /// Stops one server; it starts again on its next use.
    pub async fn disconnect(&self, name: &str) -> Result<(), McpError> {
        let slot = self.slot(name)?;
        let client = {
            let mut state = slot.lock();
            if state.status.state != McpServerState::Disabled {
                state.status.state = McpServerState::Disconnected;
            }
            state.status.tool_count = None;
            state.client.take()
        };
        if let Some(client) = client {
            close_client(client).await;
        }
        Ok(())
    }

    /// Stops every server, waiting for each to shut down cleanly (bounded per server).
    pub async fn shutdown(&self) {
        for name in self.names() {
            let _ = self.disconnect(&name).await;
        }
    }

    fn slot(&self, name: &str) -> Result<Arc<Slot>, McpError> {
        self.read_slots()
            .get(name)
            .cloned()
            .ok_or_else(|| McpError::UnknownServer(name.to_string()))
    }

    fn read_slots(&self) -> std::sync::RwLockReadGuard<'_, BTreeMap<String, Arc<Slot>>> {
        self.slots.read().unwrap_or_else(PoisonError::into_inner)
    }

    fn write_slots(&self) -> std::sync::RwLockWriteGuard<'_, BTreeMap<String, Arc<Slot>>> {
        self.slots.write().unwrap_or_else(PoisonError::into_inner)
    }

    /// A live client for the slot: the current one, or a new one once any backoff is over.
    /// `budget` bounds the waiting (for another caller's restart, for the backoff), so a
    /// caller never waits much past its own timeout.
    async fn client_for(&self, slot: &Slot, budget: Duration) -> Result<Arc<McpClient>, McpError> {
        let spec = &slot.spec;
        if !spec.enabled {
            return Err(McpError::Disabled(spec.name.clone()));
        }
        if let Some(client) = slot.live_client() {
            return Ok(client);
        }
        let deadline = Instant::now() + budget;
        let Ok(_gate) = tokio::time::timeout(budget, slot.connect_gate.lock()).await else {
            return Err(McpError::ConnectTimeout {
                server: spec.name.clone(),
                secs: budget.as_secs_f64().ceil() as u64,
                stderr: String::new(),
            });
        };
        // Another caller may have restarted it while this one waited.
        if let Some(client) = slot.live_client() {
            return Ok(client);
        }
        let wait = {
            let mut state = slot.lock();
            if state.client.take().is_some() {
                // Died between calls (crashed, or an HTTP session ended).
                tracing::warn!(server = %spec.name, "MCP server connection found closed");
                let err = McpError::ServerExited {
                    server: spec.name.clone(),
                    detail: "it stopped while idle".into(),
                    stderr: String::new(),
                };
                self.record_failure(&mut state, &err);
            }
            let wait = state
                .retry_at
                .map(|at| at.saturating_duration_since(Instant::now()))
                .unwrap_or_default();
            if Instant::now() + wait > deadline {
                return Err(McpError::Backoff {
                    server: spec.name.clone(),
                    failures: state.failures,
                    retry_in_ms: u64::try_from(wait.as_millis()).unwrap_or(u64::MAX),
                    last_error: state.status.last_error.clone().unwrap_or_default(),
                });
            }
            state.status.state = McpServerState::Connecting;
            wait
        };
        if !wait.is_zero() {
            tracing::debug!(server = %spec.name, ?wait, "waiting before restarting MCP server");
            tokio::time::sleep(wait).await;
        }
        let connected = McpClient::connect_with_auth(spec, &self.options, self.auth.as_ref()).await;
        let mut state = slot.lock();
        match connected {
            Ok(client) => {
                let client = Arc::new(client);
                state.client = Some(client.clone());
                state.retry_at = None;
                state.timeouts_in_a_row = 0;
                state.status.state = McpServerState::Connected;
                state.status.server_info = Some(client.server_info().clone());
                state.status.tool_count = None;
                Ok(client)
            }
            Err(e) => {
                if matches!(e, McpError::Unauthorized { .. }) {
                    tracing::info!(server = %spec.name, "MCP server wants a sign-in");
                } else {
                    tracing::warn!(server = %spec.name, "MCP server failed to start: {e}");
                }
                self.record_failure(&mut state, &e);
                Err(e)
            }
        }
    }

    fn record_failure(&self, state: &mut SlotState, err: &McpError) {
        state.failures = state.failures.saturating_add(1);
        state.timeouts_in_a_row = 0;
        state.retry_at = Some(Instant::now() + self.options.backoff_delay(state.failures));
        state.status.state = McpServerState::Failed;
        state.status.failures = state.failures;
        state.status.last_error = Some(err.to_string());
        state.status.tool_count = None;
    }

    fn on_success(&self, slot: &Slot, client: &Arc<McpClient>) {
        let mut state = slot.lock();
        if state
            .client
            .as_ref()
            .is_some_and(|c| Arc::ptr_eq(c, client))
        {
            state.failures = 0;
            state.timeouts_in_a_row = 0;
            state.status.state = McpServerState::Connected;
            state.status.failures = 0;
        }
    }

    /// Decides whether an error means the connection is gone; if so the client is dropped
    /// (killing a stdio server's process group once no call holds it) and a restart is
    /// scheduled.
    fn on_error(&self, slot: &Slot, client: &Arc<McpClient>, err: &McpError) {
        let mut state = slot.lock();
        // Another caller may have replaced the connection already; its fate is its own.
        if !state
            .client
            .as_ref()
            .is_some_and(|c| Arc::ptr_eq(c, client))
        {
            return;
        }
        let dead = client.is_closed()
            || matches!(
                err,
                McpError::ServerExited { .. } | McpError::Connect { .. } | McpError::Closed(_)
            );
        let hung = if matches!(err, McpError::Timeout { .. }) {
            state.timeouts_in_a_row += 1;
            state.timeouts_in_a_row >= TIMEOUTS_BEFORE_RESTART
        } else {
            false
        };
        if dead || hung {
            tracing::warn!(server = %slot.spec.name, hung, "dropping MCP connection: {err}");
            state.client = None;
            self.record_failure(&mut state, err);
        } else {
            // The server answered (a refusal, an oversized result, a bad payload) or timed
            // out once: the connection stays.
            state.status.last_error = Some(err.to_string());
        }
    }
}

async fn close_client(client: Arc<McpClient>) {
    match Arc::try_unwrap(client) {
        Ok(client) => client.close().await,
        // A call still holds it; the process stops when that call lets go.
        Err(shared) => drop(shared),
    }
}

/// The `scope` a 403 challenge names, for the error message.
fn challenge_scope(challenge: &str) -> Option<String> {
    oauth::challenge_params(challenge).scope
}
