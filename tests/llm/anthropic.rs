//! Anthropic: the Messages wire format, streaming, tool use, structured output as a forced
//! tool.

use serde_json::{Value, json};
use utter::llm::{
    ChatRequest, FinishReason, JsonSchemaFormat, LlmError, Message, ToolCall, ToolChoice,
};

use crate::fake_server::{FakeServer, Reply, event};

use super::support::{KEY, anthropic, anthropic_message, hello, tools};

#[tokio::test]
async fn anthropic_chat_sends_the_wire_format_and_reads_the_reply() {
    let reply = anthropic_message(
        json!([{"type": "thinking", "thinking": "hmm", "signature": "x"}, {"type": "text", "text": "Hello!"}]),
        "end_turn",
    );
    let server = FakeServer::start(vec![Reply::json(reply)]).await;
    let resp = anthropic(&server, Some(KEY)).chat(&hello()).await.unwrap();
    assert_eq!(resp.text, "Hello!");
    assert_eq!(resp.finish_reason, Some(FinishReason::Stop));
    assert_eq!(resp.usage.unwrap().output_tokens, 5);

    let req = &server.requests()[0];
    assert_eq!(req.path, "/v1/messages");
    assert_eq!(req.headers["x-api-key"], KEY);
    assert_eq!(req.headers["anthropic-version"], "2023-06-01");
    assert!(req.headers.get("authorization").is_none());
    assert_eq!(req.body["system"], "Be brief.");
    assert_eq!(req.body["max_tokens"], 4096);
    assert_eq!(
        req.body["messages"],
        json!([{"role": "user", "content": [{"type": "text", "text": "Say hello"}]}])
    );
}

fn anthropic_text_stream() -> Vec<String> {
    vec![
        event(
            &json!({"type": "message_start", "message": {"id": "msg_1", "type": "message", "role": "assistant", "model": "claude-test", "content": [], "stop_reason": null, "usage": {"input_tokens": 25, "output_tokens": 1}}}),
        ),
        event(
            &json!({"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}),
        ),
        event(&json!({"type": "ping"})),
        event(
            &json!({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "Hello"}}),
        ),
        event(
            &json!({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": ", there"}}),
        ),
        event(&json!({"type": "content_block_stop", "index": 0})),
        event(
            &json!({"type": "message_delta", "delta": {"stop_reason": "end_turn", "stop_sequence": null}, "usage": {"output_tokens": 15}}),
        ),
        event(&json!({"type": "message_stop"})),
    ]
}

#[tokio::test]
async fn anthropic_stream_delivers_deltas() {
    let server = FakeServer::start(vec![Reply::sse(&anthropic_text_stream(), 9)]).await;
    let mut deltas = Vec::new();
    let resp = anthropic(&server, None)
        .chat_stream(&hello(), |d| deltas.push(d.to_string()))
        .await
        .unwrap();
    assert_eq!(deltas, vec!["Hello", ", there"]);
    assert_eq!(resp.text, "Hello, there");
    assert_eq!(resp.finish_reason, Some(FinishReason::Stop));
    let usage = resp.usage.unwrap();
    assert_eq!((usage.input_tokens, usage.output_tokens), (25, 15));
    assert_eq!(server.requests()[0].body["stream"], true);
}

#[tokio::test]
async fn anthropic_stream_error_event_is_reported() {
    let mut frames = anthropic_text_stream()[..4].to_vec();
    frames.push(event(
        &json!({"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}),
    ));
    let server = FakeServer::start(vec![Reply::sse(&frames, 64)]).await;
    let err = anthropic(&server, None)
        .chat_stream(&hello(), |_| {})
        .await
        .unwrap_err();
    assert!(matches!(err, LlmError::Stream { .. }), "{err}");
    assert!(err.to_string().contains("Overloaded"));
    assert!(err.is_transient());
}

#[tokio::test]
async fn anthropic_tool_use_plain_and_streamed() {
    let plain = anthropic_message(
        json!([
            {"type": "text", "text": "I'll add it."},
            {"type": "tool_use", "id": "toolu_01", "name": "create_task", "input": {"title": "Call Joe"}}
        ]),
        "tool_use",
    );
    let streamed = vec![
        event(
            &json!({"type": "message_start", "message": {"id": "msg_1", "type": "message", "role": "assistant", "model": "claude-test", "content": [], "usage": {"input_tokens": 9, "output_tokens": 1}}}),
        ),
        event(
            &json!({"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}),
        ),
        event(
            &json!({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "Adding."}}),
        ),
        event(&json!({"type": "content_block_stop", "index": 0})),
        event(
            &json!({"type": "content_block_start", "index": 1, "content_block": {"type": "tool_use", "id": "toolu_02", "name": "create_task", "input": {}}}),
        ),
        event(
            &json!({"type": "content_block_delta", "index": 1, "delta": {"type": "input_json_delta", "partial_json": ""}}),
        ),
        event(
            &json!({"type": "content_block_delta", "index": 1, "delta": {"type": "input_json_delta", "partial_json": "{\"title\": \"Se"}}),
        ),
        event(
            &json!({"type": "content_block_delta", "index": 1, "delta": {"type": "input_json_delta", "partial_json": "nd NDA\"}"}}),
        ),
        event(&json!({"type": "content_block_stop", "index": 1})),
        event(
            &json!({"type": "message_delta", "delta": {"stop_reason": "tool_use"}, "usage": {"output_tokens": 30}}),
        ),
        event(&json!({"type": "message_stop"})),
    ];
    let server = FakeServer::start(vec![Reply::json(plain), Reply::sse(&streamed, 11)]).await;
    let client = anthropic(&server, None);
    let req = ChatRequest {
        messages: vec![Message::user("add a task")],
        tools: tools(),
        tool_choice: ToolChoice::Required,
        ..Default::default()
    };
    let resp = client.chat(&req).await.unwrap();
    assert_eq!(resp.text, "I'll add it.");
    assert_eq!(resp.finish_reason, Some(FinishReason::ToolCalls));
    assert_eq!(resp.tool_calls[0].id, "toolu_01");
    assert_eq!(
        resp.tool_calls[0].arguments_json().unwrap(),
        json!({"title": "Call Joe"})
    );

    let mut text = String::new();
    let resp = client
        .chat_stream(&req, |d| text.push_str(d))
        .await
        .unwrap();
    assert_eq!(text, "Adding.");
    assert_eq!(resp.tool_calls.len(), 1);
    assert_eq!(resp.tool_calls[0].name, "create_task");
    assert_eq!(
        resp.tool_calls[0].arguments_json().unwrap(),
        json!({"title": "Send NDA"})
    );

    let body = &server.requests()[0].body;
    assert_eq!(body["tools"][0]["name"], "create_task");
    assert_eq!(
        body["tools"][0]["input_schema"]["required"],
        json!(["title"])
    );
    assert_eq!(body["tool_choice"], json!({"type": "any"}));
}

#[tokio::test]
async fn anthropic_tool_results_are_merged_into_one_user_turn() {
    let server = FakeServer::start(vec![Reply::json(anthropic_message(
        json!([{"type": "text", "text": "Done."}]),
        "end_turn",
    ))])
    .await;
    let call = |id: &str| ToolCall {
        id: id.into(),
        name: "create_task".into(),
        arguments: "{\"title\":\"x\"}".into(),
    };
    let req = ChatRequest {
        messages: vec![
            Message::user("add two tasks"),
            Message::Assistant {
                content: String::new(),
                tool_calls: vec![call("toolu_1"), call("toolu_2")],
            },
            Message::Tool {
                call_id: "toolu_1".into(),
                content: "ok".into(),
                is_error: false,
            },
            Message::Tool {
                call_id: "toolu_2".into(),
                content: "failed".into(),
                is_error: true,
            },
        ],
        tools: tools(),
        ..Default::default()
    };
    anthropic(&server, None).chat(&req).await.unwrap();
    let msgs = server.requests()[0].body["messages"].clone();
    assert_eq!(msgs.as_array().unwrap().len(), 3);
    assert_eq!(msgs[1]["content"][0]["type"], "tool_use");
    assert_eq!(msgs[1]["content"][0]["input"], json!({"title": "x"}));
    assert_eq!(msgs[2]["role"], "user");
    assert_eq!(
        msgs[2]["content"][1],
        json!({"type": "tool_result", "tool_use_id": "toolu_2", "content": "failed", "is_error": true})
    );
}

#[tokio::test]
async fn anthropic_structured_output_is_a_forced_tool() {
    let reply = anthropic_message(
        json!([{"type": "tool_use", "id": "toolu_1", "name": "answer", "input": {"ok": true}}]),
        "tool_use",
    );
    let server = FakeServer::start(vec![Reply::json(reply)]).await;
    let req = ChatRequest {
        messages: vec![Message::user("ok?")],
        response_format: Some(JsonSchemaFormat {
            name: "answer".into(),
            description: None,
            schema: json!({"type": "object", "properties": {"ok": {"type": "boolean"}}}),
        }),
        ..Default::default()
    };
    let resp = anthropic(&server, None).chat(&req).await.unwrap();
    assert_eq!(
        serde_json::from_str::<Value>(&resp.text).unwrap(),
        json!({"ok": true})
    );
    assert!(resp.tool_calls.is_empty());
    assert_eq!(resp.finish_reason, Some(FinishReason::Stop));
    let body = &server.requests()[0].body;
    assert_eq!(
        body["tool_choice"],
        json!({"type": "tool", "name": "answer"})
    );
    assert_eq!(body["tools"][0]["name"], "answer");
    assert_eq!(body["tools"][0]["input_schema"]["type"], "object");
}
