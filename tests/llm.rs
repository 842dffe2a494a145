//! The LLM layer against a local server speaking the real OpenAI and Anthropic wire formats.
//! All traffic stays on 127.0.0.1.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/fake_server.rs"]
mod fake_server;

#[path = "support/cli.rs"]
mod cli;

mod llm {
    mod support;

    mod anthropic;
    mod cli;
    mod errors;
    mod extraction;
    mod openai;
    mod real_model;
}
