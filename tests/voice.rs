//! Integration tests of the voice layer with real parts: espeak-ng speech, a real Whisper
//! model (env `UTTER_TEST_MODEL`, from `scripts/fetch-test-model.sh`), a real HTTP server on
//! loopback, and virtual audio devices (ALSA file plugin, PulseAudio null sink).

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/fake_server.rs"]
mod fake_server;

#[path = "support/cli.rs"]
mod cli;

mod voice {
    pub mod support;

    pub mod capture;
    mod cli;
    mod download;
    mod dumps;
    mod final_pass;
    mod heard_text;
    mod models;
    mod refine;
    mod session;
    mod streaming;
    mod transcribe;
    mod vocabulary;
    mod wav_input;
}
