//! The I/O vocabularies (`io_vocab.json`): how example values become encoder ids, exactly as the
//! Python training side (`models/train/vocab.py`) encodes them.
//!
//! Two kinds: `chars` (strings models; the file may omit `kind`) maps each character of a string
//! to an id, and `ints` (lists models) maps ints in `[min_int, max_int]` to ids and brackets
//! lists with `open`/`close`. In both, the inputs of one example are joined by `sep`.

use serde::Deserialize;

use super::NeuralError;
use crate::value::Value;

/// `io_vocab.json` of a strings model (`kind` absent or `"chars"`).
#[derive(Clone, Debug, Deserialize)]
pub struct CharsVocabFile {
    /// Separator between inputs.
    pub sep: i64,
    /// Id of characters outside `chars`.
    pub unk: i64,
    /// Id of the first character of `chars`.
    pub first_char_id: i64,
    /// The known characters, in id order.
    pub chars: String,
}

/// `io_vocab.json` of a lists model (`"kind": "ints"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
pub struct IntsVocab {
    /// Padding id (never produced by the encoding; the graphs pad with it).
    pub pad: i64,
    /// Separator between inputs.
    pub sep: i64,
    /// Id of ints outside `[min_int, max_int]`.
    pub unk: i64,
    /// Opens a list.
    pub open: i64,
    /// Closes a list.
    pub close: i64,
    /// Id of `min_int`.
    pub first_int_id: i64,
    /// Smallest int with its own id.
    pub min_int: i64,
    /// Largest int with its own id.
    pub max_int: i64,
    /// Number of ids.
    pub size: usize,
}

/// The character vocabulary of a strings model.
#[derive(Clone, Debug)]
pub struct CharsVocab {
    sep: i64,
    unk: i64,
    ids: Vec<(char, i64)>,
}

/// A model's I/O vocabulary.
#[derive(Clone, Debug)]
pub enum IoVocab {
    /// Characters of strings (strings models).
    Chars(CharsVocab),
    /// Ints and lists of ints (lists models).
    Ints(IntsVocab),
}

impl CharsVocab {
    /// Builds the vocabulary from its file.
    pub fn from_file(file: CharsVocabFile) -> Self {
        let ids = file
            .chars
            .chars()
            .enumerate()
            .map(|(i, c)| (c, file.first_char_id + i as i64))
            .collect();
        Self {
            sep: file.sep,
            unk: file.unk,
            ids,
        }
    }

    /// Character ids of one string.
    pub fn encode(&self, text: &str) -> Vec<i64> {
        text.chars()
            .map(|c| {
                self.ids
                    .iter()
                    .find(|(d, _)| *d == c)
                    .map_or(self.unk, |(_, id)| *id)
            })
            .collect()
    }

    /// Character ids of several inputs joined by the separator.
    pub fn encode_inputs(&self, inputs: &[&str]) -> Vec<i64> {
        let mut out = Vec::new();
        for (i, s) in inputs.iter().enumerate() {
            if i > 0 {
                out.push(self.sep);
            }
            out.extend(self.encode(s));
        }
        out
    }

    /// Largest id this vocabulary produces.
    fn max_id(&self) -> i64 {
        let chars = self.ids.iter().map(|(_, id)| *id).max().unwrap_or(0);
        chars.max(self.sep).max(self.unk)
    }
}

impl IntsVocab {
    /// Id of one int (`unk` outside `[min_int, max_int]`).
    pub fn int_id(&self, v: i64) -> i64 {
        if (self.min_int..=self.max_int).contains(&v) {
            self.first_int_id + (v - self.min_int)
        } else {
            self.unk
        }
    }

    /// Appends the ids of one value (an int, or a list of ints in brackets); `None` for any
    /// other value.
    fn push_value(&self, value: &Value, out: &mut Vec<i64>) -> Option<()> {
        match value {
            Value::Int(v) => out.push(self.int_id(*v)),
            Value::List(items) => {
                out.push(self.open);
                for item in items {
                    match item {
                        Value::Int(v) => out.push(self.int_id(*v)),
                        _ => return None,
                    }
                }
                out.push(self.close);
            }
            _ => return None,
        }
        Some(())
    }

    /// Ids of one value; `None` unless it is an int or a list of ints.
    pub fn encode(&self, value: &Value) -> Option<Vec<i64>> {
        let mut out = Vec::new();
        self.push_value(value, &mut out)?;
        Some(out)
    }

    /// Ids of several inputs joined by the separator; `None` unless every input is an int or
    /// a list of ints.
    pub fn encode_inputs(&self, inputs: &[&Value]) -> Option<Vec<i64>> {
        let mut out = Vec::new();
        for (i, v) in inputs.iter().enumerate() {
            if i > 0 {
                out.push(self.sep);
            }
            self.push_value(v, &mut out)?;
        }
        Some(out)
    }

    fn max_id(&self) -> i64 {
        let ints = self.first_int_id + (self.max_int - self.min_int);
        [self.pad, self.sep, self.unk, self.open, self.close, ints]
            .into_iter()
            .max()
            .unwrap_or(0)
    }
}

fn as_str(v: &Value) -> Option<&str> {
    match v {
        Value::Str(s) => Some(s.as_str()),
        _ => None,
    }
}

impl IoVocab {
    /// Parses `io_vocab.json` text: `kind` picks the vocabulary (`chars` when absent).
    pub fn parse(text: &str) -> Result<Self, String> {
        let json: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let kind = match json.get("kind") {
            None | Some(serde_json::Value::Null) => "chars".to_string(),
            Some(serde_json::Value::String(k)) => k.clone(),
            Some(other) => return Err(format!("`kind` must be a string, found {other}")),
        };
        match kind.as_str() {
            "chars" => serde_json::from_value::<CharsVocabFile>(json)
                .map(|f| Self::Chars(CharsVocab::from_file(f)))
                .map_err(|e| e.to_string()),
            "ints" => {
                let v: IntsVocab = serde_json::from_value(json).map_err(|e| e.to_string())?;
                if v.min_int > v.max_int {
                    return Err(format!("min_int {} > max_int {}", v.min_int, v.max_int));
                }
                if v.max_id() >= v.size as i64 {
                    return Err(format!("ids reach {} but size is {}", v.max_id(), v.size));
                }
                Ok(Self::Ints(v))
            }
            other => Err(format!(
                "unknown vocabulary kind `{other}` (expected chars or ints)"
            )),
        }
    }

    /// The vocabulary kind as written in the file (`chars` or `ints`).
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Chars(_) => "chars",
            Self::Ints(_) => "ints",
        }
    }

    /// Largest id the encoding can produce (must be below the model's embedding size).
    pub fn max_id(&self) -> i64 {
        match self {
            Self::Chars(c) => c.max_id(),
            Self::Ints(v) => v.max_id(),
        }
    }

    /// Encodes one example's inputs and output (untruncated). Strings models need `str`
    /// values; lists models ints or lists of ints; anything else is
    /// [`NeuralError::Unsupported`].
    pub fn encode_example(
        &self,
        inputs: &[&Value],
        output: &Value,
    ) -> Result<(Vec<i64>, Vec<i64>), NeuralError> {
        match self {
            Self::Chars(c) => {
                let ins: Option<Vec<&str>> = inputs.iter().map(|v| as_str(v)).collect();
                match (ins, as_str(output)) {
                    (Some(i), Some(o)) => Ok((c.encode_inputs(&i), c.encode(o))),
                    _ => Err(NeuralError::Unsupported(
                        "inputs and outputs must be strings".into(),
                    )),
                }
            }
            Self::Ints(v) => match (v.encode_inputs(inputs), v.encode(output)) {
                (Some(i), Some(o)) => Ok((i, o)),
                _ => Err(NeuralError::Unsupported(
                    "inputs and outputs must be ints or lists of ints".into(),
                )),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const INTS: &str = r#"{"kind": "ints", "pad": 0, "sep": 1, "unk": 2, "open": 3, "close": 4,
        "first_int_id": 5, "min_int": -50, "max_int": 50, "size": 106}"#;

    fn ints(xs: &[i64]) -> Value {
        Value::List(xs.iter().map(|&x| Value::Int(x)).collect())
    }

    #[test]
    fn ints_vocab_encodes_a_fixed_example_exactly() {
        let v = IoVocab::parse(INTS).expect("ints vocab");
        assert_eq!(v.kind(), "ints");
        // f([1, -50, 50, 51], 7, []) == [-3, 0]
        let (a, b, c) = (ints(&[1, -50, 50, 51]), Value::Int(7), ints(&[]));
        let (ins, out) = v
            .encode_example(&[&a, &b, &c], &ints(&[-3, 0]))
            .expect("encodes");
        // 1 -> 5 + 51 = 56, -50 -> 5, 50 -> 105, 51 -> unk 2, 7 -> 62.
        assert_eq!(ins, vec![3, 56, 5, 105, 2, 4, 1, 62, 1, 3, 4]);
        assert_eq!(out, vec![3, 52, 55, 4]);
        let (ins, out) = v
            .encode_example(&[&Value::Int(-51)], &Value::Int(0))
            .expect("encodes");
        assert_eq!((ins, out), (vec![2], vec![55]));
        assert_eq!(v.max_id(), 105);
    }

    #[test]
    fn ints_vocab_rejects_other_values() {
        let v = IoVocab::parse(INTS).expect("ints vocab");
        let s = Value::Str("a".into());
        let nested = Value::List(vec![ints(&[1])]);
        for (i, o) in [(&s, &Value::Int(1)), (&nested, &Value::Int(1))] {
            let err = v.encode_example(&[i], o).err();
            assert!(matches!(err, Some(NeuralError::Unsupported(_))), "{err:?}");
        }
        let err = v.encode_example(&[&ints(&[1])], &Value::Bool(true)).err();
        assert!(matches!(err, Some(NeuralError::Unsupported(_))));
    }

    #[test]
    fn chars_vocab_is_the_default_kind() {
        let text =
            r#"{"pad": 0, "sep": 1, "unk": 2, "first_char_id": 3, "chars": "ab", "size": 5}"#;
        let v = IoVocab::parse(text).expect("chars vocab");
        assert_eq!(v.kind(), "chars");
        let (x, y) = (Value::Str("ab".into()), Value::Str("bz".into()));
        let (ins, out) = v.encode_example(&[&x, &x], &y).expect("encodes");
        assert_eq!(ins, vec![3, 4, 1, 3, 4]);
        assert_eq!(out, vec![4, 2]);
        let err = v.encode_example(&[&Value::Int(1)], &y).err();
        assert!(matches!(err, Some(NeuralError::Unsupported(_))));
    }

    #[test]
    fn bad_vocab_files_are_errors() {
        assert!(IoVocab::parse(r#"{"kind": "bytes"}"#).is_err());
        assert!(IoVocab::parse(r#"{"kind": "ints", "sep": 1}"#).is_err());
        let small = INTS.replace("106", "100");
        assert!(IoVocab::parse(&small).is_err());
        assert!(IoVocab::parse("not json").is_err());
    }

    #[test]
    fn shipped_strings_vocab_parses_as_chars() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../models/strings/io_vocab.json");
        let Ok(text) = std::fs::read_to_string(&path) else {
            return;
        };
        let v = IoVocab::parse(&text).expect("shipped vocab");
        assert_eq!(v.kind(), "chars");
        assert_eq!(v.max_id(), 97);
    }
}
