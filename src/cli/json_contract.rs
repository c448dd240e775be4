//! What every verb's JSON shares (README, "The JSON contract"): `schema_version`, the number of
//! cases, the scale and the options used at the top of each answer, and a failure as JSON when
//! JSON was asked for — so a script reads every answer, and every refusal, the same way.

use serde_json::{Map, Value, json};

use super::data_verbs::CsvArgs;
use crate::analysis::Dataset;
use crate::io::LoadError;

/// The version of every verb's JSON; raised when a field changes meaning or goes away (a new
/// field does not raise it). 2: every number rounded to [`SIGNIFICANT_DIGITS`], a number that
/// cannot be written (NaN, infinite) is `null` (version 1 wrote 0 in `critical` and `owners`,
/// which rounded to 4 decimals there and nowhere else); pattern curves carry touchpoint ids.
pub const SCHEMA_VERSION: u32 = 2;

/// Significant digits of every number in every verb's JSON (README, "The JSON contract"). Twelve
/// keep every figure exact well beyond what the checks against pandas (4e-12) and scikit-learn
/// (1e-12) need, and drop the last bits of binary noise (`0.30000000000000004` is `0.3`), which
/// also differ between a sum taken on one core and on two.
pub const SIGNIFICANT_DIGITS: usize = 12;

/// A number as every verb writes it: rounded to [`SIGNIFICANT_DIGITS`] significant digits, −0
/// as 0; `None` (JSON `null`) for NaN and the infinities, which JSON cannot hold. The one
/// rounding rule of the contract: [`rounded`] applies it to a whole answer, the streamed
/// `patterns` writer number by number.
pub fn number(x: f64) -> Option<f64> {
    if !x.is_finite() {
        return None;
    }
    if x == 0.0 {
        return Some(0.0);
    }
    // `{:.11e}` is the correctly rounded decimal with 12 significant digits; read back, it is
    // the nearest f64, which serde_json writes in its shortest form.
    format!("{x:.prec$e}", prec = SIGNIFICANT_DIGITS - 1)
        .parse::<f64>()
        .ok()
}

/// `value` with every floating-point number passed through [`number`] (integers are left as
/// they are).
pub fn rounded(value: Value) -> Value {
    match value {
        Value::Number(n) if n.is_f64() => n
            .as_f64()
            .and_then(number)
            .and_then(serde_json::Number::from_f64)
            .map_or(Value::Null, Value::Number),
        Value::Array(items) => Value::Array(items.into_iter().map(rounded).collect()),
        Value::Object(map) => {
            Value::Object(map.into_iter().map(|(k, v)| (k, rounded(v))).collect())
        }
        other => other,
    }
}

/// A number serialized through [`number`], for the writers that stream structs instead of
/// building a [`Value`] (`patterns` at a million cases).
pub struct Num(pub f64);

impl serde::Serialize for Num {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match number(self.0) {
            Some(x) => serializer.serialize_f64(x),
            None => serializer.serialize_none(),
        }
    }
}

/// A list of numbers serialized through [`number`].
pub struct Nums<'a>(pub &'a [f64]);

impl serde::Serialize for Nums<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|&x| Num(x)))
    }
}

/// A verb's whole answer as pretty JSON text with its numbers [`rounded`], ending in a newline.
pub fn to_text(value: Value) -> String {
    let mut text = serde_json::to_string_pretty(&rounded(value)).unwrap_or_default();
    text.push('\n');
    text
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_twelve_significant_digits_and_nan_is_null() {
        assert_eq!(number(0.1 + 0.2), Some(0.3));
        assert_eq!(number(2.0 / 3.0), Some(0.666_666_666_667));
        assert_eq!(number(-1_234.567_890_123_456), Some(-1_234.567_890_12));
        assert_eq!(
            number(1.234_567_890_123_456e-30),
            Some(1.234_567_890_12e-30)
        );
        assert_eq!(number(-0.0).map(f64::to_bits), Some(0.0f64.to_bits()));
        assert_eq!(number(f64::NAN), None);
        assert_eq!(number(f64::INFINITY), None);
        let value = rounded(json!({"a": [1, 2.0 / 3.0, {"b": 0.1 + 0.2}], "n": 7}));
        assert_eq!(
            value.to_string(),
            r#"{"a":[1,0.666666666667,{"b":0.3}],"n":7}"#
        );
    }
}
