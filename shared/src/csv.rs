//! CSV as RFC 4180 writes it, for downloads opened in a spreadsheet: UTF-8 with a byte-order mark
//! (so spreadsheets read it as UTF-8), a header row, CRLF line ends, and fields quoted when they
//! hold a comma, quote, CR or LF.
//!
//! A field a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
//! carriage return) is neutralised with a leading apostrophe, so an exported name such as
//! `=HYPERLINK(...)` stays text. Numbers are written by [`Csv::row`] callers as text; a negative
//! number passed as a field is neutralised too, which is why counts and amounts in the programme
//! are never negative.

/// The byte-order mark that makes spreadsheets read the file as UTF-8.
pub const BOM: &str = "\u{feff}";

/// A CSV document being written: the header first, then one row at a time.
#[derive(Debug, Clone)]
pub struct Csv {
    text: String,
    columns: usize,
}

impl Csv {
    /// A document with its header row.
    pub fn new<S: AsRef<str>>(header: &[S]) -> Csv {
        let mut csv = Csv {
            text: BOM.to_owned(),
            columns: header.len(),
        };
        csv.push(header);
        csv
    }

    /// Adds a row. A row must have as many fields as the header; a shorter one is padded with
    /// empty fields and a longer one cut, so the file always stays rectangular.
    pub fn row<S: AsRef<str>>(&mut self, fields: &[S]) {
        self.push(fields);
    }

    fn push<S: AsRef<str>>(&mut self, fields: &[S]) {
        for i in 0..self.columns {
            if i > 0 {
                self.text.push(',');
            }
            if let Some(field) = fields.get(i) {
                write_field(&mut self.text, field.as_ref());
            }
        }
        self.text.push_str("\r\n");
    }

    /// The whole document.
    pub fn finish(self) -> String {
        self.text
    }
}

/// Whether a spreadsheet would read the field as a formula.
fn looks_like_formula(field: &str) -> bool {
    field.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

fn write_field(out: &mut String, field: &str) {
    let neutral = looks_like_formula(field);
    let quoted = neutral || field.contains([',', '"', '\r', '\n']);
    if quoted {
        out.push('"');
    }
    if neutral {
        out.push('\'');
    }
    for c in field.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quoted {
        out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small RFC 4180 reader, to check what the writer wrote from the other side.
    fn read(text: &str) -> Vec<Vec<String>> {
        let text = text
            .strip_prefix(BOM)
            .expect("starts with the byte-order mark");
        let mut rows = Vec::new();
        let mut row = Vec::new();
        let mut field = String::new();
        let mut chars = text.chars().peekable();
        let mut in_quotes = false;
        while let Some(c) = chars.next() {
            match (in_quotes, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => in_quotes = false,
                (true, c) => field.push(c),
                (false, '"') => in_quotes = true,
                (false, ',') => row.push(std::mem::take(&mut field)),
                (false, '\r') => {
                    assert_eq!(chars.next(), Some('\n'), "CR is followed by LF");
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => field.push(c),
            }
        }
        assert!(
            field.is_empty() && row.is_empty(),
            "the last row ends with CRLF"
        );
        rows
    }

    #[test]
    fn plain_fields_are_written_as_they_are_with_crlf_line_ends() {
        let mut csv = Csv::new(&["name", "city"]);
        csv.row(&["Amal", "Utrecht"]);
        assert_eq!(csv.finish(), "\u{feff}name,city\r\nAmal,Utrecht\r\n");
    }

    #[test]
    fn commas_quotes_and_line_breaks_are_quoted_and_read_back_whole() {
        let fields = ["a, b", "say \"hi\"", "two\nlines", "cr\r\nlf", "عربي"];
        let mut csv = Csv::new(&["1", "2", "3", "4", "5"]);
        csv.row(&fields);
        let rows = read(&csv.finish());
        assert_eq!(rows[1], fields);
    }

    #[test]
    fn a_field_that_looks_like_a_formula_stays_text() {
        let dangerous = [
            "=1+1",
            "+31 6",
            "-2",
            "@SUM(A1)",
            "\tx",
            "=HYPERLINK(\"x\")",
        ];
        let mut csv = Csv::new(&["1", "2", "3", "4", "5", "6"]);
        csv.row(&dangerous);
        let rows = read(&csv.finish());
        for (written, original) in rows[1].iter().zip(dangerous) {
            assert_eq!(written, &format!("'{original}"));
        }
    }

    #[test]
    fn every_row_has_the_header_s_number_of_fields() {
        let mut csv = Csv::new(&["a", "b", "c"]);
        csv.row(&["1"]);
        csv.row(&["1", "2", "3", "4"]);
        let rows = read(&csv.finish());
        assert_eq!(rows, [["a", "b", "c"], ["1", "", ""], ["1", "2", "3"]]);
    }
}
