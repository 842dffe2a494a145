//! Integration tests of the MCP client against real MCP servers from npm and a small
//! dependency-free node server for failure cases.
//!
//! Needs node and the npm fixtures: `export UTTER_MCP_FIXTURES="$(scripts/mcp-fixtures.sh)"`.
//! Without them every test fails with that hint, unless `UTTER_SKIP_MCP=1`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/fake_server.rs"]
mod fake_server;

#[path = "support/cli.rs"]
mod cli;

mod mcp {
    mod common;
    use super::fake_server;

    mod agents;
    pub mod agents_cli;
    mod approvals;
    mod chat;
    mod cli;
    mod config;
    mod failures;
    pub mod http;
    mod service;
    mod sign_in_notice;
    mod stdio;
    mod supervisor;
    mod views;
    mod workflows;
}
