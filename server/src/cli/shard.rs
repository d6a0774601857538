//! Fixed-layout binary shards of token ids for training (`docsynth datagen --format shard`):
//! I/O already encoded with the model's vocabulary, programs as token ids ending in EOS, so
//! PyTorch memory-maps them (`models/train/shards.py`) with no Python-side tokenizing.
//!
//! Layout, little-endian: a 64-byte header, then rows of `row_u16s` u16 values each.
//!
//! | offset | field |
//! |---|---|
//! | 0 | magic `DSSHARD1` |
//! | 8 | u32 header bytes (64) |
//! | 12 | u32 tasks in the file; 0 while datagen is still writing (readers count whole rows) |
//! | 16 | u32 examples per row `E` |
//! | 20 | u32 I/O ids per example `L` (longer encodings are cut, as training cuts them) |
//! | 24 | u32 program ids per row `T` (EOS included; longer programs are not written) |
//! | 28 | u32 `row_u16s` = 2 + 2E + 2EL + T |
//! | 32 | u32 I/O vocabulary size |
//! | 36 | u32 program vocabulary size |
//!
//! A row: `n_examples`, `program_len`, `in_len[E]`, `out_len[E]`, `inputs[E][L]`,
//! `outputs[E][L]`, `program[T]`, zero-padded. A task with fewer than `E` examples repeats its
//! first (the model max-pools over examples, so this changes nothing); an empty encoding is one
//! PAD id, as the JSONL path makes it.

use crate::domain::GeneratedTask;
use crate::neural::vocab::IoVocab;
use anyhow::{bail, Context};
use std::io::{Seek, SeekFrom, Write};

/// The shard magic.
pub(crate) const MAGIC: &[u8; 8] = b"DSSHARD1";
/// Header size in bytes.
pub(crate) const HEADER_BYTES: u32 = 64;
/// Program end-of-sequence token (as in the model's program vocabulary).
const EOS: u16 = 2;

/// Sizes of one shard's rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct ShardLayout {
    /// Examples per row.
    pub examples: usize,
    /// I/O ids per example.
    pub io_len: usize,
    /// Program ids per row (EOS included).
    pub program_len: usize,
}

impl ShardLayout {
    /// u16 values per row.
    pub(crate) fn row_u16s(&self) -> usize {
        2 + 2 * self.examples + 2 * self.examples * self.io_len + self.program_len
    }
}

/// Why a sampled task is not written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Skipped {
    /// The program with EOS is longer than the layout's program length.
    ProgramTooLong,
    /// No examples, or a value the vocabulary cannot encode.
    NotEncodable,
}

/// Encodes tasks into rows and writes them after the header.
pub(crate) struct ShardWriter<W: Write> {
    out: W,
    layout: ShardLayout,
    vocab: IoVocab,
    row: Vec<u16>,
    bytes: Vec<u8>,
    written: u32,
}

fn u16_id(id: i64, what: &str) -> anyhow::Result<u16> {
    u16::try_from(id).with_context(|| format!("{what} id {id} does not fit a u16"))
}

impl<W: Write> ShardWriter<W> {
    /// Writes the header (task count 0 until [`ShardWriter::finish_file`]).
    pub(crate) fn new(
        mut out: W,
        layout: ShardLayout,
        vocab: IoVocab,
        program_vocab: usize,
    ) -> anyhow::Result<Self> {
        if layout.examples == 0 || layout.io_len == 0 || layout.program_len < 2 {
            bail!("a shard needs ≥ 1 example, ≥ 1 I/O id and ≥ 2 program ids per row");
        }
        if layout.examples > usize::from(u16::MAX) || layout.io_len > usize::from(u16::MAX) {
            bail!("examples and I/O length must fit a u16");
        }
        u16_id(vocab.max_id(), "I/O vocabulary")?;
        if program_vocab > usize::from(u16::MAX) {
            bail!("program vocabulary of {program_vocab} does not fit u16 ids");
        }
        let row_u16s = u32::try_from(layout.row_u16s()).context("row too wide")?;
        let mut header = Vec::with_capacity(HEADER_BYTES as usize);
        header.extend_from_slice(MAGIC);
        for v in [
            HEADER_BYTES,
            0,
            layout.examples as u32,
            layout.io_len as u32,
            layout.program_len as u32,
            row_u16s,
            (vocab.max_id() + 1) as u32,
            program_vocab as u32,
        ] {
            header.extend_from_slice(&v.to_le_bytes());
        }
        header.resize(HEADER_BYTES as usize, 0);
        out.write_all(&header).context("writing the shard header")?;
        out.flush().context("writing the shard header")?;
        Ok(Self {
            out,
            layout,
            vocab,
            row: vec![0; layout.row_u16s()],
            bytes: Vec::with_capacity(layout.row_u16s() * 2),
            written: 0,
        })
    }

    /// Tasks written so far.
    #[cfg(test)]
    pub(crate) fn written(&self) -> u32 {
        self.written
    }

    /// Encodes `g` into one row; `Ok(Err(why))` when it does not fit the layout.
    pub(crate) fn push(&mut self, g: &GeneratedTask) -> anyhow::Result<Result<(), Skipped>> {
        let ShardLayout {
            examples: e,
            io_len: l,
            program_len: t,
        } = self.layout;
        if g.tokens.len() + 1 > t {
            return Ok(Err(Skipped::ProgramTooLong));
        }
        let exs = &g.task.examples;
        if exs.is_empty() {
            return Ok(Err(Skipped::NotEncodable));
        }
        let mut encoded: Vec<(Vec<i64>, Vec<i64>)> = Vec::with_capacity(e.min(exs.len()));
        for ex in exs.iter().take(e) {
            let inputs: Vec<&crate::value::Value> = ex.inputs.iter().collect();
            match self.vocab.encode_example(&inputs, &ex.output) {
                Ok(pair) => encoded.push(pair),
                Err(_) => return Ok(Err(Skipped::NotEncodable)),
            }
        }
        let row = &mut self.row;
        row.fill(0);
        row[0] = encoded.len() as u16;
        row[1] = (g.tokens.len() + 1) as u16;
        let ins_at = 2 + 2 * e;
        let outs_at = ins_at + e * l;
        let prog_at = outs_at + e * l;
        for j in 0..e {
            // Missing examples repeat the first.
            let (ins, outs) = &encoded[if j < encoded.len() { j } else { 0 }];
            for (ids, len_at, data_at) in [(ins, 2, ins_at), (outs, 2 + e, outs_at)] {
                let n = ids.len().clamp(1, l);
                row[len_at + j] = n as u16;
                for (i, &id) in ids.iter().take(l).enumerate() {
                    row[data_at + j * l + i] = u16_id(id, "I/O")?;
                }
            }
        }
        for (i, &tok) in g.tokens.iter().enumerate() {
            row[prog_at + i] = u16::try_from(tok)
                .with_context(|| format!("program token {tok} does not fit a u16"))?;
        }
        row[prog_at + g.tokens.len()] = EOS;
        self.bytes.clear();
        for v in row.iter() {
            self.bytes.extend_from_slice(&v.to_le_bytes());
        }
        self.out.write_all(&self.bytes)?;
        self.written += 1;
        Ok(Ok(()))
    }

    /// Flushes and gives the sink back.
    pub(crate) fn into_inner(mut self) -> anyhow::Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }
}

impl<W: Write + Seek> ShardWriter<W> {
    /// Flushes and records the task count in the header (readers then know the file is whole).
    pub(crate) fn finish_file(self) -> anyhow::Result<()> {
        let n = self.written;
        let mut out = self.into_inner()?;
        out.seek(SeekFrom::Start(12))
            .context("seeking to the shard's task count")?;
        out.write_all(&n.to_le_bytes())
            .context("writing the shard's task count")?;
        out.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{IoExample, Task};
    use crate::value::Value;

    fn vocab() -> IoVocab {
        IoVocab::parse(
            r#"{"pad": 0, "sep": 1, "unk": 2, "first_char_id": 3, "chars": "abc", "size": 6}"#,
        )
        .expect("vocab")
    }

    fn task(examples: Vec<(Vec<&str>, &str)>, tokens: Vec<u32>) -> GeneratedTask {
        GeneratedTask {
            program: String::new(),
            tokens,
            task: Task {
                examples: examples
                    .into_iter()
                    .map(|(i, o)| IoExample {
                        inputs: i.into_iter().map(|s| Value::Str(s.into())).collect(),
                        output: Value::Str(o.into()),
                    })
                    .collect(),
                ..Task::default()
            },
        }
    }

    fn row(bytes: &[u8], layout: ShardLayout, i: usize) -> Vec<u16> {
        let w = layout.row_u16s() * 2;
        let start = HEADER_BYTES as usize + i * w;
        bytes[start..start + w]
            .chunks(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect()
    }

    #[test]
    fn rows_have_the_documented_layout() {
        let layout = ShardLayout {
            examples: 2,
            io_len: 3,
            program_len: 4,
        };
        let mut file = std::io::Cursor::new(Vec::new());
        let mut w = ShardWriter::new(&mut file, layout, vocab(), 10).expect("writer");
        // One example (repeated), an input cut to 3 ids, two inputs joined by SEP, an empty output.
        let ok = w
            .push(&task(vec![(vec!["abca", "b"], "")], vec![5, 6]))
            .expect("push");
        assert_eq!(ok, Ok(()));
        let long = w
            .push(&task(vec![(vec!["a"], "b")], vec![5, 6, 7, 8]))
            .expect("push");
        assert_eq!(long, Err(Skipped::ProgramTooLong));
        let bad = w.push(&task(vec![], vec![5])).expect("push");
        assert_eq!(bad, Err(Skipped::NotEncodable));
        assert_eq!(w.written(), 1);
        w.finish_file().expect("finish");
        let bytes = file.into_inner();
        assert_eq!(&bytes[..8], MAGIC);
        let u32_at =
            |o: usize| u32::from_le_bytes([bytes[o], bytes[o + 1], bytes[o + 2], bytes[o + 3]]);
        assert_eq!(u32_at(12), 1);
        assert_eq!(u32_at(28) as usize, layout.row_u16s());
        assert_eq!(u32_at(32), 6);
        assert_eq!(bytes.len(), HEADER_BYTES as usize + layout.row_u16s() * 2);
        let r = row(&bytes, layout, 0);
        // n_examples, program_len, in_len×2, out_len×2
        assert_eq!(&r[..6], &[1, 3, 3, 3, 1, 1]);
        // inputs: "abc" (cut) twice
        assert_eq!(&r[6..12], &[3, 4, 5, 3, 4, 5]);
        // outputs: empty → one PAD, twice
        assert_eq!(&r[12..18], &[0, 0, 0, 0, 0, 0]);
        // program + EOS, padded
        assert_eq!(&r[18..], &[5, 6, EOS, 0]);
    }
}
