//! What every verb's JSON shares (README, "The JSON contract"): `schema_version`, the number of
//! cases, the scale and the options used at the top of each answer, and a failure as JSON when
//! JSON was asked for — so a script reads every answer, and every refusal, the same way.

use serde_json::{Map, Value, json};

use super::data_verbs::CsvArgs;
use crate::analysis::Dataset;
use crate::io::LoadError;

/// The version of every verb's JSON; raised when a field changes meaning or goes away (a new
/// field does not raise it).
pub const SCHEMA_VERSION: u32 = 1;

/// `{"schema_version","cases","scale":{"min","max","source":{"min","max"}|null},"in_time_order",
/// "options":{…}}`: the head of a verb's JSON, `verb_options` added to the CSV options given.
pub fn head(dataset: &Dataset, csv: &CsvArgs, verb_options: Value) -> Map<String, Value> {
    let scale = &dataset.journey.scale;
    let mut options = csv_options(csv);
    if let Value::Object(extra) = verb_options {
        options.extend(extra);
    }
    let mut head = Map::new();
    head.insert("schema_version".into(), json!(SCHEMA_VERSION));
    head.insert("cases".into(), json!(dataset.case_ids.len()));
    head.insert(
        "scale".into(),
        json!({
            "min": scale.min,
            "max": scale.max,
            "source": scale.source.as_ref().map(|s| json!({"min": s.min, "max": s.max})),
        }),
    );
    head.insert("in_time_order".into(), json!(dataset.journey.in_time_order));
    head.insert("options".into(), Value::Object(options));
    head
}

/// `head` followed by the verb's own fields, as one object.
pub fn with_head(mut head: Map<String, Value>, body: Value) -> Value {
    if let Value::Object(body) = body {
        for (key, value) in body {
            head.entry(key).or_insert(value);
        }
    }
    Value::Object(head)
}

/// The CSV options given on the command line (the ones left at their default are left out).
fn csv_options(csv: &CsvArgs) -> Map<String, Value> {
    let mut out = Map::new();
    let mut put = |key: &str, value: Value| {
        if !value.is_null() && value != json!(false) && value != json!([]) {
            out.insert(key.to_owned(), value);
        }
    };
    put("case_column", json!(csv.case_column));
    put("segment_column", json!(csv.segment_column));
    put("wave_column", json!(csv.wave_column));
    put("wave", json!(csv.wave));
    put(
        "touchpoints",
        json!(csv.touchpoints.as_ref().map(ToString::to_string)),
    );
    put("scale", json!(csv.scale.map(|(a, b)| format!("{a}..{b}"))));
    put("na", json!(csv.na));
    put(
        "delimiter",
        json!(csv.delimiter.map(|d| char::from(d).to_string())),
    );
    put("header", json!(csv.header));
    put("no_header", json!(csv.no_header));
    put("header_rows", json!(csv.header_rows));
    if csv.skip_rows > 0 {
        put("skip_rows", json!(csv.skip_rows));
    }
    put("labels", json!(csv.labels.as_ref().map(|l| l.name.clone())));
    put("encoding", json!(csv.encoding));
    put("sheet", json!(csv.sheet));
    put(
        "long",
        json!(
            csv.long
                .as_ref()
                .map(|l| format!("{},{},{}", l.case, l.touchpoint, l.score))
        ),
    );
    put(
        "outcome",
        json!(csv.outcome.as_ref().map(|o| o.column.clone())),
    );
    put("wave_date_column", json!(csv.wave_date_column));
    put("unordered", json!(csv.unordered));
    out
}

/// A refusal as JSON on standard output: `{"schema_version","error":{"message",
/// "problems":[{"file","line","column","message"}]}}` (`line` and `column` `null` for the file
/// as a whole).
pub fn load_error(error: &LoadError) -> String {
    let problems: Vec<Value> = error
        .diagnostics
        .iter()
        .map(|d| {
            json!({
                "file": d.file.display().to_string(),
                "line": d.position.map(|p| p.0),
                "column": d.position.map(|p| p.1),
                "message": d.message,
            })
        })
        .collect();
    let value = json!({
        "schema_version": SCHEMA_VERSION,
        "error": {"message": error.to_string(), "problems": problems},
    });
    format!("{value}\n")
}

/// A refusal that is only a message, as JSON.
pub fn message_error(message: &str) -> String {
    let value = json!({
        "schema_version": SCHEMA_VERSION,
        "error": {"message": message, "problems": []},
    });
    format!("{value}\n")
}
