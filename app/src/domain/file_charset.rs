//! What a picked file's bytes are written in. Spreadsheets save UTF-8 only when asked ("CSV
//! UTF-8"): Excel's plain CSV is Windows-1252 in France and the US, its "Unicode text" is UTF-16,
//! and a Mac CSV (Excel for Mac's "Comma Separated Values", Excel's "CSV (Macintosh)") is Mac
//! Roman with lines ended by `\r` alone. A file that is not UTF-8 is read in the charset it is
//! most likely in, and the user is told so, rather than its letters being replaced (and sent so).

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileCharset {
    Utf8,
    Windows1252,
    /// Old Mac files: "é" is 0x8E, where Windows-1252 reads "Ž".
    MacRoman,
    Utf16Le,
    Utf16Be,
}

impl FileCharset {
    /// The charset's name as browsers and HTTP know it (WHATWG's labels).
    pub fn label(self) -> &'static str {
        match self {
            FileCharset::Utf8 => "utf-8",
            FileCharset::Windows1252 => "windows-1252",
            FileCharset::MacRoman => "macintosh",
            FileCharset::Utf16Le => "utf-16le",
            FileCharset::Utf16Be => "utf-16be",
        }
    }

    /// What `bytes` are written in: a whole file, or its first bytes when `complete` is false (a
    /// character cut at their end is then no sign of another charset). A byte-order mark says
    /// which it is; bytes that are UTF-8 are; any others are read as Mac Roman when their lines end
    /// in `\r` alone (as only Mac software writes them), else as Windows-1252. In both, every byte
    /// is a character.
    pub fn sniff(bytes: &[u8], complete: bool) -> Self {
        match bytes {
            [0xFF, 0xFE, ..] => return FileCharset::Utf16Le,
            [0xFE, 0xFF, ..] => return FileCharset::Utf16Be,
            // Said UTF-8: a byte that is not is an error, not a sign of Windows-1252.
            [0xEF, 0xBB, 0xBF, ..] => return FileCharset::Utf8,
            _ => {}
        }
        match std::str::from_utf8(bytes) {
            Ok(_) => FileCharset::Utf8,
            // Cut in the middle of a character, at the end of what was read.
            Err(error) if !complete && error.error_len().is_none() => FileCharset::Utf8,
            Err(_) if lines_end_in_cr_alone(bytes) => FileCharset::MacRoman,
            Err(_) => FileCharset::Windows1252,
        }
    }
}

/// Lines ended by `\r` alone: no `\r\n`, and more lone `\r`s than `\n`s (a cell written over
/// several lines holds `\n`s even in a Mac file).
fn lines_end_in_cr_alone(bytes: &[u8]) -> bool {
    let (mut lone_crs, mut lfs) = (0_usize, 0_usize);
    for (index, &byte) in bytes.iter().enumerate() {
        match (byte, bytes.get(index + 1)) {
            (b'\r', Some(b'\n')) => return false,
            (b'\r', _) => lone_crs += 1,
            (b'\n', _) => lfs += 1,
            _ => {}
        }
    }
    lone_crs > lfs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_stays_utf8_even_cut_mid_character() {
        assert_eq!(FileCharset::sniff(b"phone\n0612", true), FileCharset::Utf8);
        let prenom = "Prénom;Hélène\n".as_bytes();
        assert_eq!(FileCharset::sniff(prenom, true), FileCharset::Utf8);
        // "é" cut after its first byte: UTF-8 in a head, not in a whole file.
        assert_eq!(FileCharset::sniff(b"Pr\xC3", false), FileCharset::Utf8);
        assert_eq!(
            FileCharset::sniff(b"Pr\xC3", true),
            FileCharset::Windows1252
        );
        assert_eq!(
            FileCharset::sniff(b"\xEF\xBB\xBFphone", true),
            FileCharset::Utf8
        );
        // A byte-order mark says UTF-8 even before a byte that is not.
        assert_eq!(
            FileCharset::sniff(b"\xEF\xBB\xBFH\xE9", true),
            FileCharset::Utf8
        );
    }

    #[test]
    fn excel_csv_is_windows_1252_and_unicode_text_utf16() {
        // "Prénom;Hélène" as Excel saves CSV in France.
        let excel = b"Pr\xE9nom;H\xE9l\xE8ne\n";
        assert_eq!(FileCharset::sniff(excel, true), FileCharset::Windows1252);
        assert_eq!(FileCharset::sniff(excel, false), FileCharset::Windows1252);
        assert_eq!(
            FileCharset::sniff(b"\xFF\xFEp\x00", true),
            FileCharset::Utf16Le
        );
        assert_eq!(
            FileCharset::sniff(b"\xFE\xFF\x00p", true),
            FileCharset::Utf16Be
        );
        assert_eq!(FileCharset::Windows1252.label(), "windows-1252");
    }

    #[test]
    fn a_mac_csv_is_mac_roman() {
        // "Prénom;Hélène" in a Mac CSV: é is 0x8E, è 0x8F, lines end in `\r`.
        let mac = b"Pr\x8Enom;H\x8El\x8Fne\r0612;Zo\x91\r";
        assert_eq!(FileCharset::sniff(mac, true), FileCharset::MacRoman);
        assert_eq!(FileCharset::sniff(mac, false), FileCharset::MacRoman);
        assert_eq!(FileCharset::MacRoman.label(), "macintosh");
        // A cell over two lines (Excel writes its line break as `\n`) leaves it a Mac file.
        let notes = b"phone;notes\r0612;\"Caf\x8E\nclosed\"\r0698;\r";
        assert_eq!(FileCharset::sniff(notes, true), FileCharset::MacRoman);
        // The same bytes with Windows or Unix line ends are Windows-1252's, and UTF-8 stays UTF-8.
        for other in [
            &b"Pr\x8Enom\r\n0612\r\n"[..],
            b"Pr\x8Enom\n0612\n",
            b"Pr\x8E\r\n0612\r",
        ] {
            assert_eq!(FileCharset::sniff(other, true), FileCharset::Windows1252);
        }
        assert_eq!(
            FileCharset::sniff("Prénom\r0612\r".as_bytes(), true),
            FileCharset::Utf8
        );
    }
}
