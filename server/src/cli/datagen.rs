//! `docsynth datagen`: samples programs from a domain's prior with inputs that exercise them, and
//! writes one JSON object per line:
//! `{"program", "tokens", "examples": [{"inputs", "output"}], "held_out": [...]}`, or with
//! `--format shard` fixed-layout rows of token ids for training (see `shard.rs`).

use super::shard::{ShardLayout, ShardWriter};
use crate::domain::{domain_by_name, GeneratedTask, IoExample};
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
    /// `jsonl` (one object per task) or `shard` (binary rows of token ids for training).
    #[arg(long, value_enum, default_value_t = DatagenFormat::Jsonl)]
    pub format: DatagenFormat,
    /// Shards: the model's I/O vocabulary (`io_vocab.json`); the domain's shipped model's
    /// when omitted (`models/<domain>/io_vocab.json`).
    #[arg(long)]
    pub io_vocab: Option<PathBuf>,
    /// Shards: examples per row (extra examples are dropped, missing ones repeat the first).
    #[arg(long, default_value_t = 4)]
    pub max_examples: usize,
    /// Shards: I/O ids per example (longer encodings are cut, as training's `--max-io-len`).
    #[arg(long, default_value_t = 160)]
    pub max_io_len: usize,
    /// Shards: program ids per row with EOS (longer programs are skipped and not counted).
    #[arg(long, default_value_t = 130)]
    pub max_program_len: usize,
}

/// What `docsynth datagen` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum DatagenFormat {
    /// One JSON object per line.
    Jsonl,
    /// Fixed-layout binary rows of token ids.
    Shard,
}

/// Where records go.
enum Sink {
    Jsonl(BufWriter<Box<dyn Write>>),
    ShardFile(ShardWriter<BufWriter<std::fs::File>>),
    ShardStream(ShardWriter<BufWriter<Box<dyn Write>>>),
}

impl Sink {
    /// Writes one task; false when it does not fit a shard's layout (not counted).
    fn push(&mut self, g: &GeneratedTask) -> anyhow::Result<bool> {
        match self {
            Sink::Jsonl(out) => {
                let line = serde_json::json!({
                    "program": g.program,
                    "tokens": g.tokens,
                    "examples": examples_json(&g.task.examples),
                    "held_out": examples_json(&g.task.held_out),
                });
                serde_json::to_writer(&mut *out, &line)?;
                out.write_all(b"\n")?;
                Ok(true)
            }
            Sink::ShardFile(w) => Ok(w.push(g)?.is_ok()),
            Sink::ShardStream(w) => Ok(w.push(g)?.is_ok()),
        }
    }

    fn finish(self) -> anyhow::Result<()> {
        match self {
            Sink::Jsonl(mut out) => Ok(out.flush()?),
            Sink::ShardFile(w) => w.finish_file(),
            Sink::ShardStream(w) => w.into_inner().map(|_| ()),
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// The model's I/O vocabulary for shards.
fn shard_vocab(args: &DatagenArgs) -> anyhow::Result<crate::neural::vocab::IoVocab> {
    let path = args
        .io_vocab
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("models/{}/io_vocab.json", args.domain)));
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    crate::neural::vocab::IoVocab::parse(&text)
        .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
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
        Value::List(xs) | Value::Tuple(xs) | Value::Set(xs) => {
            J::Array(xs.iter().map(value_to_json).collect())
        }
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
    let to_stdout = args.out.as_os_str() == "-";
    let open = || -> anyhow::Result<std::fs::File> {
        std::fs::File::create(&args.out).with_context(|| format!("creating {}", args.out.display()))
    };
    let stream = || -> anyhow::Result<BufWriter<Box<dyn Write>>> {
        let sink: Box<dyn Write> = if to_stdout {
            Box::new(std::io::stdout().lock())
        } else {
            Box::new(open()?)
        };
        Ok(BufWriter::with_capacity(1 << 16, sink))
    };
    let mut out = match args.format {
        DatagenFormat::Jsonl => Sink::Jsonl(stream()?),
        DatagenFormat::Shard => {
            let layout = ShardLayout {
                examples: args.max_examples,
                io_len: args.max_io_len,
                program_len: args.max_program_len,
            };
            let vocab = shard_vocab(&args)?;
            let program_vocab = domain.token_names().len();
            if to_stdout {
                Sink::ShardStream(ShardWriter::new(stream()?, layout, vocab, program_vocab)?)
            } else {
                let file = BufWriter::with_capacity(1 << 16, open()?);
                Sink::ShardFile(ShardWriter::new(file, layout, vocab, program_vocab)?)
            }
        }
    };
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
        match out.push(&g) {
            Ok(true) => {}
            Ok(false) => continue,
            Err(e) if is_broken_pipe(&e) => return Ok(0),
            Err(e) => return Err(e),
        }
        written += 1;
    }
    match out.finish() {
        Err(e) if is_broken_pipe(&e) => Ok(0),
        r => r.map(|_| 0),
    }
}
