//! `$ZDATE`: a `$HOROLOG` value in GT.M's date and time formats, with `$ZDATEFORM`'s choice
//! of two or four digit years in the default format.

use crate::error::{MError, MResult, kind};
use crate::number::Number;
use crate::value::Value;

const MONTHS: [&[u8]; 12] = [
    b"JAN", b"FEB", b"MAR", b"APR", b"MAY", b"JUN", b"JUL", b"AUG", b"SEP", b"OCT", b"NOV", b"DEC",
];
const DAYS: [&[u8]; 7] = [b"SUN", b"MON", b"TUE", b"WED", b"THU", b"FRI", b"SAT"];

/// `$ZDATE(h[,format[,months[,days]]])` with GT.M's format codes (YEAR YY MM MON DD DAY 24
/// 12 60 SS AM PM), its numbered formats 1 and 2, and comma lists of month and day names.
/// `zdateform` is `$ZDATEFORM`: it picks the year's digits of the default format only.
pub(super) fn zdate(v: &[Value], zdateform: i64) -> MResult<Value> {
    let (days, secs) = horolog_parts(v.first().map_or(&[][..], Value::bytes));
    // GT.M's dates run from 1 January 1840 to 31 December 999999.
    if !(-365..=364_570_088).contains(&days) {
        return Err(MError::with_args(kind::ZDATEBADDATE, &[&days.to_string()]));
    }
    let (y, m, d) = civil(days);
    let format: &[u8] = match v.get(1).map(Value::bytes) {
        None | Some(b"") | Some(b"1") => default_format(y, zdateform),
        Some(b"2") => b"DD-MON-YY",
        Some(f) => f,
    };
    let names = |i: usize, k: usize| -> Option<&[u8]> {
        let list = v.get(i).filter(|l| !l.is_empty())?.bytes();
        Some(list.split(|&b| b == b',').nth(k).unwrap_or(b""))
    };
    let secs = secs.unwrap_or(0);
    let (hh, mi, ss) = (secs / 3600, secs / 60 % 60, secs % 60);
    // $HOROLOG day 0, 31 December 1840, was a Thursday.
    let weekday = (days + 4).rem_euclid(7) as usize;
    let month = (m - 1) as usize;
    let am_pm: &[u8] = if hh < 12 { b"AM" } else { b"PM" };
    let mut out = Vec::with_capacity(format.len() + 8);
    let mut rest = format;
    while let Some(&c) = rest.first() {
        let code: &[u8] = [
            &b"YEAR"[..],
            b"YY",
            b"MM",
            b"MON",
            b"DD",
            b"DAY",
            b"24",
            b"12",
            b"60",
            b"SS",
            b"AM",
            b"PM",
        ]
        .into_iter()
        .find(|code| rest.starts_with(code))
        .unwrap_or(b"");
        match code {
            b"YEAR" => out.extend_from_slice(format!("{y:04}").as_bytes()),
            b"YY" => two_digits(&mut out, y % 100),
            b"MM" => two_digits(&mut out, m),
            b"MON" => out.extend_from_slice(names(2, month).unwrap_or(MONTHS[month])),
            b"DD" => two_digits(&mut out, d),
            b"DAY" => out.extend_from_slice(names(3, weekday).unwrap_or(DAYS[weekday])),
            b"24" => two_digits(&mut out, hh),
            b"12" => two_digits(&mut out, if hh % 12 == 0 { 12 } else { hh % 12 }),
            b"60" => two_digits(&mut out, mi),
            b"SS" => two_digits(&mut out, ss),
            b"AM" | b"PM" => out.extend_from_slice(am_pm),
            // GT.M takes only space and `*+,-./:;` between the codes (probed byte by byte).
            _ if matches!(c, b' ' | b'*'..=b'/' | b':' | b';') => out.push(c),
            _ => return Err(MError::new(kind::ZDATEFMT)),
        }
        rest = &rest[code.len().max(1)..];
    }
    Ok(Value::from_bytes(&out))
}

/// The default format's year (GT.M, probed): `$ZDATEFORM` 0 two digits, 1 four digits
/// from the year 2000 on, anything else four digits always.
fn default_format(year: i64, zdateform: i64) -> &'static [u8] {
    match zdateform {
        0 => b"MM/DD/YY",
        1 if year < 2000 => b"MM/DD/YY",
        _ => b"MM/DD/YEAR",
    }
}

fn two_digits(out: &mut Vec<u8>, n: i64) {
    out.extend_from_slice(format!("{n:02}").as_bytes());
}

/// Days and seconds of a `$HOROLOG` value.
fn horolog_parts(h: &[u8]) -> (i64, Option<i64>) {
    let mut parts = h.splitn(2, |&b| b == b',');
    let days = parts.next().map_or(0, |d| Number::parse(d).to_i64());
    let secs = parts.next().map(|s| Number::parse(s).to_i64());
    (days, secs)
}

/// The civil date of a `$HOROLOG` day number (day 0 is 31 December 1840).
fn civil(days: i64) -> (i64, i64, i64) {
    // Days since 1970-01-01, then the days-to-civil conversion of the proleptic Gregorian
    // calendar in 400-year eras.
    let z = days - 47117 + 719_468;
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
