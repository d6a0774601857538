//! `docsynth synth`: ranked, checked implementations for the unimplemented functions of a file.

use crate::cancel::CancelToken;
use crate::neural::Device;
use crate::pipeline::{
    synthesize_source, Engine, FunctionSynthesis, NeuralSettings, SynthConfig, SynthStatus,
};
use anyhow::Context;
use clap::Args;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Arguments of `docsynth synth`.
#[derive(Debug, Args)]
pub struct SynthArgs {
    /// The Python file.
    pub file: PathBuf,
    /// Only this function (default: every unimplemented function with examples).
    #[arg(long)]
    pub function: Option<String>,
    /// Print a JSON array of results.
    #[arg(long)]
    pub json: bool,
    /// Time budget per function in milliseconds.
    #[arg(long, default_value_t = 2000)]
    pub budget_ms: u64,
    /// Candidates per function.
    #[arg(long, default_value_t = 3)]
    pub top: usize,
    /// Python interpreter for the check (default: workspace `.venv`, else `python3`).
    #[arg(long)]
    pub python: Option<PathBuf>,
    /// Writers: `neural`, `search` or `all` (neural first, then search in the remaining budget).
    #[arg(long, value_enum, default_value_t = Engine::All)]
    pub engine: Engine,
    /// Neural model directory; it serves the domain its `model.json` names (default:
    /// `DOCSYNTH_MODEL_DIR`; other domains use `models/<domain>` found above the working
    /// directory or the executable).
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Total beam size B of the neural writer.
    #[arg(long, default_value_t = 10)]
    pub beam: usize,
    /// Latent beams L of the neural writer.
    #[arg(long, default_value_t = 3)]
    pub latent_beams: usize,
    /// Device for the neural model (`auto`: CUDA when present, else the CPU).
    #[arg(long, value_enum, default_value_t = Device::Auto)]
    pub device: Device,
    /// Apply the best verified candidate of each function to the file in place (the original
    /// is kept as `FILE.bak`, or `FILE.bak.N` when that exists; the file is left alone if it
    /// changed while synthesizing).
    #[arg(long, conflicts_with = "diff")]
    pub write: bool,
    /// Print the change `--write` would make as a unified diff instead of applying it.
    #[arg(long, conflicts_with = "json")]
    pub diff: bool,
}

/// The file with the best verified candidate of every solved function applied (bodies replaced,
/// missing imports added once), or `None` when nothing was solved.
fn apply_best(source: &str, results: &[FunctionSynthesis]) -> Option<String> {
    let specs = crate::spec::extract(source);
    let eol = crate::edit::line_ending(source);
    let mut edits = Vec::new();
    let mut imports: Vec<String> = Vec::new();
    for r in results.iter().filter(|r| r.status == SynthStatus::Solved) {
        let (Some(best), Some(spec)) = (
            r.candidates.first(),
            specs
                .functions
                .iter()
                .find(|s| s.name == r.function && s.def_range.start.line as usize + 1 == r.line),
        ) else {
            continue;
        };
        edits.push(crate::edit::body_edit(source, spec, &best.body, eol));
        imports.extend(best.imports.iter().cloned());
    }
    if edits.is_empty() {
        return None;
    }
    edits.extend(crate::edit::import_edit(source, &imports, eol));
    Some(crate::edit::apply(source, &edits))
}

/// The bytes to write for `text` in a file whose bytes were `original`: UTF-8, with the BOM
/// kept. Files in another encoding (a PEP 263 cookie) are refused rather than re-encoded.
fn encode_like(original: &[u8], source: &str, text: &str) -> anyhow::Result<Vec<u8>> {
    let (bom, body) = match original.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (&b"\xEF\xBB\xBF"[..], rest),
        None => (&b""[..], original),
    };
    anyhow::ensure!(
        body == source.as_bytes(),
        "the file is not plain UTF-8 (a coding cookie?); use --diff and apply the change by hand"
    );
    Ok([bom, text.as_bytes()].concat())
}

/// Copies `original` to `FILE.bak`, or `FILE.bak.1`, `FILE.bak.2`, … when earlier backups exist
/// (an older backup is never overwritten); returns the backup's path.
fn write_backup(file: &Path, original: &[u8]) -> anyhow::Result<PathBuf> {
    use std::io::Write;
    for n in 0..1000 {
        let mut name = file.as_os_str().to_owned();
        name.push(if n == 0 {
            ".bak".to_string()
        } else {
            format!(".bak.{n}")
        });
        let backup = PathBuf::from(name);
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&backup)
        {
            Ok(mut f) => {
                f.write_all(original)
                    .and_then(|()| f.sync_all())
                    .with_context(|| format!("writing the backup {}", backup.display()))?;
                return Ok(backup);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => {
                return Err(e).with_context(|| format!("creating the backup {}", backup.display()))
            }
        }
    }
    anyhow::bail!(
        "{}.bak … .bak.999 all exist; nothing written",
        file.display()
    )
}

/// Writes `new` over `file` after copying the original to a fresh backup (`FILE.bak`), through a temporary file
/// renamed into place, and only when the file still holds `original`.
fn write_in_place(file: &Path, original: &[u8], new: &[u8]) -> anyhow::Result<PathBuf> {
    let now = std::fs::read(file).with_context(|| format!("re-reading {}", file.display()))?;
    anyhow::ensure!(
        now == original,
        "{} changed while synthesizing; nothing written",
        file.display()
    );
    let backup = write_backup(file, original)?;
    let mut tmp = file.as_os_str().to_owned();
    tmp.push(".docsynth-tmp");
    let tmp = PathBuf::from(tmp);
    std::fs::write(&tmp, new).with_context(|| format!("writing {}", tmp.display()))?;
    if let Ok(meta) = std::fs::metadata(file) {
        // Same permissions as the file it replaces (an executable script stays executable).
        std::fs::set_permissions(&tmp, meta.permissions())
            .with_context(|| format!("setting the permissions of {}", tmp.display()))?;
    }
    std::fs::rename(&tmp, file)
        .with_context(|| format!("replacing {} with {}", file.display(), tmp.display()))?;
    Ok(backup)
}

/// The neural writer when the engine wants it; otherwise `None`. Each domain's model loads on
/// first use; one that cannot is reported once and that domain uses the search only.
fn neural_writer(
    settings: &NeuralSettings,
    engine: Engine,
) -> Option<crate::neural::writer::NeuralPipelineWriter> {
    if engine == Engine::Search {
        return None;
    }
    match crate::neural::writer::pipeline_writer(settings) {
        Ok(writer) => Some(writer),
        Err(e) => {
            eprintln!("docsynth: neural writer unavailable ({e}); using the search only");
            None
        }
    }
}

/// Runs `docsynth synth`; returns the exit code (0 when every function got a candidate).
pub fn run(args: SynthArgs) -> anyhow::Result<i32> {
    let bytes =
        std::fs::read(&args.file).with_context(|| format!("reading {}", args.file.display()))?;
    let source = crate::spec::decode::decode_source(&bytes)
        .map_err(|e| anyhow::anyhow!("{}: {e}", args.file.display()))?;
    super::doctor::warn_sandbox();
    let engine = args.engine;
    let neural_settings = NeuralSettings {
        model_dir: args.model.clone(),
        device: args.device,
        beam: args.beam.max(1),
        latent_beams: args.latent_beams.max(1),
    };
    let neural = neural_writer(&neural_settings, engine);
    let writers: Vec<&dyn crate::pipeline::Writer> = neural
        .as_ref()
        .map(|w| w as &dyn crate::pipeline::Writer)
        .into_iter()
        .collect();
    let config = SynthConfig {
        budget: Duration::from_millis(args.budget_ms),
        top_k: args.top.max(1),
        engine,
        python: args.python.clone(),
        workspace: args
            .file
            .canonicalize()
            .ok()
            .and_then(|p| p.parent().map(PathBuf::from)),
        neural: neural_settings.clone(),
    };
    let results = synthesize_source(
        &source,
        args.function.as_deref(),
        &config,
        &writers,
        &CancelToken::new(),
    )?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&results)?);
    } else if results.is_empty() {
        println!(
            "no unimplemented function with examples in {}",
            args.file.display()
        );
    } else {
        for r in &results {
            println!(
                "{}:{} {} — {:?}{}",
                args.file.display(),
                r.line,
                r.function,
                r.status,
                r.domain
                    .as_deref()
                    .map(|d| format!(" ({d})"))
                    .unwrap_or_default()
            );
            if let Some(e) = &r.error {
                println!("  {e}");
            }
            for c in &r.candidates {
                println!(
                    "  #{} passed {}/{} score {:.1} via {:?} in {} ms: {}",
                    c.rank, c.passed, c.total, c.score, c.source, c.elapsed_ms, c.program
                );
                // Imports and body at one indentation, as they read in the file.
                for l in c.imports.iter() {
                    println!("    {l}");
                }
                for l in crate::text::dedent_lines(&c.body) {
                    println!("    {l}");
                }
            }
            if let Some(q) = &r.question {
                println!("  ? the candidates disagree on {}:", q.call);
                for a in &q.answers {
                    let ranks: Vec<String> = a.clusters.iter().map(|r| format!("#{r}")).collect();
                    println!("      {} ← {}", a.shown, ranks.join(", "));
                }
                println!("    add the right answer as an example to settle it");
            }
        }
    }
    if args.write || args.diff {
        match apply_best(&source, &results) {
            None => eprintln!(
                "docsynth: no verified implementation to apply; {} is unchanged",
                args.file.display()
            ),
            Some(new) if args.diff => {
                let name = args.file.display().to_string();
                let diff = similar::TextDiff::from_lines(&source[..], &new[..]);
                print!(
                    "{}",
                    diff.unified_diff().context_radius(3).header(&name, &name)
                );
            }
            Some(new) => {
                let encoded = encode_like(&bytes, &source, &new)?;
                let backup = write_in_place(&args.file, &bytes, &encoded)?;
                eprintln!(
                    "docsynth: wrote {} (the original is in {})",
                    args.file.display(),
                    backup.display()
                );
            }
        }
    }
    let all_solved = results.iter().all(|r| r.status == SynthStatus::Solved);
    Ok(if all_solved { 0 } else { 1 })
}
