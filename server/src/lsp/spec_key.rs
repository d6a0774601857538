//! Cache keys for synthesis results: a hash of what the result depends on (signature, examples,
//! the module definitions the examples mention, and the settings), and nothing else, so results
//! survive unrelated edits.

use crate::spec::{ModuleContext, Spec};
use std::collections::hash_map::DefaultHasher;
use std::fmt;
use std::hash::{Hash, Hasher};

/// Identifies one synthesis problem.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SpecKey(pub u64);

impl fmt::Display for SpecKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

impl SpecKey {
    /// Parses the `Display` form.
    pub fn parse(s: &str) -> Option<Self> {
        u64::from_str_radix(s, 16).ok().map(Self)
    }

    /// The key of `spec` in `context` under settings `fingerprint`.
    pub fn of(spec: &Spec, context: &ModuleContext, fingerprint: &str) -> Self {
        let mut h = DefaultHasher::new();
        spec.name.hash(&mut h);
        spec.qualified_name.hash(&mut h);
        spec.is_async.hash(&mut h);
        spec.is_top_level.hash(&mut h);
        spec.decorators.hash(&mut h);
        spec.return_annotation.hash(&mut h);
        for p in &spec.params {
            p.name.hash(&mut h);
            p.annotation.hash(&mut h);
            p.default.hash(&mut h);
            format!("{:?}", p.kind).hash(&mut h);
        }
        let mut mentioned: Vec<&str> = Vec::new();
        for e in &spec.examples {
            format!("{:?}", e.kind).hash(&mut h);
            e.source.hash(&mut h);
            e.expected.hash(&mut h);
            e.expected_exception.hash(&mut h);
            e.directives.hash(&mut h);
            mentioned.extend(identifiers(&e.source));
            mentioned.extend(identifiers(&e.expected));
        }
        // Imports can change how example values evaluate; definitions only when an example
        // mentions them (the function itself excluded: its body is what gets replaced).
        context.imports.hash(&mut h);
        for (name, source) in &context.definitions {
            if name != &spec.name && mentioned.contains(&name.as_str()) {
                name.hash(&mut h);
                source.hash(&mut h);
            }
        }
        fingerprint.hash(&mut h);
        Self(h.finish())
    }
}

fn identifiers(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_alphabetic() || c == '_')
        })
}

/// A hash of a whole text (for results that depend on the whole file, like checks).
pub fn text_hash(text: &str, fingerprint: &str) -> u64 {
    let mut h = DefaultHasher::new();
    text.hash(&mut h);
    fingerprint.hash(&mut h);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_skip_literals_and_numbers() {
        let ids: Vec<&str> = identifiers("f(\"Ada L\", 3, SCALE_2)").collect();
        assert_eq!(ids, vec!["f", "Ada", "L", "SCALE_2"]);
    }

    #[test]
    fn key_round_trips_through_text() {
        let k = SpecKey(0xdead_beef_0042);
        assert_eq!(SpecKey::parse(&k.to_string()), Some(k));
        assert_eq!(SpecKey::parse("zz"), None);
    }
}
