//! Two-level beam search (Latent Programmer, `predict_step`): a beam of L latent sequences from
//! the latent predictor, then B/L programs per latent sequence from the program decoder, all
//! latent groups batched into one graph run per step. Programs are constrained by the domain's
//! [`Grammar`] (and the length cap), streamed to a callback as they finish, and the search is
//! cancellable between steps.

use crate::cancel::CancelToken;

use super::grammar::{Grammar, EOS};
use super::model::{Model, SpecMemory};
use super::NeuralError;

const BOS: u32 = 1;
const FIRST_CODE: u32 = 3;

/// The release's brevity penalty ((5 + len) / 6)^alpha with alpha = 0.6.
pub fn length_penalty(len: usize) -> f64 {
    ((5.0 + len as f64) / 6.0).powf(0.6)
}

/// What a search did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchStats {
    /// Latent sequences used (0 for the baseline).
    pub latent_sequences: usize,
    /// Program-decoder steps run.
    pub program_steps: usize,
    /// Candidates passed to the callback.
    pub candidates: usize,
    /// True when the cancel token fired before the search ended.
    pub cancelled: bool,
    /// True when the callback asked to stop.
    pub stopped_by_caller: bool,
}

/// A scored token sequence (tokens without BOS/EOS, score).
pub type Scored = (Vec<u32>, f64);

/// Limits of one program search.
#[derive(Clone, Copy, Debug)]
pub struct ProgramLimits {
    /// Programs kept per latent group.
    pub width: usize,
    /// Longest program in tokens, EOS included.
    pub max_len: usize,
    /// Use the key/value-cached graphs when the model has them.
    pub cached: bool,
}

struct Hyp<G> {
    tokens: Vec<u32>,
    logp: f64,
    grammar: G,
}

/// Top `k` indices of `scores`, best first.
fn top_k(scores: &[(f64, usize, u32)], k: usize) -> Vec<(f64, usize, u32)> {
    let mut v = scores.to_vec();
    let k = k.min(v.len());
    if k == 0 {
        return Vec::new();
    }
    v.select_nth_unstable_by(k - 1, |a, b| b.0.total_cmp(&a.0));
    v.truncate(k);
    v.sort_by(|a, b| b.0.total_cmp(&a.0));
    v
}

/// Beam search over latent codes; returns up to `beam` code sequences (no BOS/EOS), best first.
pub fn latent_beam(
    model: &Model,
    mem: &SpecMemory,
    beam: usize,
    max_len: usize,
    cancel: &CancelToken,
) -> Result<Option<Vec<Scored>>, NeuralError> {
    let k_codes = model.manifest.config.latent_vocab as u32;
    let mut live: Vec<(Vec<u32>, f64)> = vec![(Vec::new(), 0.0)];
    let mut finished: Vec<(Vec<u32>, f64)> = Vec::new();
    for t in 0..=max_len {
        if cancel.is_cancelled() {
            return Ok(None);
        }
        if live.is_empty() {
            break;
        }
        let prefixes: Vec<Vec<u32>> = live
            .iter()
            .map(|(c, _)| std::iter::once(BOS).chain(c.iter().copied()).collect())
            .collect();
        let lps = model.latent_logprobs(mem, &prefixes)?;
        let mut cands = Vec::new();
        for (i, (_, logp)) in live.iter().enumerate() {
            for code in FIRST_CODE..k_codes {
                if t < max_len {
                    cands.push((logp + f64::from(lps[i][code as usize]), i, code));
                }
            }
            if t > 0 {
                cands.push((logp + f64::from(lps[i][EOS as usize]), i, EOS));
            }
        }
        let mut next = Vec::new();
        for (score, i, code) in top_k(&cands, 2 * beam) {
            if code == EOS {
                finished.push((live[i].0.clone(), score / length_penalty(t + 1)));
            } else if next.len() < beam {
                let mut c = live[i].0.clone();
                c.push(code);
                next.push((c, score));
            }
        }
        finished.sort_by(|a, b| b.1.total_cmp(&a.1));
        finished.truncate(beam);
        live = next;
        if finished.len() >= beam {
            let best_live = live
                .first()
                .map_or(f64::NEG_INFINITY, |h| h.1 / length_penalty(max_len + 1));
            if finished.last().is_some_and(|w| w.1 > best_live) {
                break;
            }
        }
    }
    for (c, logp) in live {
        if finished.len() >= beam {
            break;
        }
        let s = logp / length_penalty(c.len() + 1);
        finished.push((c, s));
    }
    finished.sort_by(|a, b| b.1.total_cmp(&a.1));
    Ok(Some(finished))
}

struct Group<G> {
    latent: Vec<u32>,
    live: Vec<Hyp<G>>,
    finished: Vec<f64>,
    width: usize,
    done: bool,
}

/// Program beam search for each latent sequence (one group each, `width` beams per group),
/// batched across groups, every hypothesis starting from the grammar state `start`. Calls
/// `on_candidate(tokens, score)` for each program that finishes within its group's top `width`;
/// a `false` return stops the search. Uses the key/value-cached graphs when the model has them
/// (same results, O(t) per step instead of O(t²)).
#[allow(clippy::too_many_arguments)]
pub fn program_beam<G: Grammar>(
    model: &Model,
    mem: &SpecMemory,
    latents: Vec<Vec<u32>>,
    limits: ProgramLimits,
    start: G,
    cancel: &CancelToken,
    stats: &mut SearchStats,
    on_candidate: &mut dyn FnMut(Vec<u32>, f64) -> bool,
) -> Result<(), NeuralError> {
    let mut groups: Vec<Group<G>> = latents
        .into_iter()
        .map(|latent| Group {
            latent,
            live: vec![Hyp {
                tokens: Vec::new(),
                logp: 0.0,
                grammar: start.clone(),
            }],
            finished: Vec::new(),
            width: limits.width,
            done: false,
        })
        .collect();
    let run = if limits.cached && model.has_kv() {
        beam_cached(
            model,
            mem,
            &mut groups,
            limits.max_len,
            cancel,
            stats,
            on_candidate,
        )
    } else {
        beam_uncached(
            model,
            mem,
            &mut groups,
            limits.max_len,
            cancel,
            stats,
            on_candidate,
        )
    };
    match run? {
        Flow::Cancelled => stats.cancelled = true,
        Flow::Stopped => stats.stopped_by_caller = true,
        Flow::Finished => {}
    }
    Ok(())
}

/// How a program search ended.
enum Flow {
    Finished,
    Cancelled,
    Stopped,
}

/// Recomputes every prefix at every step (models without the cached graphs).
fn beam_uncached<G: Grammar>(
    model: &Model,
    mem: &SpecMemory,
    groups: &mut [Group<G>],
    max_len: usize,
    cancel: &CancelToken,
    stats: &mut SearchStats,
    on_candidate: &mut dyn FnMut(Vec<u32>, f64) -> bool,
) -> Result<Flow, NeuralError> {
    for t in 0..max_len {
        if cancel.is_cancelled() {
            return Ok(Flow::Cancelled);
        }
        let active: Vec<usize> = (0..groups.len()).filter(|&g| !groups[g].done).collect();
        if active.is_empty() {
            break;
        }
        let mut prefixes = Vec::new();
        let mut lat_rows: Vec<&[u32]> = Vec::new();
        for &g in &active {
            for h in &groups[g].live {
                prefixes.push(
                    std::iter::once(BOS)
                        .chain(h.tokens.iter().copied())
                        .collect(),
                );
                lat_rows.push(&groups[g].latent);
            }
        }
        let lps = model.program_logprobs(mem, &lat_rows, &prefixes)?;
        stats.program_steps += 1;
        let mut row = 0;
        for &g in &active {
            let n = groups[g].live.len();
            let rows = &lps[row..row + n];
            row += n;
            if advance_group(&mut groups[g], rows, t, max_len, stats, on_candidate).is_none() {
                return Ok(Flow::Stopped);
            }
        }
    }
    Ok(Flow::Finished)
}

/// Feeds one token per row with the self-attention cache of its prefix.
fn beam_cached<G: Grammar>(
    model: &Model,
    mem: &SpecMemory,
    groups: &mut [Group<G>],
    max_len: usize,
    cancel: &CancelToken,
    stats: &mut SearchStats,
    on_candidate: &mut dyn FnMut(Vec<u32>, f64) -> bool,
) -> Result<Flow, NeuralError> {
    let latents: Vec<Vec<u32>> = groups.iter().map(|g| g.latent.clone()).collect();
    let cross = model.program_cross(mem, &latents)?;
    let mut cache = model.empty_cache(1);
    for t in 0..max_len {
        if cancel.is_cancelled() {
            return Ok(Flow::Cancelled);
        }
        if groups.iter().all(|g| g.done) {
            break;
        }
        let w = cache.width();
        let mut tokens = Vec::with_capacity(groups.len() * w);
        for g in groups.iter() {
            for j in 0..w {
                let last = g
                    .live
                    .get(j)
                    .or(g.live.first())
                    .and_then(|h| h.tokens.last().copied())
                    .unwrap_or(BOS);
                tokens.push(last);
            }
        }
        let (lps, present) = model.program_step_kv(&cross, &tokens, cache)?;
        stats.program_steps += 1;
        let mut parents: Vec<Vec<usize>> = Vec::with_capacity(groups.len());
        for (gi, group) in groups.iter_mut().enumerate() {
            if group.done {
                parents.push(Vec::new());
                continue;
            }
            let rows = &lps[gi * w..gi * w + group.live.len()];
            match advance_group(group, rows, t, max_len, stats, on_candidate) {
                Some(p) => parents.push(p),
                None => return Ok(Flow::Stopped),
            }
        }
        let width = groups
            .iter()
            .map(|g| g.live.len())
            .max()
            .unwrap_or(0)
            .max(1);
        cache = present.reorder(&cross, &parents, width);
    }
    Ok(Flow::Finished)
}

/// Extends one group by a token from its rows' log-probabilities (`rows[i]` belongs to
/// `group.live[i]`): finished programs go to `on_candidate`, the best `width` continuations stay
/// live. Returns each new live hypothesis's parent row, or `None` when the caller asked to stop.
fn advance_group<G: Grammar>(
    group: &mut Group<G>,
    rows: &[Vec<f32>],
    t: usize,
    max_len: usize,
    stats: &mut SearchStats,
    on_candidate: &mut dyn FnMut(Vec<u32>, f64) -> bool,
) -> Option<Vec<usize>> {
    let remaining_after = max_len - (t + 1); // tokens still allowed after this one (EOS included)
    let mut cands = Vec::new();
    for (i, (h, lp)) in group.live.iter().zip(rows).enumerate() {
        for (tok, &l) in lp.iter().enumerate() {
            let tok = tok as u32;
            if !h.grammar.allows_within(tok, remaining_after) {
                continue;
            }
            cands.push((h.logp + f64::from(l), i, tok));
        }
    }
    let mut next_live = Vec::new();
    let mut parents = Vec::new();
    for (score, i, tok) in top_k(&cands, 2 * group.width) {
        if tok == EOS {
            let s = score / length_penalty(t + 1);
            let worst = group.finished.last().copied().unwrap_or(f64::NEG_INFINITY);
            if group.finished.len() < group.width || s > worst {
                group.finished.push(s);
                group.finished.sort_by(|a, b| b.total_cmp(a));
                group.finished.truncate(group.width);
                stats.candidates += 1;
                if !on_candidate(group.live[i].tokens.clone(), s) {
                    return None;
                }
            }
        } else if next_live.len() < group.width {
            let h = &group.live[i];
            let mut grammar = h.grammar.clone();
            grammar.push(tok);
            let mut tokens = h.tokens.clone();
            tokens.push(tok);
            next_live.push(Hyp {
                tokens,
                logp: score,
                grammar,
            });
            parents.push(i);
        }
    }
    group.live = next_live;
    let best_live = group
        .live
        .first()
        .map_or(f64::NEG_INFINITY, |h| h.logp / length_penalty(max_len));
    let beaten = group.finished.len() >= group.width
        && group.finished.last().is_some_and(|&w| w > best_live);
    group.done = group.live.is_empty() || beaten;
    Some(parents)
}
