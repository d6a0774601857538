//! Cache keys for synthesis results: a hash of what the result depends on (signature, examples,
//! the module definitions the examples mention, and the settings), and nothing else, so results
//! survive unrelated edits.

use crate::spec::{FileSpecs, ModuleContext, Spec};
use rustc_hash::{FxHashMap, FxHashSet};
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
        Self::with_index(spec, &DefinitionIndex::new(context), fingerprint)
    }

    /// The keys of every function of `specs` (the definitions indexed once: linear in the
    /// file, where one [`SpecKey::of`] per function is quadratic).
    pub fn all(specs: &FileSpecs, fingerprint: &str) -> Vec<Self> {
        let index = DefinitionIndex::new(&specs.context);
        specs
            .functions
            .iter()
            .map(|f| Self::with_index(f, &index, fingerprint))
            .collect()
    }

    fn with_index(spec: &Spec, index: &DefinitionIndex<'_>, fingerprint: &str) -> Self {
        let context = index.context;
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
        let mut mentioned: FxHashSet<&str> = FxHashSet::default();
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
        let mut used: Vec<usize> = mentioned
            .iter()
            .filter(|name| **name != spec.name)
            .filter_map(|name| index.by_name.get(name))
            .flatten()
            .copied()
            .collect();
        used.sort_unstable();
        for i in used {
            if let Some((name, source)) = context.definitions.get(i) {
                name.hash(&mut h);
                source.hash(&mut h);
            }
        }
        fingerprint.hash(&mut h);
        Self(h.finish())
    }
}

/// The module's definitions by name (indices in source order).
struct DefinitionIndex<'a> {
    context: &'a ModuleContext,
    by_name: FxHashMap<&'a str, Vec<usize>>,
}

impl<'a> DefinitionIndex<'a> {
    fn new(context: &'a ModuleContext) -> Self {
        let mut by_name: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
        for (i, (name, _)) in context.definitions.iter().enumerate() {
            by_name.entry(name.as_str()).or_default().push(i);
        }
        Self { context, by_name }
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
    fn keys_of_a_file_match_one_by_one_keys_and_follow_mentioned_definitions() {
        let text = "SCALE = 2\nSCALE = 3\ndef helper(y):\n    return y\n\ndef f(x):\n    \"\"\"\n    >>> f(SCALE)\n    6\n    \"\"\"\n    ...\n\ndef g(x):\n    \"\"\"\n    >>> g(helper(1))\n    1\n    \"\"\"\n    ...\n";
        let specs = crate::spec::extract(text);
        let all = SpecKey::all(&specs, "fp");
        let one: Vec<SpecKey> = specs
            .functions
            .iter()
            .map(|f| SpecKey::of(f, &specs.context, "fp"))
            .collect();
        assert_eq!(all, one);
        let changed = crate::spec::extract(&text.replace("SCALE = 3", "SCALE = 4"));
        let after = SpecKey::all(&changed, "fp");
        let names: Vec<&str> = specs.functions.iter().map(|f| f.name.as_str()).collect();
        let f = names.iter().position(|n| *n == "f").unwrap_or(usize::MAX);
        let g = names.iter().position(|n| *n == "g").unwrap_or(usize::MAX);
        assert_ne!(all.get(f), after.get(f), "f's example mentions SCALE");
        assert_eq!(all.get(g), after.get(g), "g's does not");
    }

    #[test]
    fn key_round_trips_through_text() {
        let k = SpecKey(0xdead_beef_0042);
        assert_eq!(SpecKey::parse(&k.to_string()), Some(k));
        assert_eq!(SpecKey::parse("zz"), None);
    }
}
