//! OpenAI-compatible providers: the wire format, streaming, tool calls, structured output.

use serde_json::{Value, json};
use utter::llm::{
    ChatRequest, FinishReason, JsonSchemaFormat, LlmError, Message, ToolCall, ToolChoice,
    extract_with_llm,
};
use utter::model::default_categories;

use crate::fake_server::{FakeServer, Reply, data};

use super::support::{
    DUMP, KEY, chunk, completion, fast_retry, hello, now, openai, tasks_json, tools,
};

#[tokio::test]
async fn openai_chat_sends_the_wire_format_and_reads_the_reply() {
    let server = FakeServer::start(vec![Reply::json(completion(json!("Hello!"), "stop"))]).await;
    let resp = openai(&server, Some(KEY)).chat(&hello()).await.unwrap();
    assert_eq!(resp.text, "Hello!");
    assert_eq!(resp.finish_reason, Some(FinishReason::Stop));
    assert_eq!(resp.usage.unwrap().input_tokens, 12);
    assert_eq!(resp.model.as_deref(), Some("test-model-0412"));

    let req = &server.requests()[0];
    assert_eq!(req.path, "/v1/chat/completions");
    assert_eq!(req.headers["authorization"], format!("Bearer {KEY}"));
    assert_eq!(req.body["model"], "test-model");
    assert_eq!(
        req.body["messages"],
        json!([{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Say hello"}])
    );
    assert!(req.body.get("stream").is_none());
}

#[tokio::test]
async fn openai_without_a_key_sends_no_authorization() {
    let server = FakeServer::start(vec![Reply::json(completion(json!("hi"), "stop"))]).await;
    openai(&server, None).chat(&hello()).await.unwrap();
    assert!(server.requests()[0].headers.get("authorization").is_none());
}

#[tokio::test]
async fn openai_stream_delivers_deltas_across_split_reads() {
    let frames = vec![
        chunk(json!({"role": "assistant", "content": ""}), None),
        chunk(json!({"content": "Hel"}), None),
        chunk(json!({"content": "lo, "}), None),
        chunk(json!({"content": "wörld"}), None),
        chunk(json!({}), Some("stop")),
        data(
            &json!({"id": "chatcmpl-1", "choices": [], "usage": {"prompt_tokens": 7, "completion_tokens": 4}}),
        ),
        "data: [DONE]\n\n".to_string(),
    ];
    // 5-byte pieces split frames, JSON and the multi-byte 'ö'.
    let server = FakeServer::start(vec![Reply::sse(&frames, 5)]).await;
    let mut deltas = Vec::new();
    let resp = openai(&server, None)
        .chat_stream(&hello(), |d| deltas.push(d.to_string()))
        .await
        .unwrap();
    assert_eq!(deltas, vec!["Hel", "lo, ", "wörld"]);
    assert_eq!(resp.text, "Hello, wörld");
    assert_eq!(resp.finish_reason, Some(FinishReason::Stop));
    assert_eq!(resp.usage.unwrap().output_tokens, 4);
    let req = &server.requests()[0];
    assert_eq!(req.body["stream"], true);
    assert_eq!(req.body["stream_options"]["include_usage"], true);
    assert_eq!(req.headers["accept"], "text/event-stream");
}

#[tokio::test]
async fn openai_stream_cut_off_is_an_error() {
    let frames = vec![chunk(json!({"content": "Hel"}), None)];
    let server = FakeServer::start(vec![Reply::sse(&frames, 64)]).await;
    let err = openai(&server, None)
        .chat_stream(&hello(), |_| {})
        .await
        .unwrap_err();
    assert!(matches!(err, LlmError::Malformed { .. }), "{err}");
}

#[tokio::test]
async fn openai_tool_call_request_and_response() {
    let reply = json!({
        "id": "c", "object": "chat.completion", "model": "m",
        "choices": [{"index": 0, "finish_reason": "tool_calls", "message": {
            "role": "assistant", "content": null,
            "tool_calls": [{"id": "call_abc", "type": "function",
                "function": {"name": "create_task", "arguments": "{\"title\":\"Call Joe\"}"}}]
        }}]
    });
    let server = FakeServer::start(vec![Reply::json(reply)]).await;
    let req = ChatRequest {
        messages: vec![Message::user("add a task to call Joe")],
        tools: tools(),
        tool_choice: ToolChoice::Tool("create_task".into()),
        ..Default::default()
    };
    let resp = openai(&server, None).chat(&req).await.unwrap();
    assert_eq!(resp.finish_reason, Some(FinishReason::ToolCalls));
    assert_eq!(resp.tool_calls.len(), 1);
    let call = &resp.tool_calls[0];
    assert_eq!(
        (call.id.as_str(), call.name.as_str()),
        ("call_abc", "create_task")
    );
    assert_eq!(call.arguments_json().unwrap(), json!({"title": "Call Joe"}));

    let body = &server.requests()[0].body;
    assert_eq!(body["tools"][0]["type"], "function");
    assert_eq!(body["tools"][0]["function"]["name"], "create_task");
    assert_eq!(
        body["tools"][0]["function"]["parameters"]["required"],
        json!(["title"])
    );
    assert_eq!(
        body["tool_choice"],
        json!({"type": "function", "function": {"name": "create_task"}})
    );
}

#[tokio::test]
async fn openai_tool_calls_streamed_in_pieces() {
    let tc = |index: u32, id: Option<&str>, name: Option<&str>, args: &str| {
        let mut f = json!({"arguments": args});
        if let Some(n) = name {
            f["name"] = json!(n);
        }
        let mut t = json!({"index": index, "function": f});
        if let Some(id) = id {
            t["id"] = json!(id);
            t["type"] = json!("function");
        }
        chunk(json!({"tool_calls": [t]}), None)
    };
    let frames = vec![
        chunk(json!({"role": "assistant", "content": null}), None),
        tc(0, Some("call_1"), Some("create_task"), ""),
        tc(0, None, None, "{\"ti"),
        tc(1, Some("call_2"), Some("create_task"), "{\"title\":"),
        tc(0, None, None, "tle\": \"Call Joe\"}"),
        tc(1, None, None, " \"Send NDA\"}"),
        chunk(json!({}), Some("tool_calls")),
        "data: [DONE]\n\n".to_string(),
    ];
    let server = FakeServer::start(vec![Reply::sse(&frames, 7)]).await;
    let req = ChatRequest {
        messages: vec![Message::user("two tasks")],
        tools: tools(),
        ..Default::default()
    };
    let mut text = String::new();
    let resp = openai(&server, None)
        .chat_stream(&req, |d| text.push_str(d))
        .await
        .unwrap();
    assert!(text.is_empty());
    assert_eq!(resp.finish_reason, Some(FinishReason::ToolCalls));
    let got: Vec<(String, Value)> = resp
        .tool_calls
        .iter()
        .map(|c| (c.id.clone(), c.arguments_json().unwrap()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("call_1".to_string(), json!({"title": "Call Joe"})),
            ("call_2".to_string(), json!({"title": "Send NDA"})),
        ]
    );
    assert_eq!(server.requests()[0].body["tool_choice"], "auto");
}

#[tokio::test]
async fn openai_tool_results_round_trip_in_the_request() {
    let server = FakeServer::start(vec![Reply::json(completion(json!("Done."), "stop"))]).await;
    let req = ChatRequest {
        messages: vec![
            Message::user("add a task"),
            Message::Assistant {
                content: String::new(),
                tool_calls: vec![ToolCall {
                    id: "call_1".into(),
                    name: "create_task".into(),
                    arguments: "{\"title\":\"x\"}".into(),
                }],
            },
            Message::Tool {
                call_id: "call_1".into(),
                content: "created #4".into(),
                is_error: false,
            },
        ],
        tools: tools(),
        ..Default::default()
    };
    openai(&server, None).chat(&req).await.unwrap();
    let msgs = &server.requests()[0].body["messages"];
    assert_eq!(msgs[1]["content"], Value::Null);
    assert_eq!(
        msgs[1]["tool_calls"][0]["function"]["arguments"],
        "{\"title\":\"x\"}"
    );
    assert_eq!(
        msgs[2],
        json!({"role": "tool", "tool_call_id": "call_1", "content": "created #4"})
    );
}

#[tokio::test]
async fn openai_structured_output_uses_strict_json_schema() {
    let server = FakeServer::start(vec![Reply::json(completion(
        json!("{\"ok\":true}"),
        "stop",
    ))])
    .await;
    let req = ChatRequest {
        messages: vec![Message::user("ok?")],
        response_format: Some(JsonSchemaFormat {
            name: "answer".into(),
            description: None,
            schema: json!({"type": "object", "properties": {"ok": {"type": "boolean"}}, "required": ["ok"], "additionalProperties": false}),
        }),
        ..Default::default()
    };
    let resp = openai(&server, None).chat(&req).await.unwrap();
    assert_eq!(resp.text, "{\"ok\":true}");
    let rf = &server.requests()[0].body["response_format"];
    assert_eq!(rf["type"], "json_schema");
    assert_eq!(rf["json_schema"]["name"], "answer");
    assert_eq!(rf["json_schema"]["strict"], true);
    assert_eq!(rf["json_schema"]["schema"]["required"], json!(["ok"]));
}

#[tokio::test]
async fn server_without_json_schema_support_gets_json_object() {
    // llama-cpp-python 0.3.x answers `json_schema` with a 500 and this validation message.
    let rejection = r#"{"error":{"message":"1 validation error: {'type': 'literal_error', 'loc': ('body', 'response_format', 'type'), 'msg': \"Input should be 'text' or 'json_object'\", 'input': 'json_schema'}","type":"internal_server_error"}}"#;
    let server = FakeServer::start(vec![
        Reply::status(500, rejection),
        Reply::status(500, rejection),
        Reply::json(completion(json!(tasks_json()), "stop")),
        Reply::json(completion(json!(tasks_json()), "stop")),
    ])
    .await;
    let client = openai(&server, None).with_retry_policy(fast_retry(1));
    let cats = default_categories();
    let tasks = extract_with_llm(&client, DUMP, now(), &cats).await.unwrap();
    assert_eq!(tasks.len(), 3);
    let reqs = server.requests();
    assert_eq!(reqs.len(), 3);
    assert_eq!(reqs[0].body["response_format"]["type"], "json_schema");
    assert_eq!(reqs[2].body["response_format"]["type"], "json_object");
    assert_eq!(
        reqs[2].body["response_format"]["schema"]["required"],
        json!(["tasks"])
    );
    // Remembered: the next call goes straight to json_object.
    extract_with_llm(&client, DUMP, now(), &cats).await.unwrap();
    let reqs = server.requests();
    assert_eq!(reqs.len(), 4);
    assert_eq!(reqs[3].body["response_format"]["type"], "json_object");
}

#[tokio::test]
async fn openai_refusal_is_a_typed_error() {
    let reply = json!({"choices": [{"index": 0, "finish_reason": "stop",
        "message": {"role": "assistant", "content": null, "refusal": "I can't help with that."}}]});
    let server = FakeServer::start(vec![Reply::json(reply)]).await;
    let err = openai(&server, None).chat(&hello()).await.unwrap_err();
    assert!(matches!(err, LlmError::Refused(_)), "{err}");
}

#[tokio::test]
async fn malformed_reply_is_a_typed_error() {
    let server = FakeServer::start(vec![
        Reply::status(200, "<html>proxy login</html>"),
        Reply::json(json!({"choices": []})),
    ])
    .await;
    let client = openai(&server, None);
    for _ in 0..2 {
        let err = client.chat(&hello()).await.unwrap_err();
        assert!(matches!(err, LlmError::Malformed { .. }), "{err}");
        assert!(!err.to_string().contains('\n'));
    }
}
