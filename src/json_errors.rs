//! Descriptions of JSON that does not parse or does not have the expected
//! shape, in words that never repeat what was sent: serde's own messages
//! quote the offending value (`invalid type: string "..."`), and a value
//! sent to signpost may be a query, which must never reach a log or an
//! error message that a caller might log.

/// Describes `error` without quoting any part of the input: the kind of
/// problem, what was expected (from our own schema), and for syntax errors
/// the position.
pub fn describe(error: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match error.classify() {
        Category::Data => format!("the JSON does not have the expected shape: {}", shape_problem(&error.to_string())),
        Category::Syntax | Category::Eof => {
            format!("the body is not valid JSON (line {}, column {})", error.line(), error.column())
        }
        Category::Io => "the body could not be read".to_owned(),
    }
}

/// The message of a serde data error with the sent value, field or variant
/// left out. Only the parts that come from our schema are kept.
fn shape_problem(message: &str) -> String {
    let message = message.split(" at line ").next().unwrap_or(message);
    // What follows the last ", expected" or ", there are no" describes our
    // schema: the last, because a sent field name or value can itself hold
    // ", expected ..." to have it echoed.
    let expected =
        [", expected ", ", there are no "].iter().find_map(|marker| message.rfind(marker).map(|at| &message[at + 2..]));
    let kind = [
        ("invalid type", "a value has the wrong type"),
        ("invalid value", "a value is not allowed"),
        ("invalid length", "a list has the wrong length"),
        ("unknown variant", "a value is not one of the known ones"),
        ("unknown field", "unknown field"),
    ]
    .iter()
    .find(|(prefix, _)| message.starts_with(prefix))
    .map(|(_, kind)| *kind);
    match (kind, expected) {
        (Some(kind), Some(expected)) => format!("{kind}, {expected}"),
        (Some(kind), None) => kind.to_owned(),
        // Missing and duplicate fields are named from the schema: a field
        // can only be a duplicate if it is one of ours.
        (None, _) if message.starts_with("missing field `") || message.starts_with("duplicate field `") => {
            message.to_owned()
        }
        (None, _) => "unexpected content".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Request {
        q: String,
        count: Option<u8>,
        mode: Option<Mode>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(rename_all = "lowercase")]
    enum Mode {
        Fast,
    }

    fn described(json: &str) -> String {
        describe(&serde_json::from_str::<Request>(json).expect_err("does not parse"))
    }

    #[test]
    fn a_sent_name_that_mimics_the_schema_is_not_echoed() {
        for json in [
            r#"{"q": "x", "MARKERzq, expected SOMETHING": 1}"#,
            r#"{"q": "x", "mode": "MARKERzq, expected SOMETHING"}"#,
            r#"{"q": "x", "count": "MARKERzq, expected SOMETHING"}"#,
        ] {
            let message = described(json);
            assert!(!message.contains("MARKERzq") && !message.contains("SOMETHING"), "{json} → {message}");
            assert!(message.contains("expected"), "the schema is still described: {message}");
        }
    }

    #[test]
    fn no_message_repeats_the_input() {
        let marker = "MARKERzq";
        for json in [
            format!("\"{marker}\""),
            format!("{{\"{marker}\": 1}}"),
            format!("{{\"q\": \"x\", \"mode\": \"{marker}\"}}"),
            format!("{{\"q\": \"x\", \"count\": \"{marker}\"}}"),
            "{\"q\": \"x\", \"count\": 4000}".to_owned(),
            format!("{{\"q\": [\"{marker}\"]}}"),
            format!("{{\"q\": \"{marker}\""),
            format!("[\"{marker}\"]"),
        ] {
            let message = described(&json);
            assert!(!message.contains(marker) && !message.contains("4000"), "{json} -> {message}");
            assert!(message.starts_with("the "), "{message}");
        }
    }

    #[test]
    fn messages_still_say_what_was_expected() {
        assert_eq!(
            described("\"text\""),
            "the JSON does not have the expected shape: a value has the wrong type, expected struct Request"
        );
        assert_eq!(
            described("{\"colour\": 1}"),
            "the JSON does not have the expected shape: unknown field, expected one of `q`, `count`, `mode`"
        );
        assert_eq!(described("{}"), "the JSON does not have the expected shape: missing field `q`");
        assert_eq!(
            described("{\"q\": \"x\", \"q\": \"y\"}"),
            "the JSON does not have the expected shape: duplicate field `q`"
        );
        assert!(
            described("{\"q\": \"x\", \"mode\": \"slow\"}")
                .ends_with("a value is not one of the known ones, expected `fast`")
        );
        assert_eq!(described("{\"q\": "), "the body is not valid JSON (line 1, column 6)");
    }
}
