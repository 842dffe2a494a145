//! One reply: the model streams, calls tools, and is asked again until it answers, each
//! message saved as it happens.

use super::*;

impl Service {
    pub(super) async fn chat_loop(
        &self,
        turn: &Turn<'_>,
        agent: &AgentDef,
        task: Option<&Task>,
    ) -> ServiceResult<ChatMessage> {
        let categories: Vec<String> = self
            .list_categories()?
            .into_iter()
            .map(|c| c.name)
            .collect();
        let system = chat_system_prompt(agent, task, turn.now, &categories);
        let mut specs: Vec<ToolSpec> = board_tool_specs();
        if let Some(tb) = turn.toolbox {
            specs.extend(
                tb.specs()
                    .into_iter()
                    .filter(|s| turn.allowed.contains(&s.name)),
            );
        }
        for _ in 0..MAX_TOOL_ROUNDS {
            let history = self.store().chat_messages(turn.chat_id, HISTORY_WINDOW)?;
            let request = ChatRequest {
                system: Some(system.clone()),
                messages: llm_messages(&history),
                tools: specs.clone(),
                ..ChatRequest::default()
            };
            let mut streamed = String::new();
            let reply = {
                let call = turn.llm.chat_stream(&request, |piece| {
                    streamed.push_str(piece);
                    (turn.on_event)(ChatEvent::Delta {
                        task_id: turn.task_id,
                        text: piece.to_owned(),
                    });
                });
                tokio::select! {
                    r = call => Some(r),
                    () = turn.stop.cancelled() => None,
                }
            };
            let Some(reply) = reply else {
                let content = format!("{}\n\n_(stopped)_", streamed.trim_end());
                return self.save_chat(
                    turn,
                    ChatRole::Assistant,
                    &NewChatMessage {
                        content: content.trim_start(),
                        ..NewChatMessage::default()
                    },
                );
            };
            let reply = reply?;
            let calls: Vec<ChatToolCall> = reply
                .tool_calls
                .iter()
                .map(|c| ChatToolCall {
                    id: c.id.clone(),
                    name: c.name.clone(),
                    arguments: c.arguments.clone(),
                })
                .collect();
            let usage = reply.usage.unwrap_or_default();
            let answer = self.save_chat(
                turn,
                ChatRole::Assistant,
                &NewChatMessage {
                    content: &reply.text,
                    tool_calls: &calls,
                    tokens: (usage.input_tokens as i64, usage.output_tokens as i64),
                    ..NewChatMessage::default()
                },
            )?;
            if calls.is_empty() {
                return Ok(answer);
            }
            for call in &reply.tool_calls {
                // Every call gets a result, even when stopped: providers refuse a history
                // with a call left unanswered.
                let (content, is_error) = if turn.stop.is_cancelled() {
                    ("Not run: the user pressed Stop.".to_owned(), true)
                } else {
                    self.chat_tool(turn, call).await
                };
                self.save_chat(
                    turn,
                    ChatRole::Tool,
                    &NewChatMessage {
                        content: &content,
                        call_id: Some(&call.id),
                        tool: Some(&call.name),
                        is_error,
                        ..NewChatMessage::default()
                    },
                )?;
            }
            if turn.stop.is_cancelled() {
                return Ok(answer);
            }
        }
        Err(ChatError::TooManyRounds(MAX_TOOL_ROUNDS).into())
    }

    pub(super) fn save_chat(
        &self,
        turn: &Turn<'_>,
        role: ChatRole,
        m: &NewChatMessage<'_>,
    ) -> ServiceResult<ChatMessage> {
        let saved = self.store().insert_chat_message(turn.chat_id, role, m)?;
        (turn.on_event)(ChatEvent::Message {
            task_id: turn.task_id,
            message: saved.clone(),
        });
        Ok(saved)
    }
}
