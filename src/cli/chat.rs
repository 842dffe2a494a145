//! `utter chat [MESSAGE] [--task ID] [--clear] [--json]`: the side chat from a terminal.
//! The reply streams to stdout as it arrives; tool calls and their outcome go to stderr so a
//! pipe gets only the answer.

use std::io::{Read, Write};
use std::sync::Mutex;

use super::args::ChatArgs;
use super::{out, out_json, runtime};
use crate::agents::summarize;
use crate::chat::{ChatEvent, ChatMessage, ChatRole};
use crate::error::{Error, Result};
use crate::service::Service;

pub fn run(svc: &Service, args: ChatArgs) -> Result<()> {
    if args.clear {
        let n = svc.chat_clear(args.task)?;
        return out(&format!("cleared {n} messages"));
    }
    let Some(message) = args.message else {
        let thread = svc.chat_thread(args.task)?;
        if args.json {
            return out_json(&thread.messages);
        }
        if thread.messages.is_empty() {
            return out("(no messages yet; `utter chat \"…\"` starts the conversation)");
        }
        let lines: Vec<String> = thread.messages.iter().map(transcript_line).collect();
        return out(&lines.join("\n"));
    };
    let message = if message == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| Error::Io(format!("cannot read the message from stdin: {e}")))?;
        text
    } else {
        message
    };
    let saved: Mutex<Vec<ChatMessage>> = Mutex::new(Vec::new());
    let streamed = Mutex::new(false);
    let json = args.json;
    let on_event = |ev: ChatEvent| {
        if json {
            if let ChatEvent::Message { message, .. } = ev
                && let Ok(mut s) = saved.lock()
            {
                s.push(message);
            }
            return;
        }
        match ev {
            ChatEvent::Delta { text, .. } => {
                let mut stdout = std::io::stdout().lock();
                let _ = write!(stdout, "{}", super::safe_line(&text));
                let _ = stdout.flush();
                if let Ok(mut s) = streamed.lock() {
                    *s = true;
                }
            }
            ChatEvent::Message { message, .. } => match message.role {
                ChatRole::Assistant => {
                    for call in &message.tool_calls {
                        eprintln!(
                            "→ {}",
                            super::safe_line(&format!(
                                "{} {}",
                                call.name,
                                summarize(&call.arguments, 160)
                            ))
                        );
                    }
                }
                ChatRole::Tool => {
                    let mark = if message.is_error { "✗" } else { "←" };
                    eprintln!(
                        "{mark} {}",
                        super::safe_line(&summarize(&message.content, 160))
                    );
                }
                ChatRole::User => {}
            },
            ChatEvent::Notice { text, .. } => eprintln!("note: {}", super::safe_line(&text)),
            ChatEvent::Done { .. } | ChatEvent::Failed { .. } => {}
        }
    };
    let result = runtime()?.block_on(svc.chat_send(args.task, &message, &on_event));
    if json {
        let messages = saved.into_inner().unwrap_or_default();
        result?;
        return out_json(&messages);
    }
    let final_message = result?;
    let any_streamed = streamed.into_inner().unwrap_or(false);
    if !any_streamed {
        // A provider that does not stream still gives its answer.
        return out(&final_message.content);
    }
    // End the streamed text with a newline; a closed pipe is fine.
    if !final_message.content.ends_with('\n') {
        out("")?;
    }
    Ok(())
}

fn transcript_line(m: &ChatMessage) -> String {
    match m.role {
        ChatRole::User => format!("you: {}", m.content),
        ChatRole::Assistant => {
            let mut line = format!("assistant: {}", m.content);
            for c in &m.tool_calls {
                line.push_str(&format!(
                    "\n  → {} {}",
                    c.name,
                    summarize(&c.arguments, 160)
                ));
            }
            line
        }
        ChatRole::Tool => format!(
            "  {} {}",
            if m.is_error { "✗" } else { "←" },
            summarize(&m.content, 160)
        ),
    }
}
