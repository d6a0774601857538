//! `docsynth datagen`: samples programs from a domain's prior with inputs that exercise them, and
//! writes one JSON object per line:
//! `{"program", "tokens", "examples": [{"inputs", "output"}], "held_out": [...]}`.

use crate::domain::{domain_by_name, IoExample};
use crate::value::Value;
use anyhow::{bail, Context};
use clap::Args;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rustc_hash::FxHashSet;
use std::hash::{Hash, Hasher};
use std::io::{BufWriter, Write};
use std::path::PathBuf;

/// Arguments of `docsynth datagen`.
#[derive(Debug, Args)]
pub struct DatagenArgs {
    /// Program space: `strings` or `lists`.
    #[arg(long)]
    pub domain: String,
    /// Number of tasks to write.
    #[arg(long)]
    pub n: usize,
    /// Random seed (the output is a function of domain, profile, seed, n and held-out).
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Output file (`-` for stdout).
    #[arg(long)]
    pub out: PathBuf,
    /// Sampler profile (strings: `lp` or `exedec`); the domain's default when omitted.
    #[arg(long)]
    pub profile: Option<String>,
    /// Held-out examples per task (generalization checks).
    #[arg(long, default_value_t = 0)]
    pub held_out: usize,
}

/// A value as plain JSON (strings, numbers, lists, …).
pub fn value_to_json(v: &Value) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        Value::None => J::Null,
        Value::Bool(b) => J::Bool(*b),
        Value::Int(i) => J::from(*i),
        Value::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
        Value::Str(s) => J::String(s.clone()),
        Value::List(xs) | Value::Tuple(xs) => J::Array(xs.iter().map(value_to_json).collect()),
        Value::Dict(kv) => J::Array(
            kv.iter()
                .map(|(k, v)| J::Array(vec![value_to_json(k), value_to_json(v)]))
                .collect(),
        ),
    }
}

fn examples_json(exs: &[IoExample]) -> serde_json::Value {
    serde_json::Value::Array(
        exs.iter()
            .map(|e| {
                serde_json::json!({
                    "inputs": e.inputs.iter().map(value_to_json).collect::<Vec<_>>(),
                    "output": value_to_json(&e.output),
                })
            })
            .collect(),
    )
}

/// Runs `docsynth datagen`; returns the exit code.
pub fn run(args: DatagenArgs) -> anyhow::Result<i32> {
    let Some(domain) = domain_by_name(&args.domain) else {
        bail!("unknown domain `{}`", args.domain);
    };
    let profiles = domain.datagen_profiles();
    let Some(default_profile) = profiles.first() else {
        bail!("domain `{}` has no data sampler yet", args.domain);
    };
    let profile = args.profile.as_deref().unwrap_or(default_profile);
    if !profiles.contains(&profile) {
        bail!(
            "domain `{}` has no profile `{profile}` (profiles: {})",
            args.domain,
            profiles.join(", ")
        );
    }
    let sink: Box<dyn Write> = if args.out.as_os_str() == "-" {
        Box::new(std::io::stdout().lock())
    } else {
        Box::new(
            std::fs::File::create(&args.out)
                .with_context(|| format!("creating {}", args.out.display()))?,
        )
    };
    let mut out = BufWriter::with_capacity(1 << 16, sink);
    let mut rng = ChaCha8Rng::seed_from_u64(args.seed);
    let mut seen: FxHashSet<u64> = FxHashSet::default();
    let mut written = 0usize;
    let mut draws = 0usize;
    let max_draws = args.n.saturating_mul(50).max(1000);
    while written < args.n {
        draws += 1;
        if draws > max_draws {
            bail!(
                "wrote {written} of {} tasks: the sampler keeps failing or repeating",
                args.n
            );
        }
        let Some(g) = domain.sample(profile, &mut rng, args.held_out) else {
            continue;
        };
        let mut h = rustc_hash::FxHasher::default();
        g.tokens.hash(&mut h);
        if !seen.insert(h.finish()) {
            continue;
        }
        let line = serde_json::json!({
            "program": g.program,
            "tokens": g.tokens,
            "examples": examples_json(&g.task.examples),
            "held_out": examples_json(&g.task.held_out),
        });
        serde_json::to_writer(&mut out, &line)?;
        if let Err(e) = out.write_all(b"\n") {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                return Ok(0);
            }
            return Err(e.into());
        }
        written += 1;
    }
    match out.flush() {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(0),
        r => r.map(|_| 0).map_err(Into::into),
    }
}
