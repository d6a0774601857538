//! Validation of message bodies before `tower-lsp-server` sees them: every body is parsed here,
//! answered with the JSON-RPC error the specification names when it is not a valid message,
//! and otherwise re-serialized in a canonical shape that `tower-lsp-server` always accepts
//! (one `jsonrpc`, `id`, `method`, `params`; duplicate keys and unknown fields dropped).

use serde_json::{json, Map, Value};

/// JSON-RPC: invalid JSON was received.
pub(crate) const PARSE_ERROR: i64 = -32700;
/// JSON-RPC: the JSON sent is not a valid request object.
pub(crate) const INVALID_REQUEST: i64 = -32600;
/// JSON-RPC: the method does not exist or is not available.
pub(crate) const METHOD_NOT_FOUND: i64 = -32601;

/// What a message is, for the transport's own bookkeeping.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A request (has an id) with this method.
    Request(String),
    /// A notification with this method.
    Notification(String),
    /// A response to one of the server's requests.
    Response,
}

/// What to do with one body.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Inbound {
    /// Pass to the server, in this canonical form.
    Forward {
        /// The canonical body.
        body: Vec<u8>,
        /// What it is.
        kind: Kind,
    },
    /// Answer the client with this error response; the server never sees the body.
    Reply(Value),
    /// Drop, with the reason (a notification or response that cannot be answered).
    Ignore(String),
}

/// A JSON-RPC error response.
pub(crate) fn error_response(id: Value, code: i64, message: impl Into<String>) -> Value {
    json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message.into()}})
}

/// A request id as LSP allows it (integer or string), or `None`.
fn valid_id(id: &Value) -> Option<Value> {
    match id {
        Value::String(_) => Some(id.clone()),
        Value::Number(n) => n.as_i64().map(Value::from),
        _ => None,
    }
}

/// Classifies one body.
pub(crate) fn classify(body: &[u8]) -> Inbound {
    let value: Value = match serde_json::from_slice(body) {
        Ok(v) => v,
        Err(e) => {
            return Inbound::Reply(error_response(
                Value::Null,
                PARSE_ERROR,
                format!("Parse error: {e}"),
            ))
        }
    };
    let Value::Object(mut obj) = value else {
        let what = match value {
            Value::Array(_) => "a batch (array) — LSP does not use batches",
            _ => "not an object",
        };
        return Inbound::Reply(error_response(
            Value::Null,
            INVALID_REQUEST,
            format!("Invalid Request: the message is {what}"),
        ));
    };
    let raw_id = obj.remove("id");
    let id = raw_id.as_ref().and_then(valid_id);
    let reply_id = id.clone().unwrap_or(Value::Null);
    let invalid = |why: String| {
        Inbound::Reply(error_response(
            reply_id.clone(),
            INVALID_REQUEST,
            format!("Invalid Request: {why}"),
        ))
    };
    if obj.get("jsonrpc").and_then(Value::as_str) != Some("2.0") {
        return match (obj.get("method"), &id) {
            // A notification or response cannot be answered; drop it.
            (None, Some(_)) => Inbound::Ignore("response without \"jsonrpc\": \"2.0\"".into()),
            (Some(_), None) if raw_id.is_none() => {
                Inbound::Ignore("notification without \"jsonrpc\": \"2.0\"".into())
            }
            _ => invalid("\"jsonrpc\" must be \"2.0\"".to_string()),
        };
    }
    if let (Some(raw), None) = (&raw_id, &id) {
        let is_response = obj.get("method").is_none();
        return if is_response {
            Inbound::Ignore(format!("response with an invalid id {raw}"))
        } else {
            invalid(format!("id must be an integer or a string, got {raw}"))
        };
    }
    match obj.remove("method") {
        Some(Value::String(method)) => {
            let params = obj.remove("params");
            if let Some(p) = &params {
                if !matches!(p, Value::Object(_) | Value::Array(_) | Value::Null) {
                    if id.is_some() {
                        return invalid("params must be an object or an array".to_string());
                    }
                    return Inbound::Ignore(format!(
                        "{method}: params must be an object or an array"
                    ));
                }
            }
            let mut out = Map::new();
            out.insert("jsonrpc".into(), json!("2.0"));
            let kind = match id {
                Some(id) => {
                    if method.starts_with("$/") {
                        return Inbound::Reply(error_response(
                            id,
                            METHOD_NOT_FOUND,
                            format!("Method not found: {method}"),
                        ));
                    }
                    out.insert("id".into(), id);
                    Kind::Request(method.clone())
                }
                None => {
                    if method.starts_with("$/") && method != "$/cancelRequest" {
                        return Inbound::Ignore(format!("{method} is not handled"));
                    }
                    Kind::Notification(method.clone())
                }
            };
            out.insert("method".into(), Value::String(method));
            if let Some(p) = params.filter(|p| !p.is_null()) {
                out.insert("params".into(), p);
            }
            forward(Value::Object(out), kind)
        }
        Some(other) => invalid(format!("method must be a string, got {other}")),
        None => match id {
            Some(id) if obj.contains_key("result") || obj.contains_key("error") => {
                response(id, obj)
            }
            _ => invalid("no method".to_string()),
        },
    }
}

/// A response from the client, in the shape `tower-lsp-server` expects.
fn response(id: Value, mut obj: Map<String, Value>) -> Inbound {
    let result = obj.remove("result");
    let error = obj.remove("error");
    let canonical = match (result, error) {
        (Some(result), None) => json!({"jsonrpc": "2.0", "id": id, "result": result}),
        (None, Some(Value::Object(mut e))) => {
            let code = e.remove("code").and_then(|c| c.as_i64());
            let message = e.remove("message");
            let (Some(code), Some(Value::String(message))) = (code, message) else {
                return Inbound::Ignore(format!(
                    "response {id}: error needs an integer code and a string message"
                ));
            };
            let mut err = json!({"code": code, "message": message});
            if let Some(data) = e.remove("data") {
                err["data"] = data;
            }
            json!({"jsonrpc": "2.0", "id": id, "error": err})
        }
        _ => {
            return Inbound::Ignore(format!(
                "response {id}: needs exactly one of result and an error object"
            ))
        }
    };
    forward(canonical, Kind::Response)
}

fn forward(value: Value, kind: Kind) -> Inbound {
    match serde_json::to_vec(&value) {
        Ok(body) => Inbound::Forward { body, kind },
        Err(e) => Inbound::Ignore(format!("cannot re-encode the message: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reply_code(i: &Inbound) -> Option<(i64, Value)> {
        match i {
            Inbound::Reply(v) => Some((v["error"]["code"].as_i64()?, v["id"].clone())),
            _ => None,
        }
    }

    #[test]
    fn malformed_bodies_get_the_errors_the_specification_names() {
        let cases: &[(&str, i64, Value)] = &[
            ("{not json", PARSE_ERROR, Value::Null),
            ("\u{1}", PARSE_ERROR, Value::Null),
            ("[1,2]", INVALID_REQUEST, Value::Null),
            ("3", INVALID_REQUEST, Value::Null),
            (
                r#"{"jsonrpc":"2.0","id":{"a":1},"method":"x"}"#,
                INVALID_REQUEST,
                Value::Null,
            ),
            (
                r#"{"jsonrpc":"2.0","id":1.5,"method":"x"}"#,
                INVALID_REQUEST,
                Value::Null,
            ),
            (r#"{"jsonrpc":"2.0","id":7}"#, INVALID_REQUEST, json!(7)),
            (
                r#"{"jsonrpc":"2.0","id":7,"method":5}"#,
                INVALID_REQUEST,
                json!(7),
            ),
            (
                r#"{"jsonrpc":"1.0","id":"a","method":"x"}"#,
                INVALID_REQUEST,
                json!("a"),
            ),
            (
                r#"{"jsonrpc":"2.0","id":2,"method":"x","params":3}"#,
                INVALID_REQUEST,
                json!(2),
            ),
            (
                r#"{"jsonrpc":"2.0","id":3,"method":"$/unknown"}"#,
                METHOD_NOT_FOUND,
                json!(3),
            ),
            (r#"{"jsonrpc":"2.0"}"#, INVALID_REQUEST, Value::Null),
        ];
        for (body, code, id) in cases {
            assert_eq!(
                reply_code(&classify(body.as_bytes())),
                Some((*code, id.clone())),
                "{body}"
            );
        }
        let deep = "[".repeat(100_000);
        assert_eq!(
            reply_code(&classify(deep.as_bytes())).map(|c| c.0),
            Some(PARSE_ERROR)
        );
    }

    #[test]
    fn valid_messages_are_forwarded_canonically() {
        let got = classify(
            br#"{"method":"initialize","id":1,"jsonrpc":"2.0","id":2,"extra":true,"params":{}}"#,
        );
        let Inbound::Forward { body, kind } = got else {
            panic!("not forwarded: {got:?}");
        };
        assert_eq!(kind, Kind::Request("initialize".into()));
        let v: Value = serde_json::from_slice(&body).expect("json");
        assert_eq!(
            v,
            json!({"jsonrpc":"2.0","id":2,"method":"initialize","params":{}})
        );
        assert!(matches!(
            classify(br#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":1}}"#),
            Inbound::Forward {
                kind: Kind::Notification(_),
                ..
            }
        ));
        assert!(matches!(
            classify(br#"{"jsonrpc":"2.0","method":"$/setTrace","params":{}}"#),
            Inbound::Ignore(_)
        ));
        let Inbound::Forward { body, kind } = classify(
            br#"{"jsonrpc":"2.0","id":"s1","error":{"code":-1,"message":"no","extra":1}}"#,
        ) else {
            panic!("response not forwarded");
        };
        assert_eq!(kind, Kind::Response);
        let v: Value = serde_json::from_slice(&body).expect("json");
        assert_eq!(
            v,
            json!({"jsonrpc":"2.0","id":"s1","error":{"code":-1,"message":"no"}})
        );
        assert!(matches!(
            classify(br#"{"jsonrpc":"2.0","id":4,"result":1,"error":{"code":1,"message":""}}"#),
            Inbound::Ignore(_)
        ));
    }
}
