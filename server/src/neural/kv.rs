//! Key/value-cached program decoding: the cross-attention memory of each latent group is computed
//! once per search (`program_cross`), and each step feeds one new token per row with the cached
//! self-attention keys/values of its prefix (`program_step_kv`), so a step costs O(t) instead of
//! recomputing the whole O(t²) prefix. Rows are laid out as G groups × W rows; a group's rows
//! share its cross-attention memory.

use std::sync::Mutex;

use ort::session::Session;
use ort::value::Tensor;

use super::model::{latent_tensors, ort_err, Model, SpecMemory};
use super::NeuralError;

/// The two sessions of cached decoding.
pub struct CachedSessions {
    /// `program_cross.onnx`.
    pub cross: Mutex<Session>,
    /// `program_step_kv.onnx`.
    pub step: Mutex<Session>,
}

/// Cross-attention keys/values for G groups, kept as runtime tensors for the whole search.
pub struct CrossMemory {
    k: Tensor<f32>,
    v: Tensor<f32>,
    valid: Tensor<f32>,
    groups: usize,
    examples: usize,
    /// (layers, heads, head width).
    dims: (usize, usize, usize),
}

/// Self-attention keys/values of every row's prefix: (layers, G, W, E, heads, t, dh), row-major.
pub struct KvCache {
    k: Vec<f32>,
    v: Vec<f32>,
    width: usize,
    len: usize,
}

impl KvCache {
    /// Rows per group (W).
    pub fn width(&self) -> usize {
        self.width
    }

    /// Reorders rows: new row `j` of group `g` is old row `parents[g][j]` of the same group; every
    /// group gets `width` rows (`parents[g]` shorter than `width` repeats its first entry, an
    /// empty one uses row 0).
    pub fn reorder(&self, cross: &CrossMemory, parents: &[Vec<usize>], width: usize) -> KvCache {
        let (layers, heads, dh) = cross.dims;
        let block = cross.examples * heads * self.len * dh;
        let groups = cross.groups;
        let mut k = Vec::with_capacity(layers * groups * width * block);
        let mut v = Vec::with_capacity(layers * groups * width * block);
        for l in 0..layers {
            for (g, rows) in parents.iter().enumerate().take(groups) {
                for j in 0..width {
                    let p = rows.get(j).or(rows.first()).copied().unwrap_or(0);
                    let p = p.min(self.width.saturating_sub(1));
                    let at = ((l * groups + g) * self.width + p) * block;
                    k.extend_from_slice(&self.k[at..at + block]);
                    v.extend_from_slice(&self.v[at..at + block]);
                }
            }
        }
        KvCache {
            k,
            v,
            width,
            len: self.len,
        }
    }
}

impl Model {
    /// True when the model ships the cached-decoding graphs.
    pub fn has_kv(&self) -> bool {
        self.cached.is_some()
    }

    fn cached_sessions(&self) -> Result<&CachedSessions, NeuralError> {
        self.cached
            .as_ref()
            .ok_or_else(|| NeuralError::Inference("the model has no cached-decoding graphs".into()))
    }

    /// Cross-attention memory for each latent group (one group with no latents for the baseline).
    pub fn program_cross(
        &self,
        mem: &SpecMemory,
        latents: &[Vec<u32>],
    ) -> Result<CrossMemory, NeuralError> {
        let sessions = self.cached_sessions()?;
        let (m, mv) = self.memory_tensors(mem, false)?;
        let mut session = sessions.cross.lock().unwrap_or_else(|p| p.into_inner());
        let outputs = if self.has_latents() {
            let (c, lv) = latent_tensors(latents)?;
            session
                .run(ort::inputs![
                    "io_memory" => m, "memory_valid" => mv, "latents" => c, "latent_valid" => lv
                ])
                .map_err(ort_err("program_cross"))?
        } else {
            session
                .run(ort::inputs!["io_memory" => m, "memory_valid" => mv])
                .map_err(ort_err("program_cross"))?
        };
        let take = |name: &str| -> Result<(Vec<i64>, Vec<f32>), NeuralError> {
            let (shape, data) = outputs[name]
                .try_extract_tensor::<f32>()
                .map_err(ort_err("program_cross output"))?;
            Ok((shape.to_vec(), data.to_vec()))
        };
        let (ks, kd) = take("cross_k")?;
        let (_, vd) = take("cross_v")?;
        let (vs, valid) = take("cross_valid")?;
        if ks.len() != 6 || vs.len() != 3 {
            return Err(NeuralError::Inference(format!(
                "unexpected cross shapes {ks:?} / {vs:?}"
            )));
        }
        let dims = (ks[0] as usize, ks[3] as usize, ks[5] as usize);
        Ok(CrossMemory {
            k: Tensor::from_array((ks.clone(), kd)).map_err(ort_err("cross_k"))?,
            v: Tensor::from_array((ks.clone(), vd)).map_err(ort_err("cross_v"))?,
            valid: Tensor::from_array((vs, valid)).map_err(ort_err("cross_valid"))?,
            groups: ks[1] as usize,
            examples: ks[2] as usize,
            dims,
        })
    }

    /// The cache before the first token, `width` rows per group.
    pub fn empty_cache(&self, width: usize) -> KvCache {
        KvCache {
            k: Vec::new(),
            v: Vec::new(),
            width,
            len: 0,
        }
    }

    /// One cached step: `tokens` holds the last token of every row (G × W, group-major). Returns
    /// next-token log-probabilities per row and the cache grown by one position.
    pub fn program_step_kv(
        &self,
        cross: &CrossMemory,
        tokens: &[u32],
        past: KvCache,
    ) -> Result<(Vec<Vec<f32>>, KvCache), NeuralError> {
        let sessions = self.cached_sessions()?;
        let (g, w) = (cross.groups, past.width);
        if tokens.len() != g * w {
            return Err(NeuralError::Inference(format!(
                "{} tokens for {g} groups of {w} rows",
                tokens.len()
            )));
        }
        let (layers, heads, dh) = cross.dims;
        let shape: Vec<i64> = [layers, g, w, cross.examples, heads, past.len, dh]
            .iter()
            .map(|&d| d as i64)
            .collect();
        let tok: Vec<i64> = tokens.iter().map(|&t| i64::from(t)).collect();
        let tok = Tensor::from_array((vec![g as i64, w as i64], tok)).map_err(ort_err("token"))?;
        let pk = Tensor::from_array((shape.clone(), past.k)).map_err(ort_err("past_k"))?;
        let pv = Tensor::from_array((shape, past.v)).map_err(ort_err("past_v"))?;
        let mut session = sessions.step.lock().unwrap_or_else(|p| p.into_inner());
        let outputs = session
            .run(ort::inputs![
                "cross_k" => &cross.k,
                "cross_v" => &cross.v,
                "cross_valid" => &cross.valid,
                "token" => tok,
                "past_k" => pk,
                "past_v" => pv
            ])
            .map_err(ort_err("program_step_kv"))?;
        let (lshape, lp) = outputs["logprobs"]
            .try_extract_tensor::<f32>()
            .map_err(ort_err("logprobs"))?;
        let vocab = lshape.get(2).copied().unwrap_or(0) as usize;
        if lp.len() != g * w * vocab || vocab == 0 {
            return Err(NeuralError::Inference(format!(
                "unexpected logprobs shape {lshape:?}"
            )));
        }
        let rows = lp.chunks(vocab).map(<[f32]>::to_vec).collect();
        let k = outputs["present_k"]
            .try_extract_tensor::<f32>()
            .map_err(ort_err("present_k"))?
            .1
            .to_vec();
        let v = outputs["present_v"]
            .try_extract_tensor::<f32>()
            .map_err(ort_err("present_v"))?
            .1
            .to_vec();
        Ok((
            rows,
            KvCache {
                k,
                v,
                width: w,
                len: past.len + 1,
            },
        ))
    }
}
