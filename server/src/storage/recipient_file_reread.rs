//! A kept file read again from the store, a part at a time, by a thread that may block (a
//! planning pass on the blocking pool): one part (about a megabyte) is held at once, never the
//! whole file.

use sqlx::Row;
use std::io::{self, BufRead, Read};
use tokio::runtime::Handle;

use super::{Store, StoreError};

/// File `id`'s bytes, read in order from the store (`Store::recipient_file_reader`).
pub struct StoredFileReader {
    store: Store,
    id: String,
    /// The size recorded when the file was finished: a file swept while it is read comes short.
    recorded_bytes: u64,
    runtime: Handle,
    /// The first part not read yet.
    next_part: i64,
    part: Vec<u8>,
    /// Where `part` is read from.
    at: usize,
    read_bytes: u64,
    finished: bool,
}

impl Store {
    /// A reader of finished file `id`, of `recorded_bytes`, each part fetched through `runtime`
    /// when it is needed. It blocks: for threads outside the runtime's workers only.
    pub fn recipient_file_reader(
        &self,
        id: &str,
        recorded_bytes: u64,
        runtime: Handle,
    ) -> StoredFileReader {
        StoredFileReader {
            store: self.clone(),
            id: id.to_owned(),
            recorded_bytes,
            runtime,
            next_part: 0,
            part: Vec::new(),
            at: 0,
            read_bytes: 0,
            finished: false,
        }
    }

    /// File `id`'s first part from `from` on, with its number; `None` past the last.
    async fn recipient_file_part_from(
        &self,
        id: &str,
        from: i64,
    ) -> Result<Option<(i64, Vec<u8>)>, StoreError> {
        let row = sqlx::query(
            "SELECT part, data FROM recipient_file_parts WHERE file_id = $1 AND part >= $2 \
             ORDER BY part LIMIT 1",
        )
        .bind(id)
        .bind(from)
        .fetch_optional(self.pool())
        .await?;
        row.map(|row| Ok((row.try_get("part")?, row.try_get("data")?)))
            .transpose()
    }
}

impl StoredFileReader {
    /// Fetches the next part; at the end, checks that the whole file was read.
    fn next(&mut self) -> io::Result<()> {
        let fetched = self
            .runtime
            .block_on(
                self.store
                    .recipient_file_part_from(&self.id, self.next_part),
            )
            .map_err(io::Error::other)?;
        match fetched {
            Some((number, data)) => {
                self.next_part = number + 1;
                self.read_bytes += data.len() as u64;
                self.part = data;
            }
            None if self.read_bytes == self.recorded_bytes => {
                self.finished = true;
                self.part = Vec::new();
            }
            None => {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    format!(
                        "the file is no longer kept whole ({} of its {} bytes)",
                        self.read_bytes, self.recorded_bytes
                    ),
                ))
            }
        }
        self.at = 0;
        Ok(())
    }
}

impl Read for StoredFileReader {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(out.len());
        out[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for StoredFileReader {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        while self.at >= self.part.len() && !self.finished {
            self.next()?;
        }
        Ok(&self.part[self.at..])
    }

    fn consume(&mut self, amount: usize) {
        self.at += amount;
    }
}
