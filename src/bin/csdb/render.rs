//! Human-readable output: aligned tables and sizes.

/// How a column is aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Text.
    Left,
    /// Numbers, so that digits line up.
    Right,
}

/// An aligned table: a header line, a rule, then one line per row. Widths count characters, so
/// non-ASCII names (e.g. in orphan samples) stay aligned. Trailing spaces are trimmed.
pub fn table(columns: &[(&str, Align)], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = columns.iter().map(|(h, _)| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let aligns: Vec<Align> = columns.iter().map(|(_, a)| *a).collect();
    let header: Vec<String> = columns.iter().map(|(h, _)| (*h).to_owned()).collect();
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    let mut out = line(&header, &widths, &aligns);
    out.push_str(&line(&rule, &widths, &aligns));
    for row in rows {
        out.push_str(&line(row, &widths, &aligns));
    }
    out
}

fn line(cells: &[String], widths: &[usize], aligns: &[Align]) -> String {
    let mut out = String::new();
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push_str("  ");
        }
        let width = widths.get(i).copied().unwrap_or(0);
        let pad = " ".repeat(width.saturating_sub(cell.chars().count()));
        match aligns.get(i).copied().unwrap_or(Align::Left) {
            Align::Left => {
                out.push_str(cell);
                out.push_str(&pad);
            }
            Align::Right => {
                out.push_str(&pad);
                out.push_str(cell);
            }
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

/// A byte count the way `pg_size_pretty` prints it (`8192 bytes`, `16 kB`, `3 MB`), so that
/// the CLI's sizes read like the server's.
pub fn bytes(n: i64) -> String {
    const UNITS: [&str; 5] = ["kB", "MB", "GB", "TB", "PB"];
    if n.unsigned_abs() < 10 * 1024 {
        return format!("{n} bytes");
    }
    let mut value = n as f64 / 1024.0;
    let mut unit = 0;
    while value.abs() >= 10.0 * 1024.0 - 0.5 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    format!("{} {}", value.round(), UNITS[unit])
}

/// `1 index` or `2 indexes`.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// `items` joined with `, ` into lines that start with `indent` and, where possible, stay within
/// `width` characters; each line ends with a newline. Nothing for no items.
pub fn wrap(items: &[String], indent: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for (i, item) in items.iter().enumerate() {
        let piece = if i + 1 < items.len() {
            format!("{item},")
        } else {
            item.clone()
        };
        let fits =
            indent.chars().count() + line.chars().count() + 1 + piece.chars().count() <= width;
        if !line.is_empty() && !fits {
            out.push_str(indent);
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&piece);
    }
    if !line.is_empty() {
        out.push_str(indent);
        out.push_str(&line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_columns() {
        let out = table(
            &[("NAME", Align::Left), ("N", Align::Right)],
            &[
                vec!["a".into(), "100".into()],
                vec!["long name".into(), "2".into()],
            ],
        );
        assert_eq!(
            out,
            "NAME         N\n---------  ---\na          100\nlong name    2\n"
        );
    }

    #[test]
    fn sizes_like_pg_size_pretty() {
        assert_eq!(bytes(8192), "8192 bytes");
        assert_eq!(bytes(16384), "16 kB");
        assert_eq!(bytes(3 * 1024 * 1024), "3072 kB");
        assert_eq!(bytes(30 * 1024 * 1024), "30 MB");
        assert_eq!(plural(1, "index", "indexes"), "1 index");
        assert_eq!(plural(2, "index", "indexes"), "2 indexes");
    }

    #[test]
    fn wraps_lists_at_the_width() {
        let items: Vec<String> = ["alpha 1", "beta 22", "gamma 333"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
        assert_eq!(wrap(&items, "  ", 100), "  alpha 1, beta 22, gamma 333\n");
        assert_eq!(wrap(&items, "  ", 20), "  alpha 1, beta 22,\n  gamma 333\n");
        assert_eq!(wrap(&items[..1], "  ", 3), "  alpha 1\n");
        assert_eq!(wrap(&[], "  ", 20), "");
    }
}
