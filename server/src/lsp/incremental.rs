//! Incremental spec extraction per document: the spec module's `SpecExtractor` keeps a
//! tree-sitter tree and reparses only what the client's edits touched. Edits are queued as the
//! client sends them and applied when an analysis needs specs; if the extractor is not at the
//! version the queue starts from (a concurrent analysis got there first, or a full-text change),
//! it is reset from the snapshot text instead, so the result always matches that text.

use crate::spec::{FileSpecs, SpecExtractor};

/// One byte-range replacement, in the text as it was when the edit was made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ByteChange {
    /// Start byte.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// New text.
    pub text: String,
}

/// Edits made since `base`, waiting to be applied to the extractor.
#[derive(Clone, Debug, Default)]
pub struct PendingEdits {
    /// Document version the edits start from.
    pub base: i32,
    /// The edits, in order.
    pub edits: Vec<ByteChange>,
    /// A full-text replacement happened: the extractor must be reset.
    pub full: bool,
}

impl PendingEdits {
    /// An empty queue at `version`.
    pub fn at(version: i32) -> Self {
        Self {
            base: version,
            edits: Vec::new(),
            full: false,
        }
    }

    /// Takes the queued edits, leaving an empty queue at `version`.
    pub fn take(&mut self, version: i32) -> Self {
        std::mem::replace(self, Self::at(version))
    }
}

/// The extractor of one document and the version its text is at.
#[derive(Default)]
pub struct IncrementalSpecs {
    extractor: Option<SpecExtractor>,
    version: Option<i32>,
    /// How many analyses reparsed incrementally (for logs and tests).
    pub incremental_runs: u64,
    /// How many analyses parsed from scratch.
    pub full_runs: u64,
}

impl std::fmt::Debug for IncrementalSpecs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IncrementalSpecs")
            .field("version", &self.version)
            .field("incremental_runs", &self.incremental_runs)
            .field("full_runs", &self.full_runs)
            .finish()
    }
}

impl IncrementalSpecs {
    /// The specs of `source` (document `version`), reusing the tree when `pending` continues
    /// from the extractor's version.
    pub fn specs(
        &mut self,
        pending: &PendingEdits,
        version: i32,
        source: &str,
    ) -> Result<FileSpecs, String> {
        let continues = self.version == Some(pending.base) && !pending.full;
        let mut reused = false;
        if let (true, Some(ext)) = (continues, self.extractor.as_mut()) {
            // All queued edits, then one incremental reparse.
            reused = ext
                .edit_all(
                    pending
                        .edits
                        .iter()
                        .map(|e| (e.start, e.end, e.text.as_str())),
                )
                .is_ok()
                && ext.text() == source;
        } else if self.version == Some(version) {
            reused = self
                .extractor
                .as_ref()
                .is_some_and(|ext| ext.text() == source);
        }
        if reused {
            self.incremental_runs += 1;
        } else {
            self.full_runs += 1;
            match self.extractor.as_mut() {
                Some(ext) => ext.set_text(source),
                None => {
                    self.extractor = Some(SpecExtractor::new(source).map_err(|e| e.to_string())?);
                }
            }
        }
        self.version = Some(version);
        let ext = self
            .extractor
            .as_ref()
            .ok_or_else(|| "no extractor".to_string())?;
        Ok(ext.specs())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::extract;

    #[test]
    fn queued_edits_reparse_incrementally_and_match_a_fresh_extraction() {
        let v1 = "def f(x):\n    \"\"\"Doc.\n\n    >>> f(1)\n    2\n    \"\"\"\n    ...\n";
        let mut inc = IncrementalSpecs::default();
        assert_eq!(inc.specs(&PendingEdits::at(1), 1, v1), Ok(extract(v1)));
        let at = v1.find("    ...").unwrap_or(0);
        let v2 = format!("{}    # f(2) -> 3\n{}", &v1[..at], &v1[at..]);
        let pending = PendingEdits {
            base: 1,
            edits: vec![ByteChange {
                start: at,
                end: at,
                text: "    # f(2) -> 3\n".into(),
            }],
            full: false,
        };
        let specs = inc.specs(&pending, 2, &v2).expect("specs");
        assert_eq!(specs, extract(&v2));
        assert_eq!(specs.functions[0].examples.len(), 2);
        assert_eq!((inc.incremental_runs, inc.full_runs), (1, 1));
        // A queue from another base resets from the text.
        let specs = inc.specs(&PendingEdits::at(7), 9, v1).expect("specs");
        assert_eq!(specs, extract(v1));
        assert_eq!(inc.full_runs, 2);
    }

    mod prop {
        use super::super::*;
        use crate::lsp::document::Document;
        use crate::lsp::position::Encoding;
        use crate::spec::extract;
        use proptest::prelude::*;
        use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent};

        const START: &str = "def f(x):\n    \"\"\"Doc.\n\n    >>> f(1)\n    2\n    \"\"\"\n    ...\n\n# g(1) -> 'é'\ndef g(y):\n    return y\n";

        fn edit() -> impl Strategy<Value = (u32, u32, u32, u32, String)> {
            (
                0u32..16,
                0u32..30,
                0u32..16,
                0u32..30,
                proptest::string::string_regex(
                    "(def h\\(z\\):|    |>>> f\\(3\\)|\\n|\\r\\n|é|😀|\"\"\"|\\.\\.\\.|x){0,4}",
                )
                .expect("regex"),
            )
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(48))]
            #[test]
            fn incremental_specs_match_fresh_extraction(edits in proptest::collection::vec(edit(), 1..12), utf8 in any::<bool>()) {
                let enc = if utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
                let mut doc = Document::new(START, 1, "python".into());
                let mut inc = IncrementalSpecs::default();
                let mut pending = PendingEdits::at(1);
                prop_assert_eq!(inc.specs(&pending, 1, START), Ok(extract(START)));
                for (i, (l1, c1, l2, c2, text)) in edits.into_iter().enumerate() {
                    let version = i as i32 + 2;
                    let change = TextDocumentContentChangeEvent {
                        range: Some(Range::new(Position::new(l1, c1), Position::new(l2, c2))),
                        range_length: None,
                        text,
                    };
                    match doc.apply_changes(&[change], version, enc) {
                        Some(list) => pending.edits.extend(list),
                        None => pending.full = true,
                    }
                    if i % 3 == 0 {
                        let text = doc.text();
                        let taken = pending.take(version);
                        prop_assert_eq!(inc.specs(&taken, version, &text), Ok(extract(&text)));
                    }
                }
                let text = doc.text();
                let taken = pending.take(doc.version);
                prop_assert_eq!(inc.specs(&taken, doc.version, &text), Ok(extract(&text)));
                prop_assert_eq!(inc.full_runs, 1, "every later run was incremental");
            }
        }
    }
}
