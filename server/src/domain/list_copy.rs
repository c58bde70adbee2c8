//! A campaign's list kept with it, so that it can be scheduled again as it was, placeholder
//! values and time zones included (the recipients' rows keep only the numbers). Each recorded
//! part keeps its recipients, sent or left out, as CSV rows `line,phone,<placeholders…>,time_zone`;
//! a draft gets them back as a list the composer reads: in line order, with a header naming the
//! columns some recipient has a value in, or plain numbers when none has any.

use chrono_tz::Tz;

use super::column_mapping::TIME_ZONE_COLUMN;
use super::placeholders::PLACEHOLDERS;
use super::recipients::FieldValues;

const LINE_COLUMN: &str = "line";
const PHONE_COLUMN: &str = "phone";

/// One recipient as a part keeps it.
pub struct KeptRecipient<'a> {
    pub line: u32,
    /// E.164.
    pub number: &'a str,
    pub fields: &'a FieldValues,
    pub zone: Option<Tz>,
}

/// One recipient read back from a part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptRow {
    pub line: u32,
    pub number: String,
    /// One value a placeholder, in `PLACEHOLDERS` order; empty when the recipient has none.
    pub values: Vec<String>,
    /// The zone's name; empty when the recipient has none.
    pub zone: String,
}

/// A part's recipients as the text it is kept as.
pub fn kept_part<'a>(recipients: impl Iterator<Item = KeptRecipient<'a>>) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header = [LINE_COLUMN, PHONE_COLUMN]
        .into_iter()
        .chain(PLACEHOLDERS)
        .chain([TIME_ZONE_COLUMN]);
    write(&mut writer, header);
    for recipient in recipients {
        let line = recipient.line.to_string();
        let values = PLACEHOLDERS
            .iter()
            .map(|name| recipient.fields.get(name).unwrap_or_default());
        let zone = recipient.zone.map(|zone| zone.name()).unwrap_or_default();
        let cells = [line.as_str(), recipient.number]
            .into_iter()
            .chain(values)
            .chain([zone]);
        write(&mut writer, cells);
    }
    String::from_utf8(writer.into_inner().expect("writing to memory cannot fail"))
        .expect("the cells are text")
}

fn write<'a>(writer: &mut csv::Writer<Vec<u8>>, cells: impl Iterator<Item = &'a str>) {
    writer
        .write_record(cells)
        .expect("writing to memory cannot fail");
}

/// The recipients a part kept (`kept_part`), read by its header's names.
pub fn read_part(text: &str) -> Result<Vec<KeptRow>, csv::Error> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers()?.clone();
    let place = |name: &str| header.iter().position(|cell| cell == name);
    let (Some(line_at), Some(phone_at)) = (place(LINE_COLUMN), place(PHONE_COLUMN)) else {
        return Err(malformed("a kept part names no line or phone column"));
    };
    let value_places: Vec<Option<usize>> = PLACEHOLDERS.iter().map(|name| place(name)).collect();
    let zone_at = place(TIME_ZONE_COLUMN);
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record?;
        let cell = |at: Option<usize>| at.and_then(|at| record.get(at)).unwrap_or_default();
        let line = cell(Some(line_at))
            .parse()
            .map_err(|_| malformed("a kept part's line is not a number"))?;
        rows.push(KeptRow {
            line,
            number: cell(Some(phone_at)).to_owned(),
            values: value_places.iter().map(|at| cell(*at).to_owned()).collect(),
            zone: cell(zone_at).to_owned(),
        });
    }
    Ok(rows)
}

fn malformed(why: &str) -> csv::Error {
    csv::Error::from(std::io::Error::new(std::io::ErrorKind::InvalidData, why))
}

/// A list to fill a form with, and how many recipients it has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListAgain {
    pub text: String,
    pub recipients: u64,
}

/// `rows` as a list the composer reads, in line order: a CSV whose header names the phone and the
/// columns some row has a value in, or one number a line when no row has any.
pub fn list_again(mut rows: Vec<KeptRow>) -> ListAgain {
    rows.sort_by_key(|row| row.line);
    let used: Vec<usize> = (0..PLACEHOLDERS.len())
        .filter(|&at| rows.iter().any(|row| !row.values[at].is_empty()))
        .collect();
    let zoned = rows.iter().any(|row| !row.zone.is_empty());
    let recipients = rows.len() as u64;
    if used.is_empty() && !zoned {
        let numbers: Vec<&str> = rows.iter().map(|row| row.number.as_str()).collect();
        return ListAgain {
            text: numbers.join("\n"),
            recipients,
        };
    }
    let mut writer = csv::Writer::from_writer(Vec::new());
    let zone_header = zoned.then_some(TIME_ZONE_COLUMN);
    let header = std::iter::once(PHONE_COLUMN)
        .chain(used.iter().map(|&at| PLACEHOLDERS[at]))
        .chain(zone_header);
    write(&mut writer, header);
    for row in &rows {
        let zone = zoned.then_some(row.zone.as_str());
        let cells = std::iter::once(row.number.as_str())
            .chain(used.iter().map(|&at| row.values[at].as_str()))
            .chain(zone);
        write(&mut writer, cells);
    }
    let text = String::from_utf8(writer.into_inner().expect("writing to memory cannot fail"))
        .expect("the cells are text");
    ListAgain {
        text: text.trim_end_matches('\n').to_owned(),
        recipients,
    }
}

#[cfg(test)]
#[path = "list_copy_tests.rs"]
mod tests;
