//! A CSV file's own column names mapped onto the recipient list's (`phone`, `first_name`…), so a
//! file exported from anywhere can be used as it is: the browser reads its header, guesses what
//! each column holds, lets the user correct it, and rewrites the header row only.

use super::line_ends::line_end;
use super::placeholders::PLACEHOLDERS;

/// The header name the recipient list reads for a column it is told to skip.
pub const IGNORED_COLUMN: &str = "ignore";
/// Header names the recipient list reads as the number column.
pub const PHONE_COLUMNS: [&str; 3] = ["phone", "phone_number", "number"];
pub const TIME_ZONE_COLUMN: &str = "time_zone";

/// A header cell as the recipient list compares it: `"First Name"` → `first_name`.
pub fn normalise_header(cell: &str) -> String {
    cell.trim()
        .trim_matches('"')
        .trim()
        .to_ascii_lowercase()
        .replace([' ', '-'], "_")
}

/// What one column of the file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ColumnTarget {
    Phone,
    /// One of `PLACEHOLDERS`.
    Placeholder(&'static str),
    TimeZone,
    Ignored,
}

impl ColumnTarget {
    /// Every choice, in the order the mapping form offers them.
    pub fn all() -> Vec<ColumnTarget> {
        let mut all = vec![ColumnTarget::Phone];
        all.extend(PLACEHOLDERS.iter().map(|p| ColumnTarget::Placeholder(p)));
        all.push(ColumnTarget::TimeZone);
        all.push(ColumnTarget::Ignored);
        all
    }

    /// The header name the recipient list reads.
    pub fn header_name(self) -> &'static str {
        match self {
            ColumnTarget::Phone => "phone",
            ColumnTarget::Placeholder(name) => name,
            ColumnTarget::TimeZone => TIME_ZONE_COLUMN,
            ColumnTarget::Ignored => IGNORED_COLUMN,
        }
    }

    pub fn parse(header_name: &str) -> Option<Self> {
        Self::all()
            .into_iter()
            .find(|t| t.header_name() == header_name)
    }
}

/// The file's first non-blank line, split into cells: a tab separates them when the line has tabs
/// and neither commas nor semicolons (Excel's "Unicode text" and tab-delimited text), `;` when
/// it has semicolons and no commas, `,` otherwise. Quotes around a cell are removed.
pub fn header_cells(text: &str) -> (char, Vec<String>) {
    let header = text
        .lines()
        .find(|line| !line.trim().is_empty())
        .unwrap_or("");
    let delimiter = if header.contains('\t') && !header.contains(';') && !header.contains(',') {
        '\t'
    } else if header.contains(';') && !header.contains(',') {
        ';'
    } else {
        ','
    };
    (delimiter, split_cells(header, delimiter))
}

/// `line` split into cells at `delimiter`, quotes removed, trimmed.
fn split_cells(line: &str, delimiter: char) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            c if c == delimiter && !quoted => cells.push(std::mem::take(&mut cell)),
            c => cell.push(c),
        }
    }
    cells.push(cell);
    cells.into_iter().map(|c| c.trim().to_owned()).collect()
}

/// The header names a phone column: the list reads the text as CSV.
pub fn names_phone_column(cells: &[String]) -> bool {
    cells.iter().any(|cell| is_phone_column(cell))
}

/// A header cell the list reads as the phone column.
pub fn is_phone_column(cell: &str) -> bool {
    PHONE_COLUMNS.contains(&normalise_header(cell).as_str())
}

/// What a text put in the recipients field holds, counted the way the list reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadedList {
    /// A CSV header, then this many rows: one recipient each.
    Rows(usize),
    /// Numbers by line, without a header (a line may hold several numbers).
    Lines(usize),
}

/// What separates numbers written on one line of a plain list (no header).
pub const NUMBER_SEPARATORS: [char; 2] = [',', ';'];

/// Counts `text`'s lines that hold something, the header apart. A row of empty cells (`;;;`,
/// which Excel writes for an empty row of a sheet) holds nothing, as the list reads it.
pub fn loaded(text: &str) -> LoadedList {
    let (delimiter, header) = header_cells(text);
    let rows = names_phone_column(&header);
    let holds_something = |line: &&str| {
        if rows {
            split_cells(line, delimiter)
                .iter()
                .any(|cell| !cell.is_empty())
        } else {
            line.split(NUMBER_SEPARATORS)
                .any(|piece| !piece.trim().is_empty())
        }
    };
    let lines = text.lines().filter(holds_something).count();
    if rows {
        LoadedList::Rows(lines.saturating_sub(1))
    } else {
        LoadedList::Lines(lines)
    }
}

/// The list can read the file as it is: its header names only the list's own columns (a phone
/// column among them), or it has no header (the first line is a number).
pub fn usable_as_is(cells: &[String]) -> bool {
    let looks_like_number = |cell: &String| {
        cell.chars().filter(char::is_ascii_digit).count() >= 6
            && cell
                .chars()
                .all(|c| c.is_ascii_digit() || " +-.()".contains(c))
    };
    if cells.iter().any(looks_like_number) {
        return true;
    }
    let names: Vec<String> = cells.iter().map(|c| normalise_header(c)).collect();
    let is_phone = |name: &String| PHONE_COLUMNS.contains(&name.as_str());
    names
        .iter()
        .all(|name| is_phone(name) || ColumnTarget::parse(name).is_some())
        && names.iter().any(is_phone)
}

/// A likely target for each column from its name (English or French), each target once; columns
/// with no likely target are not used.
pub fn guess(cells: &[String]) -> Vec<ColumnTarget> {
    let mut taken = Vec::new();
    cells
        .iter()
        .map(|cell| {
            let target = guess_one(cell).filter(|t| !taken.contains(t));
            if let Some(target) = target {
                taken.push(target);
            }
            target.unwrap_or(ColumnTarget::Ignored)
        })
        .collect()
}

fn guess_one(cell: &str) -> Option<ColumnTarget> {
    // The names guessed from are ASCII but for French e's: no Unicode case tables for this (they
    // would load with the first screen).
    let name: String = cell
        .chars()
        .map(|c| match c {
            'é' | 'è' | 'ê' | 'É' | 'È' | 'Ê' => 'e',
            ' ' | '-' | '.' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    let name = name.trim_matches('_');
    if let Some(target) = ColumnTarget::parse(name).filter(|t| *t != ColumnTarget::Ignored) {
        return Some(target);
    }
    let any = |words: &[&str]| words.iter().any(|w| name == *w || name.contains(w));
    if any(&[
        "phone",
        "mobile",
        "portable",
        "telephone",
        "tel",
        "gsm",
        "msisdn",
        "numero",
        "number",
    ]) {
        Some(ColumnTarget::Phone)
    } else if any(&["first", "prenom", "given"]) {
        Some(ColumnTarget::Placeholder("first_name"))
    } else if any(&["last", "surname", "family", "nom"]) {
        Some(ColumnTarget::Placeholder("last_name"))
    } else if any(&["zone", "timezone", "fuseau", "tz"]) {
        Some(ColumnTarget::TimeZone)
    } else {
        None
    }
}

/// Why a mapping cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MappingProblem {
    /// No column holds the phone numbers.
    NoPhoneColumn,
    /// More than one column holds this.
    Repeated(ColumnTarget),
}

/// Why a mapping cannot be used; `None` when it can.
pub fn problem(targets: &[ColumnTarget]) -> Option<MappingProblem> {
    if !targets.contains(&ColumnTarget::Phone) {
        return Some(MappingProblem::NoPhoneColumn);
    }
    ColumnTarget::all()
        .into_iter()
        .filter(|target| *target != ColumnTarget::Ignored)
        .find(|target| targets.iter().filter(|t| *t == target).count() > 1)
        .map(MappingProblem::Repeated)
}

/// `text` with its header row replaced by the targets' names; the other lines are unchanged.
pub fn apply(text: &str, delimiter: char, targets: &[ColumnTarget]) -> String {
    let names: Vec<&str> = targets.iter().map(|t| t.header_name()).collect();
    with_header(text, delimiter, &names)
}

/// `text` with its header row replaced by `names`; the other lines are unchanged.
pub fn with_header(text: &str, delimiter: char, names: &[&str]) -> String {
    let header = names.join(&delimiter.to_string());
    // Blank lines before the header stay, emptied: every row keeps the line its user's editor
    // gives it, which its errors name.
    let mut blank_lines = 0;
    let mut rest = text;
    loop {
        let (line, after) = rest.split_once('\n').unwrap_or((rest, ""));
        rest = after;
        if !line.trim().is_empty() || rest.is_empty() {
            break;
        }
        blank_lines += 1;
    }
    format!("{}{header}\n{rest}", "\n".repeat(blank_lines))
}

/// Where the header row of a file beginning with `head` ends: the byte after its line end (blank
/// lines before it go with it); `None` when `head` holds no whole non-blank line.
pub fn header_end(head: &[u8]) -> Option<usize> {
    let mut start = 0;
    loop {
        let end = start + line_end(&head[start..])?;
        let line = &head[start..end];
        start = end;
        let line = line.strip_prefix(UTF8_BOM).unwrap_or(line);
        if !line.trim_ascii().is_empty() {
            return Some(start);
        }
    }
}

/// The byte-order mark spreadsheets put before UTF-8 text: no part of the first cell.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_files_header_ends_after_its_first_non_blank_line() {
        assert_eq!(header_end(b"\r\n\nMobile;Name\r\n0612;Ann\n"), Some(16));
        assert_eq!(header_end(b"\xEF\xBB\xBFphone\n0612\n"), Some(9));
        assert_eq!(header_end(b"Mobile;Name"), None);
        assert_eq!(header_end(b"\n\n"), None);
        // Old Mac exports end lines with `\r` alone.
        assert_eq!(header_end(b"\rphone;name\r0612;Ann\r"), Some(12));
        assert_eq!(header_end(b"phone;name\r"), None);
    }

    fn cells(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_header_is_split_on_its_own_separator_with_quotes_removed() {
        assert_eq!(
            header_cells("\nMobile;\"Prénom\";Nom\n0612345678;Ana;Lopez"),
            (';', cells(&["Mobile", "Prénom", "Nom"]))
        );
        assert_eq!(
            header_cells("\"Name, first\",phone\n"),
            (',', cells(&["Name, first", "phone"]))
        );
        assert_eq!(
            header_cells("Téléphone\tPrénom\tNom\n0612345678\tAna\tLopez"),
            ('\t', cells(&["Téléphone", "Prénom", "Nom"]))
        );
        // A tab inside a line cut by commas is part of a cell.
        assert_eq!(
            header_cells("phone,first\tname\n"),
            (',', cells(&["phone", "first\tname"]))
        );
    }

    #[test]
    fn a_loaded_list_counts_rows_under_a_header_and_lines_without_one() {
        let mapped = "ignore;phone;first_name\nLyon;06 12 34 56 78;Ana\n\nNice;06 98;Bo\nParis;06 98 76 54 32;Chloé\n";
        assert_eq!(loaded(mapped), LoadedList::Rows(3));
        assert_eq!(
            loaded("\"Phone Number\",x\n0612345678,1\n"),
            LoadedList::Rows(1)
        );
        assert_eq!(
            loaded("06 12 34 56 78\n+33 6 98 76 54 32\n"),
            LoadedList::Lines(2)
        );
        assert_eq!(loaded("phone\n"), LoadedList::Rows(0));
        // Excel's empty rows: counted neither under a header nor in a plain list.
        assert_eq!(
            loaded("phone;first_name\r\n0612345678;Ana\r\n;;\r\n\"\";\r\n"),
            LoadedList::Rows(1)
        );
        assert_eq!(loaded("0612345678\n;;\n , \n"), LoadedList::Lines(1));
        // A quoted delimiter is a cell's text: that row holds something.
        assert_eq!(
            loaded("phone,first_name\n\"\",\",\"\n\"\",\"\"\n"),
            LoadedList::Rows(1)
        );
    }

    #[test]
    fn columns_are_guessed_from_english_or_french_names_each_once() {
        use ColumnTarget::*;
        assert_eq!(
            guess(&cells(&[
                "Téléphone portable",
                "Prénom",
                "Nom",
                "Ville",
                "Fuseau horaire",
                "param2",
                "Tel 2"
            ])),
            vec![
                Phone,
                Placeholder("first_name"),
                Placeholder("last_name"),
                Ignored,
                TimeZone,
                Placeholder("param2"),
                Ignored,
            ]
        );
    }

    #[test]
    fn names_in_capitals_are_guessed_too_accents_and_all() {
        use ColumnTarget::*;
        assert_eq!(
            guess(&cells(&["NUMÉRO DE TÉLÉPHONE", "PRÉNOM", "NOM", "FUSEAU"])),
            vec![
                Phone,
                Placeholder("first_name"),
                Placeholder("last_name"),
                TimeZone
            ]
        );
    }

    #[test]
    fn a_file_in_the_lists_own_format_needs_no_mapping() {
        assert!(usable_as_is(&cells(&["Phone", "first_name", "time_zone"])));
        assert!(usable_as_is(&cells(&["phone_number"])));
        assert!(usable_as_is(&cells(&["+33 6 12 34 56 78"])));
        assert!(!usable_as_is(&cells(&["Mobile", "Prénom"])));
        assert!(!usable_as_is(&cells(&["first_name", "last_name"])));
    }

    #[test]
    fn a_mapping_needs_one_phone_column_and_no_target_twice() {
        use ColumnTarget::*;
        assert_eq!(
            problem(&[Ignored, Placeholder("first_name")]),
            Some(MappingProblem::NoPhoneColumn)
        );
        assert_eq!(
            problem(&[Phone, TimeZone, TimeZone]),
            Some(MappingProblem::Repeated(TimeZone))
        );
        assert_eq!(
            problem(&[Phone, Placeholder("last_name"), Phone]),
            Some(MappingProblem::Repeated(Phone))
        );
        assert_eq!(problem(&[Phone, Ignored, Ignored]), None);
    }

    #[test]
    fn only_the_header_row_is_rewritten() {
        use ColumnTarget::*;
        // The blank lines before the header stay: Ana's row is still on line 4.
        let text = "\n \nMobile;Prénom;Ville\n0612345678;Ana;Lyon\n0698765432;Bo;Nice\n";
        assert_eq!(
            apply(text, ';', &[Phone, Placeholder("first_name"), Ignored]),
            "\n\nphone;first_name;ignore\n0612345678;Ana;Lyon\n0698765432;Bo;Nice\n"
        );
        assert_eq!(apply("a,b", ',', &[Phone, Ignored]), "phone,ignore\n");
    }
}
