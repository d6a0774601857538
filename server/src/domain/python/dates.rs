//! Calendar dates written as ISO strings (`'2024-03-15'`), as everyday code reads them with
//! `datetime.date.fromisoformat`: days between two dates, a date some days later, the
//! weekday, the day of the year, and the date written in another format (`strftime`), whose
//! format the examples show (`'March 2024'` for `'2024-03-15'` gives `'%B %Y'`).
//!
//! Dates are proleptic Gregorian ordinals as Python's `date.toordinal()` (0001-01-01 is 1).
//! Every function here reads a string exactly as CPython 3.11 does, the formats
//! `date.fromisoformat` accepts beyond `YYYY-MM-DD` included (`YYYYMMDD`, ISO weeks), and
//! raises where it raises; what the interpreter cannot tell for sure is not claimed
//! ([`PyErr::TooBig`]).

use super::value::{PyErr, PyVal};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// `date.max.toordinal()`.
const MAX_ORDINAL: i64 = 3_652_059;

fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

fn month_days(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `date(y, m, d).toordinal()` for a valid date (years 1 to 9999).
fn ymd_to_ord(y: i64, m: i64, d: i64) -> i64 {
    let y1 = y - 1;
    let before_year = y1 * 365 + y1 / 4 - y1 / 100 + y1 / 400;
    let before_month: i64 = (1..m).map(|k| month_days(y, k)).sum();
    before_year + before_month + d
}

/// The (year, month, day) of an ordinal in `1..=MAX_ORDINAL`.
fn ord_to_ymd(n: i64) -> (i64, i64, i64) {
    // Days since 1970-01-01, then the civil-from-days algorithm (H. Hinnant).
    let z = n - 719_163 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// The ordinal of a valid date, or Python's `ValueError` for an invalid one.
fn checked_ord(y: i64, m: i64, d: i64) -> Result<i64, PyErr> {
    if !(1..=9999).contains(&y) || !(1..=12).contains(&m) || !(1..=month_days(y, m)).contains(&d) {
        return Err(PyErr::ValueError);
    }
    Ok(ymd_to_ord(y, m, d))
}

/// `datetime.date.fromisoformat(s).toordinal()`, as CPython 3.11 parses: a string of 7, 8
/// or 10 UTF-8 bytes holding `YYYY-MM-DD`, `YYYYMMDD`, `YYYY-Www[-D]` or `YYYYWww[D]`
/// (characters after the date in a 10-byte string are not read).
pub(crate) fn from_iso(s: &str) -> Result<i64, PyErr> {
    let b = s.as_bytes();
    let len = b.len();
    if !matches!(len, 7 | 8 | 10) {
        return Err(PyErr::ValueError);
    }
    // Past the end reads the terminating NUL, as the C parser does.
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    let digits = |p: usize, n: usize| -> Result<i64, PyErr> {
        (p..p + n).try_fold(0i64, |acc, i| {
            let c = at(i);
            if c.is_ascii_digit() {
                Ok(acc * 10 + i64::from(c - b'0'))
            } else {
                Err(PyErr::ValueError)
            }
        })
    };
    let year = digits(0, 4)?;
    let sep = at(4) == b'-';
    let mut p = 4 + usize::from(sep);
    if at(p) == b'W' {
        p += 1;
        let week = digits(p, 2)?;
        p += 2;
        let day = if p < len {
            if sep {
                if at(p) != b'-' {
                    return Err(PyErr::ValueError);
                }
                p += 1;
            }
            digits(p, 1)?
        } else {
            1
        };
        return iso_week_ord(year, week, day);
    }
    let month = digits(p, 2)?;
    p += 2;
    if sep {
        if at(p) != b'-' {
            return Err(PyErr::ValueError);
        }
        p += 1;
    }
    let day = digits(p, 2)?;
    checked_ord(year, month, day)
}

/// The ordinal of ISO year `year`, week `week`, weekday `day` (1 is Monday).
fn iso_week_ord(year: i64, week: i64, day: i64) -> Result<i64, PyErr> {
    if year == 0 {
        // CPython computes year 0 with C's truncating division: not claimed.
        return Err(PyErr::TooBig);
    }
    let first = ymd_to_ord(year, 1, 1);
    let first_weekday = (first + 6) % 7;
    if !(1..53).contains(&week) {
        let long_year = first_weekday == 3 || first_weekday == 2 && is_leap(year);
        if !(week == 53 && long_year) {
            return Err(PyErr::ValueError);
        }
    }
    if !(1..=7).contains(&day) {
        return Err(PyErr::ValueError);
    }
    let mut monday = first - first_weekday;
    if first_weekday > 3 {
        monday += 7;
    }
    let n = monday + (week - 1) * 7 + day - 1;
    if !(1..=MAX_ORDINAL).contains(&n) {
        return Err(PyErr::ValueError);
    }
    Ok(n)
}

/// `date.isoformat()` of an ordinal.
pub(crate) fn isoformat(n: i64) -> String {
    let (y, m, d) = ord_to_ymd(n);
    format!("{y:04}-{m:02}-{d:02}")
}

/// `(date + timedelta(days=days)).isoformat()` of the date with ordinal `n`.
pub(crate) fn add_days(n: i64, days: i64) -> Result<String, PyErr> {
    if days.unsigned_abs() > 999_999_999 {
        return Err(PyErr::OverflowError);
    }
    let m = n + days;
    if !(1..=MAX_ORDINAL).contains(&m) {
        return Err(PyErr::OverflowError);
    }
    Ok(isoformat(m))
}

/// `date.weekday()`: 0 for Monday.
pub(crate) fn weekday(n: i64) -> i64 {
    (n + 6) % 7
}

/// `date.timetuple().tm_yday`.
pub(crate) fn day_of_year(n: i64) -> i64 {
    let (y, _, _) = ord_to_ymd(n);
    n - ymd_to_ord(y, 1, 1) + 1
}

/// One `strftime` directive the interpreter renders (C locale): `%Y %y %m %d %j %B %b %A
/// %a %%`.
fn directive(c: char, n: i64) -> Option<String> {
    let (y, m, d) = ord_to_ymd(n);
    let month = MONTHS[(m - 1) as usize];
    let day = DAYS[weekday(n) as usize];
    Some(match c {
        'Y' => format!("{y}"),
        'y' => format!("{:02}", y % 100),
        'm' => format!("{m:02}"),
        'd' => format!("{d:02}"),
        'j' => format!("{:03}", day_of_year(n)),
        'B' => month.to_string(),
        'b' => month[..3].to_string(),
        'A' => day.to_string(),
        'a' => day[..3].to_string(),
        '%' => "%".to_string(),
        _ => return None,
    })
}

/// `date.strftime(fmt)` for the directives [`directive`] knows; others, and years before
/// 1000 (whose `%Y` the C library writes unpadded), are not claimed.
pub(crate) fn strftime(n: i64, fmt: &str) -> Result<String, PyErr> {
    if n < ymd_to_ord(1000, 1, 1) || fmt.contains('\0') {
        return Err(PyErr::TooBig);
    }
    let mut out = String::new();
    let mut chars = fmt.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let d = chars.next().ok_or(PyErr::TooBig)?;
        if d == '-' {
            // glibc's unpadded day and month (`%-d`, `%-m`).
            let text = match chars.next() {
                Some(u @ ('d' | 'm')) => directive(u, n).ok_or(PyErr::TooBig)?,
                _ => return Err(PyErr::TooBig),
            };
            out.push_str(text.strip_prefix('0').unwrap_or(&text));
            continue;
        }
        out.push_str(&directive(d, n).ok_or(PyErr::TooBig)?);
    }
    Ok(out)
}

/// Whether `s` is a date written `YYYY-MM-DD` (a real one): the dates the operations here
/// are offered for.
pub(crate) fn is_iso_date(s: &str) -> bool {
    s.len() == 10 && s.as_bytes()[4] == b'-' && from_iso(s).is_ok()
}

/// Directives a learned format may use, in the order they are tried at a position.
const LEARNED: [char; 9] = ['B', 'A', 'b', 'a', 'Y', 'd', 'm', 'y', 'j'];
/// Most formats learned from one (date, text) pair.
const MAX_FORMATS: usize = 16;
/// Most steps of one pair's search.
const MAX_STEPS: usize = 4_000;

/// `strftime` formats that write `text` for the date `n`: every way of reading the text as
/// directives and literal characters, with one directive at least; fewest literal letters
/// and digits first.
pub(crate) fn formats_for(n: i64, text: &str) -> Vec<String> {
    if n < ymd_to_ord(1000, 1, 1) || text.chars().count() > 40 {
        return Vec::new();
    }
    let pieces: Vec<(char, String)> = LEARNED
        .iter()
        .filter_map(|&c| Some((c, directive(c, n)?)))
        .collect();
    let mut found: Vec<String> = Vec::new();
    let mut steps = 0usize;
    fn walk(
        rest: &str,
        spec: &mut String,
        directives: usize,
        after_digit: bool,
        pieces: &[(char, String)],
        found: &mut Vec<String>,
        steps: &mut usize,
    ) {
        *steps += 1;
        if found.len() >= MAX_FORMATS || *steps > MAX_STEPS {
            return;
        }
        if rest.is_empty() {
            if directives > 0 {
                found.push(spec.clone());
            }
            return;
        }
        let len = spec.len();
        for (c, piece) in pieces {
            if let Some(tail) = rest.strip_prefix(piece.as_str()) {
                // A number read off part of a longer run of digits is a coincidence.
                let digit_piece = piece.starts_with(|ch: char| ch.is_ascii_digit());
                let cut_digits = after_digit && digit_piece
                    || piece.ends_with(|ch: char| ch.is_ascii_digit())
                        && tail.starts_with(|ch: char| ch.is_ascii_digit())
                        && !pieces.iter().any(|(_, p)| {
                            p.starts_with(|ch: char| ch.is_ascii_digit())
                                && tail.starts_with(p.as_str())
                        });
                if cut_digits {
                    continue;
                }
                spec.push('%');
                spec.push(*c);
                walk(tail, spec, directives + 1, false, pieces, found, steps);
                spec.truncate(len);
            }
        }
        let mut cs = rest.chars();
        if let Some(ch) = cs.next() {
            if ch == '%' {
                spec.push_str("%%");
            } else {
                spec.push(ch);
            }
            let digit = ch.is_ascii_digit();
            walk(cs.as_str(), spec, directives, digit, pieces, found, steps);
            spec.truncate(len);
        }
    }
    walk(
        text,
        &mut String::new(),
        0,
        false,
        &pieces,
        &mut found,
        &mut steps,
    );
    found.sort_by_key(|s| (literal_alnum(s), s.len()));
    found.dedup();
    found
}

/// Strings within two levels of `v` (dict keys included).
fn strings<'a>(v: &'a PyVal, depth: usize, out: &mut Vec<&'a str>) {
    match v {
        PyVal::Str(s) => out.push(s),
        PyVal::List(xs) | PyVal::Tuple(xs) if depth < 2 => {
            for x in xs.iter() {
                strings(x, depth + 1, out);
            }
        }
        PyVal::Dict(kv) if depth < 2 => {
            for (k, x) in kv.iter() {
                strings(k, depth + 1, out);
                strings(x, depth + 1, out);
            }
        }
        _ => {}
    }
}

/// Most formats offered to the search.
const MAX_OFFERED: usize = 4;

/// `strftime` formats that write, in every example, some string of the result for some
/// `YYYY-MM-DD` date of the inputs (`'%B %Y'` for `'2024-03-15'` → `'March 2024'`, `'%a'` for
/// dates counted by weekday): fewest literal letters and digits first.
///
/// Where the description asks for no leading zero, the day and month are written unpadded
/// (`%-d`, glibc's and BSD's flag).
pub(crate) fn learned_formats(
    inputs: &[Vec<PyVal>],
    outputs: &[PyVal],
    unpadded: bool,
) -> Vec<String> {
    let per_example: Vec<(Vec<i64>, Vec<&str>)> = inputs
        .iter()
        .zip(outputs)
        .map(|(ins, out)| {
            let mut ds = Vec::new();
            for v in ins {
                strings(v, 0, &mut ds);
            }
            let dates: Vec<i64> = ds
                .into_iter()
                .filter(|s| is_iso_date(s))
                .filter_map(|s| from_iso(s).ok())
                .take(8)
                .collect();
            let mut texts = Vec::new();
            strings(out, 0, &mut texts);
            texts.retain(|t| !t.is_empty() && !is_iso_date(t));
            texts.truncate(16);
            (dates, texts)
        })
        .collect();
    let Some((dates, texts)) = per_example.first() else {
        return Vec::new();
    };
    let mut candidates: Vec<String> = Vec::new();
    for &d in dates {
        for t in texts {
            for f in formats_for(d, t) {
                let f = if unpadded {
                    f.replace("%d", "%-d").replace("%m", "%-m")
                } else {
                    f
                };
                if !candidates.contains(&f) {
                    candidates.push(f);
                }
            }
        }
    }
    let fits = |f: &str| {
        per_example.iter().all(|(dates, texts)| {
            dates
                .iter()
                .any(|&d| strftime(d, f).is_ok_and(|s| texts.contains(&s.as_str())))
        })
    };
    let mut kept: Vec<String> = candidates.into_iter().filter(|f| fits(f)).collect();
    kept.sort_by_key(|s| (literal_alnum(s), s.len()));
    kept.truncate(MAX_OFFERED);
    kept
}

/// Letters and digits of a format outside its directives.
fn literal_alnum(spec: &str) -> usize {
    let mut k = 0;
    let mut cs = spec.chars();
    while let Some(c) = cs.next() {
        if c == '%' {
            cs.next();
        } else if c.is_alphanumeric() {
            k += 1;
        }
    }
    k
}

/// Whether a string literal reads as a `strftime` format the learner writes (every `%`
/// starts a directive it knows).
pub(crate) fn is_date_format(s: &str) -> bool {
    let mut cs = s.chars();
    let mut any = false;
    while let Some(c) = cs.next() {
        if c == '%' {
            match cs.next() {
                Some('-') if matches!(cs.next(), Some('d' | 'm')) => any = true,
                Some(d) if "YymdjBbAa%".contains(d) => any |= d != '%',
                _ => return false,
            }
        }
    }
    any
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_are_pythons() {
        assert_eq!(from_iso("0001-01-01"), Ok(1));
        assert_eq!(from_iso("2024-03-15"), Ok(738_960));
        assert_eq!(from_iso("9999-12-31"), Ok(MAX_ORDINAL));
        for n in [1, 59, 60, 738_960, 730_120, MAX_ORDINAL] {
            assert_eq!(from_iso(&isoformat(n)), Ok(n));
        }
        assert_eq!(weekday(738_960), 4); // a Friday
        assert_eq!(day_of_year(from_iso("2024-12-31").unwrap_or(0)), 366);
    }

    #[test]
    fn the_formats_cpython_accepts() {
        assert_eq!(from_iso("20240315"), from_iso("2024-03-15"));
        assert_eq!(from_iso("2024-W01-1"), from_iso("2024-01-01"));
        assert_eq!(from_iso("2024W01"), from_iso("2024-01-01"));
        assert_eq!(from_iso("2020-W53-7"), from_iso("2021-01-03"));
        // Bytes after a 10-byte date are not read.
        assert_eq!(from_iso("20240101xx"), from_iso("2024-01-01"));
        for bad in [
            "2024-0101",
            "2024-02-30",
            "2023-02-29",
            "0000-01-01",
            "2024-W53-1",
            "2024-1-01",
            "2024-01-01x",
            " 2024-01-01",
            "9999-W52-7",
        ] {
            assert_eq!(from_iso(bad), Err(PyErr::ValueError), "{bad}");
        }
        let day = |s: &str| from_iso(s).unwrap_or(0);
        assert_eq!(add_days(day("9999-12-31"), 1), Err(PyErr::OverflowError));
        assert_eq!(add_days(day("2024-02-28"), 1).as_deref(), Ok("2024-02-29"));
        assert_eq!(add_days(day("2024-03-01"), -1).as_deref(), Ok("2024-02-29"));
    }

    #[test]
    fn formats_are_read_off_an_example() {
        let n = from_iso("2024-03-05").unwrap_or(0);
        let f = formats_for(n, "March 2024");
        assert_eq!(f.first().map(String::as_str), Some("%B %Y"));
        let f = formats_for(n, "05/03/2024");
        assert_eq!(f.first().map(String::as_str), Some("%d/%m/%Y"));
        assert!(formats_for(n, "Tue").contains(&"%a".to_string()));
        assert_eq!(strftime(n, "%a %d %b %Y").as_deref(), Ok("Tue 05 Mar 2024"));
        // The year is not a part of a longer number.
        assert!(formats_for(n, "120245").iter().all(|f| !f.contains("%Y")));
        assert!(formats_for(n, "12024").iter().all(|f| !f.contains("%Y")));
    }

    #[test]
    fn formats_are_learned_from_every_example() {
        let ex = |d: &str| vec![PyVal::str(d)];
        let inputs = [ex("2024-03-15"), ex("2023-11-02")];
        let outputs = [PyVal::str("Mar 15, 2024"), PyVal::str("Nov 02, 2023")];
        assert_eq!(learned_formats(&inputs, &outputs, false), ["%b %d, %Y"]);
        let n = from_iso("2024-03-05").unwrap_or(0);
        assert_eq!(strftime(n, "%B %-d, %Y").as_deref(), Ok("March 5, 2024"));
        // Dates counted by weekday: the keys of the result.
        let inputs = [vec![PyVal::list(vec![
            PyVal::str("2024-03-04"),
            PyVal::str("2024-03-06"),
        ])]];
        let outputs = [PyVal::Dict(std::rc::Rc::new(vec![
            (PyVal::str("Mon"), PyVal::Int(1)),
            (PyVal::str("Wed"), PyVal::Int(1)),
        ]))];
        assert_eq!(learned_formats(&inputs, &outputs, false), ["%a"]);
        assert!(is_date_format("%B %Y") && !is_date_format("50%") && !is_date_format("%s"));
    }
}
