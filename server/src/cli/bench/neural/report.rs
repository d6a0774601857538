//! Per-task results of `docsynth bench neural` and their summaries: solved %, mean and median
//! time per task, candidates per task, and accuracy by reference program length.

use serde::Serialize;

/// What one run did on one task.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct TaskResult {
    /// Some proposed program reproduces every given example.
    pub solved: bool,
    /// Wall-clock seconds spent on the task.
    pub seconds: f64,
    /// Candidates checked (neural proposals; 0 for the search).
    pub candidates: usize,
    /// The writer failed on the task (e.g. values the model cannot encode).
    pub failed: bool,
}

/// Upper ends of the reference-length buckets (tokens); the last bucket is open.
pub const BUCKETS: [usize; 3] = [10, 20, 30];

/// The bucket label of a reference length (`1-10`, `11-20`, `21-30`, `31+`, `unknown`).
pub fn bucket(len: Option<usize>) -> String {
    let Some(len) = len else {
        return "unknown".to_string();
    };
    let mut lo = 1;
    for hi in BUCKETS {
        if len <= hi {
            return format!("{lo}-{hi}");
        }
        lo = hi + 1;
    }
    format!("{lo}+")
}

/// Every bucket label in order (without `unknown`).
pub fn bucket_labels() -> Vec<String> {
    let mut out: Vec<String> = BUCKETS.iter().map(|&h| bucket(Some(h))).collect();
    out.push(bucket(Some(BUCKETS[BUCKETS.len() - 1] + 1)));
    out
}

/// Solved / attempted in one length bucket.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BucketRow {
    /// `1-10`, `11-20`, `21-30`, `31+` or `unknown`.
    pub bucket: String,
    /// Tasks in the bucket.
    pub tasks: usize,
    /// Tasks solved.
    pub solved: usize,
}

/// One line of the report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    /// `neural`, `search` or `neural+search`.
    pub writer: String,
    /// Model directory (neural rows).
    pub model: Option<String>,
    /// `lp` or `baseline` (neural rows).
    pub kind: Option<String>,
    /// Total beam B (neural rows).
    pub beam: Option<usize>,
    /// Latent beams L actually used (LP rows).
    pub latent_beams: Option<usize>,
    /// Time limit per task in seconds.
    pub budget_s: f64,
    /// Tasks attempted.
    pub tasks: usize,
    /// Tasks solved.
    pub solved: usize,
    /// 100 × solved / tasks.
    pub solved_pct: f64,
    /// Mean seconds per task.
    pub mean_s: f64,
    /// Median seconds per task.
    pub p50_s: f64,
    /// Mean candidates per task.
    pub candidates_per_task: f64,
    /// Tasks the writer failed on (counted unsolved).
    pub failed: usize,
    /// Accuracy by reference program length.
    pub by_length: Vec<BucketRow>,
}

/// What a row describes, before its numbers.
#[derive(Clone, Debug, Default)]
pub struct RowLabel {
    /// `neural`, `search` or `neural+search`.
    pub writer: String,
    /// Model directory.
    pub model: Option<String>,
    /// Model kind.
    pub kind: Option<String>,
    /// Total beam.
    pub beam: Option<usize>,
    /// Latent beams.
    pub latent_beams: Option<usize>,
    /// Time limit per task.
    pub budget_s: f64,
}

fn median(mut xs: Vec<f64>) -> f64 {
    if xs.is_empty() {
        return f64::NAN;
    }
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    if n % 2 == 1 {
        xs[n / 2]
    } else {
        (xs[n / 2 - 1] + xs[n / 2]) / 2.0
    }
}

impl Row {
    /// Summarizes per-task results; `lengths[i]` is task `i`'s reference length.
    pub fn new(label: RowLabel, results: &[TaskResult], lengths: &[Option<usize>]) -> Self {
        let n = results.len();
        let solved = results.iter().filter(|r| r.solved).count();
        let total_s: f64 = results.iter().map(|r| r.seconds).sum();
        let candidates: usize = results.iter().map(|r| r.candidates).sum();
        let mut by_length: Vec<BucketRow> = bucket_labels()
            .into_iter()
            .map(|bucket| BucketRow {
                bucket,
                tasks: 0,
                solved: 0,
            })
            .collect();
        for (r, len) in results.iter().zip(lengths) {
            let b = bucket(*len);
            let row = match by_length.iter().position(|x| x.bucket == b) {
                Some(i) => &mut by_length[i],
                None => {
                    by_length.push(BucketRow {
                        bucket: b,
                        tasks: 0,
                        solved: 0,
                    });
                    let last = by_length.len() - 1;
                    &mut by_length[last]
                }
            };
            row.tasks += 1;
            row.solved += usize::from(r.solved);
        }
        let denom = n.max(1) as f64;
        Self {
            writer: label.writer,
            model: label.model,
            kind: label.kind,
            beam: label.beam,
            latent_beams: label.latent_beams,
            budget_s: label.budget_s,
            tasks: n,
            solved,
            solved_pct: 100.0 * solved as f64 / denom,
            mean_s: total_s / denom,
            p50_s: median(results.iter().map(|r| r.seconds).collect()),
            candidates_per_task: candidates as f64 / denom,
            failed: results.iter().filter(|r| r.failed).count(),
            by_length,
        }
    }

    /// A short name: `models/strings [lp] B=10 L=3`, `search (5 s)`, …
    pub fn name(&self) -> String {
        let model = self.model.as_deref().unwrap_or("");
        let kind = self
            .kind
            .as_deref()
            .map(|k| format!(" [{k}]"))
            .unwrap_or_default();
        let b = self.beam.map(|b| format!(" B={b}")).unwrap_or_default();
        let l = self
            .latent_beams
            .map(|l| format!(" L={l}"))
            .unwrap_or_default();
        match self.writer.as_str() {
            "search" => format!("search only ({} s)", self.budget_s),
            "neural+search" => format!(
                "{model}{kind}{b}{l} then search ({} s total)",
                self.budget_s
            ),
            _ => format!("{model}{kind}{b}{l}"),
        }
    }

    /// The markdown table header matching [`Row::table_line`].
    pub fn table_header() -> String {
        "| run | solved | solved % | mean s/task | p50 s/task | candidates/task | failed |\n\
         |---|---|---|---|---|---|---|"
            .to_string()
    }

    /// One markdown table line.
    pub fn table_line(&self) -> String {
        format!(
            "| {} | {}/{} | {:.1} | {:.3} | {:.3} | {:.1} | {} |",
            self.name(),
            self.solved,
            self.tasks,
            self.solved_pct,
            self.mean_s,
            self.p50_s,
            self.candidates_per_task,
            self.failed
        )
    }

    /// One line of the length table: solved/tasks per bucket.
    pub fn length_line(&self, buckets: &[String]) -> String {
        let cells: Vec<String> = buckets
            .iter()
            .map(|b| match self.by_length.iter().find(|x| &x.bucket == b) {
                Some(x) if x.tasks > 0 => format!(
                    "{}/{} ({:.0}%)",
                    x.solved,
                    x.tasks,
                    100.0 * x.solved as f64 / x.tasks as f64
                ),
                _ => "–".to_string(),
            })
            .collect();
        format!("| {} | {} |", self.name(), cells.join(" | "))
    }
}

/// The buckets that occur in any of `rows`, in order.
pub fn used_buckets(rows: &[Row]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in rows {
        for b in &r.by_length {
            if b.tasks > 0 && !out.contains(&b.bucket) {
                out.push(b.bucket.clone());
            }
        }
    }
    let order = |b: &String| {
        bucket_labels()
            .iter()
            .position(|x| x == b)
            .unwrap_or(usize::MAX)
    };
    out.sort_by_key(order);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_by_token_count() {
        assert_eq!(bucket(Some(1)), "1-10");
        assert_eq!(bucket(Some(10)), "1-10");
        assert_eq!(bucket(Some(11)), "11-20");
        assert_eq!(bucket(Some(30)), "21-30");
        assert_eq!(bucket(Some(31)), "31+");
        assert_eq!(bucket(None), "unknown");
        assert_eq!(bucket_labels(), vec!["1-10", "11-20", "21-30", "31+"]);
    }

    #[test]
    fn rows_summarize_results() {
        let r = |solved, seconds| TaskResult {
            solved,
            seconds,
            candidates: 2,
            failed: false,
        };
        let results = [r(true, 1.0), r(false, 3.0), r(true, 2.0)];
        let lengths = [Some(5), Some(25), None];
        let row = Row::new(
            RowLabel {
                writer: "neural".into(),
                model: Some("m".into()),
                kind: Some("lp".into()),
                beam: Some(10),
                latent_beams: Some(3),
                budget_s: 60.0,
            },
            &results,
            &lengths,
        );
        assert_eq!((row.solved, row.tasks), (2, 3));
        assert!((row.mean_s - 2.0).abs() < 1e-9 && (row.p50_s - 2.0).abs() < 1e-9);
        assert!((row.candidates_per_task - 2.0).abs() < 1e-9);
        let b = |name: &str| row.by_length.iter().find(|b| b.bucket == name).cloned();
        assert_eq!(b("1-10").map(|x| (x.solved, x.tasks)), Some((1, 1)));
        assert_eq!(b("21-30").map(|x| (x.solved, x.tasks)), Some((0, 1)));
        assert_eq!(b("unknown").map(|x| (x.solved, x.tasks)), Some((1, 1)));
        assert_eq!(
            used_buckets(std::slice::from_ref(&row)),
            vec!["1-10", "21-30", "unknown"]
        );
        assert_eq!(row.name(), "m [lp] B=10 L=3");
        assert!(row
            .length_line(&used_buckets(std::slice::from_ref(&row)))
            .contains("1/1 (100%)"));
    }
}
