//! Schedule expressions, parsed in full, so that a schedule AWS would refuse at apply time (or
//! accept and never fire) is an error at its value in the spec.
//!
//! AWS schedules (Glue crawlers and triggers, EventBridge) take `cron(...)` with six fields,
//! `Minutes Hours Day-of-month Month Day-of-week Year`, where exactly one of the two day fields
//! is `?`; EventBridge also takes `rate(N unit)`. Glue crawlers take `cron` only.

/// Why an expression is not a valid schedule, with an example of one that is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    pub why: String,
}

/// An example that the messages show.
pub const CRON_EXAMPLE: &str = "cron(0 * * * ? *)";

/// Which forms a service accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accepts {
    /// `cron(...)` only (Glue).
    Cron,
    /// `cron(...)` or `rate(...)` (EventBridge rules).
    CronOrRate,
    /// `cron(...)`, `rate(...)` or a one-time `at(yyyy-mm-ddThh:mm:ss)` (EventBridge
    /// Scheduler).
    Scheduler,
}

/// Checks a schedule expression.
pub fn parse(expr: &str, accepts: Accepts) -> Result<(), Invalid> {
    let bad = |why: String| Err(Invalid { why });
    if let Some(body) = expr.strip_prefix("cron(").and_then(|b| b.strip_suffix(')')) {
        return cron(body).map_err(|why| Invalid { why });
    }
    if let Some(body) = expr.strip_prefix("rate(").and_then(|b| b.strip_suffix(')')) {
        if accepts == Accepts::Cron {
            return bad("Glue schedules take `cron(...)` only, not `rate(...)`".to_string());
        }
        return rate(body).map_err(|why| Invalid { why });
    }
    if let Some(body) = expr.strip_prefix("at(").and_then(|b| b.strip_suffix(')'))
        && accepts == Accepts::Scheduler
    {
        return at(body).map_err(|why| Invalid { why });
    }
    bad(format!(
        "`{expr}` is not a schedule expression: write `cron(Minutes Hours Day-of-month Month \
         Day-of-week Year)`"
    ))
}

/// A one-time schedule's local date and time, `yyyy-mm-ddThh:mm:ss`, in the schedule's
/// time zone.
fn at(body: &str) -> Result<(), String> {
    let wrong = || {
        format!(
            "`at({body})` needs a date and time as `yyyy-mm-ddThh:mm:ss`, e.g. `at(2027-01-31T06:00:00)`"
        )
    };
    let b = body.as_bytes();
    let shape = b.len() == 19
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            10 => *c == b'T',
            13 | 16 => *c == b':',
            _ => c.is_ascii_digit(),
        });
    if !shape {
        return Err(wrong());
    }
    let n = |r: std::ops::Range<usize>| body[r].parse::<u32>().expect("digits");
    let (year, month, day) = (n(0..4), n(5..7), n(8..10));
    let (hour, minute, second) = (n(11..13), n(14..16), n(17..19));
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => {
            return Err(format!(
                "month `{month:02}` in `at({body})` is outside 01-12"
            ));
        }
    };
    if day == 0 || day > days {
        return Err(format!(
            "day `{day:02}` in `at({body})` is outside 01-{days} for that month"
        ));
    }
    if hour > 23 || minute > 59 || second > 59 {
        return Err(format!("the time in `at({body})` is not a time of day"));
    }
    Ok(())
}

fn rate(body: &str) -> Result<(), String> {
    let mut parts = body.split(' ');
    let (Some(n), Some(unit), None) = (parts.next(), parts.next(), parts.next()) else {
        return Err(format!(
            "`rate({body})` needs a number and a unit, e.g. `rate(5 minutes)`"
        ));
    };
    let n: u64 = n
        .parse()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| format!("`{n}` in `rate({body})` is not a positive whole number"))?;
    let units: &[&str] = if n == 1 {
        &["minute", "hour", "day"]
    } else {
        &["minutes", "hours", "days"]
    };
    if !units.contains(&unit) {
        return Err(format!(
            "`{unit}` in `rate({body})` is not a unit; with {n} use {}",
            units.join(", ")
        ));
    }
    Ok(())
}

/// One field's name, range and the names it accepts for its values.
struct Field {
    name: &'static str,
    min: u32,
    max: u32,
    names: &'static [&'static str],
}

const FIELDS: [Field; 6] = [
    Field {
        name: "minutes",
        min: 0,
        max: 59,
        names: &[],
    },
    Field {
        name: "hours",
        min: 0,
        max: 23,
        names: &[],
    },
    Field {
        name: "day-of-month",
        min: 1,
        max: 31,
        names: &[],
    },
    Field {
        name: "month",
        min: 1,
        max: 12,
        names: &[
            "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
        ],
    },
    Field {
        name: "day-of-week",
        min: 1,
        max: 7,
        names: &["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"],
    },
    Field {
        name: "year",
        min: 1970,
        max: 2199,
        names: &[],
    },
];

fn cron(body: &str) -> Result<(), String> {
    // Fields are separated by ASCII spaces only: a no-break or ideographic space inside a
    // field is not a separator, and the field it is in is refused.
    let fields: Vec<&str> = body.split(' ').filter(|f| !f.is_empty()).collect();
    if fields.len() != 6 {
        return Err(format!(
            "`cron({body})` has {} fields; AWS cron has six: Minutes Hours Day-of-month Month \
             Day-of-week Year",
            fields.len()
        ));
    }
    let (dom, dow) = (fields[2], fields[4]);
    match (dom == "?", dow == "?") {
        (true, true) => {
            return Err(
                "day-of-month and day-of-week are both `?`; exactly one of them must be"
                    .to_string(),
            );
        }
        (false, false) => {
            return Err(format!(
                "day-of-month `{dom}` and day-of-week `{dow}` are both set; one of them must be \
                 `?` (AWS cron cannot combine them)"
            ));
        }
        _ => {}
    }
    for (value, field) in fields.iter().zip(&FIELDS) {
        if *value == "?" {
            continue;
        }
        for item in value.split(',') {
            element(item, field).map_err(|why| format!("{} field `{value}`: {why}", field.name))?;
        }
    }
    Ok(())
}

/// One comma-separated element: `*`, `n`, `a-b`, `x/step`, or a day field's `L`, `W`, `#`.
fn element(item: &str, f: &Field) -> Result<(), String> {
    if item.is_empty() {
        return Err("an empty list item".to_string());
    }
    let (range, step) = match item.split_once('/') {
        Some((r, s)) => (r, Some(s)),
        None => (item, None),
    };
    if let Some(step) = step {
        let n: u32 = step
            .parse()
            .map_err(|_| format!("`{step}` is not a step count"))?;
        if n == 0 || n > f.max {
            return Err(format!("step `{n}` is outside 1-{}", f.max));
        }
    }
    if range == "*" {
        return Ok(());
    }
    match f.name {
        "day-of-month" if range == "L" || range == "LW" => return Ok(()),
        "day-of-month" if range.ends_with('W') => {
            return value(&range[..range.len() - 1], f).map(|_| ());
        }
        "day-of-week" if range == "L" => return Ok(()),
        "day-of-week" if range.ends_with('L') => {
            return value(&range[..range.len() - 1], f).map(|_| ());
        }
        "day-of-week" if range.contains('#') => {
            let (d, nth) = range.split_once('#').expect("contains #");
            value(d, f)?;
            return match nth.parse::<u32>() {
                Ok(1..=5) => Ok(()),
                _ => Err(format!("`#{nth}` must be #1 to #5")),
            };
        }
        _ => {}
    }
    match range.split_once('-') {
        Some((a, b)) => {
            let (a, b) = (value(a, f)?, value(b, f)?);
            if a > b && f.name != "day-of-week" {
                return Err(format!("the range `{range}` runs backwards"));
            }
            Ok(())
        }
        None => value(range, f).map(|_| ()),
    }
}

fn value(text: &str, f: &Field) -> Result<u32, String> {
    if let Some(i) = f.names.iter().position(|n| n.eq_ignore_ascii_case(text)) {
        return Ok(f.min + i as u32);
    }
    let n: u32 = text.parse().map_err(|_| {
        if f.names.is_empty() {
            format!("`{text}` is not a number")
        } else {
            format!("`{text}` is not a number or one of {}", f.names.join(", "))
        }
    })?;
    if n < f.min || n > f.max {
        return Err(format!("`{n}` is outside {}-{}", f.min, f.max));
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_schedules() {
        for ok in [
            "cron(0 * * * ? *)",
            "cron(15 10 ? * 6L 2026-2030)",
            "cron(0/5 8-17 ? * MON-FRI *)",
            "cron(0 12 1,15 * ? *)",
            "cron(0 0 L * ? *)",
            "cron(0 0 15W * ? *)",
            "cron(0 9 ? * 2#1 *)",
            "cron(30 2 ? JAN-MAR SUN *)",
        ] {
            assert_eq!(parse(ok, Accepts::Cron), Ok(()), "{ok}");
        }
        for ok in ["rate(1 hour)", "rate(5 minutes)", "rate(7 days)"] {
            assert_eq!(parse(ok, Accepts::CronOrRate), Ok(()), "{ok}");
        }
    }

    #[test]
    fn invalid_schedules_say_why() {
        let why = |e: &str, a| parse(e, a).unwrap_err().why;
        assert_eq!(
            why("cron(0 * * * *)", Accepts::Cron),
            "`cron(0 * * * *)` has 5 fields; AWS cron has six: Minutes Hours Day-of-month Month \
             Day-of-week Year"
        );
        assert!(why("cron(0 * * * * *)", Accepts::Cron).contains("one of them must be `?`"));
        assert!(why("cron(0 * ? * ? *)", Accepts::Cron).contains("both `?`"));
        assert_eq!(
            why("cron(61 * * * ? *)", Accepts::Cron),
            "minutes field `61`: `61` is outside 0-59"
        );
        assert_eq!(
            why("cron(0 * ? * FUN *)", Accepts::Cron),
            "day-of-week field `FUN`: `FUN` is not a number or one of SUN, MON, TUE, WED, THU, \
             FRI, SAT"
        );
        assert!(why("cron(0 0/0 * * ? *)", Accepts::Cron).contains("step `0`"));
        assert!(why("rate(1 hour)", Accepts::Cron).contains("`cron(...)` only"));
        assert!(why("rate(2 hour)", Accepts::CronOrRate).contains("with 2 use minutes"));
        assert!(why("every hour", Accepts::Cron).contains("not a schedule expression"));
        assert!(why("at(2027-01-31T06:00:00)", Accepts::CronOrRate).contains("not a schedule"));
        assert_eq!(parse("at(2028-02-29T23:59:59)", Accepts::Scheduler), Ok(()));
        assert!(why("at(2027-02-29T00:00:00)", Accepts::Scheduler).contains("outside 01-28"));
        assert!(why("at(2027-13-01T00:00:00)", Accepts::Scheduler).contains("outside 01-12"));
        assert!(why("at(2027-01-01 00:00:00)", Accepts::Scheduler).contains("yyyy-mm-dd"));
        assert!(why("at(2027-01-01T24:00:00)", Accepts::Scheduler).contains("time of day"));
        assert!(why("cron(0\u{a0}* * * ? *)", Accepts::Cron).contains("has 5 fields"));
    }
}
