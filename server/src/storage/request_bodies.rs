//! The provider request kept with each submission, stored deflated (`request_deflated`); one
//! recorded before is read from its text (`request_body`).

use flate2::read::DeflateDecoder;
use flate2::write::DeflateEncoder;
use flate2::Compression;
use sqlx::Row;
use std::io::{Read, Write};

/// A request's body as stored. The fastest level: the keys repeated for every recipient are most
/// of what deflating gains, and a campaign's requests are deflated as its parts are made ready
/// to write (`campaign_recording::PartEncoder`), while the writer writes the part before.
pub(super) fn deflated(body: &str) -> Vec<u8> {
    let mut encoder = DeflateEncoder::new(Vec::new(), Compression::fast());
    encoder
        .write_all(body.as_bytes())
        .expect("writing to memory cannot fail");
    encoder.finish().expect("writing to memory cannot fail")
}

/// Text kept deflated (`deflated`) read back.
pub(super) fn inflated(stored: &[u8]) -> Result<String, sqlx::Error> {
    let mut text = String::new();
    DeflateDecoder::new(stored)
        .read_to_string(&mut text)
        .map_err(|error| sqlx::Error::Decode(Box::new(error)))?;
    Ok(text)
}

/// The request's body kept with a submission's row; `None` when none was kept.
pub(super) fn request_body(row: &sqlx::any::AnyRow) -> Result<Option<String>, sqlx::Error> {
    let stored: Option<Vec<u8>> = row.try_get("request_deflated")?;
    let Some(stored) = stored else {
        return row.try_get("request_body");
    };
    inflated(&stored).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_deflates_to_a_fraction_and_reads_back_whole() {
        let recipients: Vec<String> = (0..500)
            .map(|n| {
                format!(
                    r#"{{"phone_number":"+336{:08}","first_name":"Ann"}}"#,
                    n * 7919
                )
            })
            .collect();
        let body = format!(
            r#"{{"text":"Hello","recipients":[{}]}}"#,
            recipients.join(",")
        );
        let stored = deflated(&body);
        assert!(
            stored.len() * 3 < body.len(),
            "{} of {}",
            stored.len(),
            body.len()
        );
        let mut read = String::new();
        DeflateDecoder::new(stored.as_slice())
            .read_to_string(&mut read)
            .unwrap();
        assert_eq!(read, body);
    }
}
