//! Query strings as Infobip reads them: array parameters repeated (`bulkId=a&bulkId=b`), every
//! documented filter and paging parameter of the report and log operations, and each bad value
//! named as a [`Problem`] for the operation's error envelope.

use axum::extract::Query;
use axum::http::Uri;
use base64::Engine;
use chrono::{DateTime, Utc};

use super::errors::Problem;
use super::send_time::read_send_at;

/// The raw `(name, value)` pairs of a query string, repeated names kept.
pub struct QueryParams(Vec<(String, String)>);

impl QueryParams {
    pub fn from_uri(uri: &Uri) -> Result<Self, Problem> {
        Query::<Vec<(String, String)>>::try_from_uri(uri)
            .map(|Query(pairs)| Self(pairs))
            .map_err(|error| Problem::new("query", error.body_text()))
    }

    /// Every value of `name`, in order (an array parameter).
    pub fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .collect()
    }

    /// The value of a single-valued parameter; given twice with different values is a problem.
    pub fn one(&self, name: &str, problems: &mut Vec<Problem>) -> Option<String> {
        let mut values = self.all(name);
        values.dedup();
        match values.len() {
            0 => None,
            1 => values.pop(),
            _ => {
                problems.push(Problem::new(name, "must be given once"));
                None
            }
        }
    }

    fn flag(&self, name: &str, problems: &mut Vec<Problem>) -> Option<bool> {
        match self.one(name, problems)?.as_str() {
            "true" => Some(true),
            "false" => Some(false),
            other => {
                problems.push(Problem::new(
                    name,
                    format!("'{other}' is not true or false"),
                ));
                None
            }
        }
    }

    fn time(&self, name: &str, problems: &mut Vec<Problem>) -> Option<DateTime<Utc>> {
        let raw = self.one(name, problems)?;
        let read = read_send_at(&raw);
        if read.is_none() {
            problems.push(Problem::new(
                name,
                format!("'{raw}' is not a date-time (yyyy-MM-dd'T'HH:mm:ss.SSSZ)"),
            ));
        }
        read
    }

    /// `limit`: 1 to 1000, 50 when absent (the spec's default and maximum).
    pub fn limit(&self, problems: &mut Vec<Problem>) -> usize {
        let Some(raw) = self.one("limit", problems) else {
            return 50;
        };
        match raw.parse::<usize>() {
            Ok(limit) if (1..=1000).contains(&limit) => limit,
            _ => {
                problems.push(Problem::new(
                    "limit",
                    format!("'{raw}' is not a number from 1 to 1000"),
                ));
                50
            }
        }
    }
}

/// `generalStatus`: the status group of a message (the spec's `MessageGeneralStatus`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GeneralStatus {
    Accepted,
    Pending,
    Undeliverable,
    Delivered,
    Expired,
    Rejected,
}

impl GeneralStatus {
    fn read(name: &str) -> Option<Self> {
        [
            Self::Accepted,
            Self::Pending,
            Self::Undeliverable,
            Self::Delivered,
            Self::Expired,
            Self::Rejected,
        ]
        .into_iter()
        .find(|status| status.name() == name)
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Accepted => "ACCEPTED",
            Self::Pending => "PENDING",
            Self::Undeliverable => "UNDELIVERABLE",
            Self::Delivered => "DELIVERED",
            Self::Expired => "EXPIRED",
            Self::Rejected => "REJECTED",
        }
    }
}

/// Which operation's parameter names a query uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListOperation {
    /// `GET /sms/3/logs`: `sender`, `destination`, cursor paging.
    LogsV3,
    /// `GET /sms/1/logs`: `from`, `to`.
    LogsV1,
    /// `GET /sms/3/reports` and `/sms/1/reports`: ids, platform and campaign only.
    Reports,
}

/// Every documented filter of the report and log operations; an empty one matches everything.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MessageFilter {
    pub bulk_ids: Vec<String>,
    pub message_ids: Vec<String>,
    pub sender: Option<String>,
    pub destination: Option<String>,
    pub general_status: Option<GeneralStatus>,
    pub sent_since: Option<DateTime<Utc>>,
    pub sent_until: Option<DateTime<Utc>>,
    pub mcc: Option<String>,
    pub mnc: Option<String>,
    pub entity_id: Option<String>,
    pub application_id: Option<String>,
    pub campaign_reference_ids: Vec<String>,
}

/// Where a page starts and how long it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    pub limit: usize,
    pub offset: usize,
    /// `useCursor=true`: the answer carries `cursor.nextCursor`.
    pub use_cursor: bool,
}

/// A cursor names the offset of the next page; its form is the sandbox's own (Infobip's is opaque).
pub fn encode_cursor(offset: usize) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!("offset:{offset}"))
}

fn decode_cursor(cursor: &str) -> Option<usize> {
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()?;
    String::from_utf8(bytes)
        .ok()?
        .strip_prefix("offset:")?
        .parse()
        .ok()
}

/// Reads `params` as `operation` documents them: the filter and the page, or every problem found.
pub fn read_list_query(
    params: &QueryParams,
    operation: ListOperation,
) -> Result<(MessageFilter, Paging), Vec<Problem>> {
    let mut problems = Vec::new();
    let p = &mut problems;
    let mut filter = MessageFilter {
        bulk_ids: params.all("bulkId"),
        message_ids: params.all("messageId"),
        entity_id: params.one("entityId", p),
        application_id: params.one("applicationId", p),
        campaign_reference_ids: params.all("campaignReferenceId"),
        ..MessageFilter::default()
    };
    let limit = params.limit(p);
    let mut paging = Paging {
        limit,
        offset: 0,
        use_cursor: false,
    };
    let (sender, destination) = match operation {
        ListOperation::LogsV3 => (Some("sender"), Some("destination")),
        ListOperation::LogsV1 => (Some("from"), Some("to")),
        ListOperation::Reports => (None, None),
    };
    if let (Some(sender), Some(destination)) = (sender, destination) {
        filter.sender = params.one(sender, p);
        filter.destination = params
            .one(destination, p)
            .map(|to| to.trim_start_matches('+').to_owned());
        filter.general_status = params.one("generalStatus", p).and_then(|raw| {
            let status = GeneralStatus::read(&raw);
            if status.is_none() {
                p.push(Problem::new(
                    "generalStatus",
                    format!("'{raw}' is not one of ACCEPTED, PENDING, UNDELIVERABLE, DELIVERED, EXPIRED, REJECTED"),
                ));
            }
            status
        });
        filter.sent_since = params.time("sentSince", p);
        filter.sent_until = params.time("sentUntil", p);
        filter.mcc = params.one("mcc", p);
        filter.mnc = params.one("mnc", p);
        if filter.mnc.is_some() && filter.mcc.is_none() {
            p.push(Problem::new("mnc", "requires mcc"));
        }
    }
    if operation == ListOperation::LogsV3 {
        paging.use_cursor = params.flag("useCursor", p).unwrap_or(false);
        if let Some(cursor) = params.one("cursor", p) {
            match decode_cursor(&cursor) {
                Some(offset) => paging.offset = offset,
                None => p.push(Problem::new("cursor", "is not a cursor this API gave")),
            }
        }
    }
    if problems.is_empty() {
        Ok((filter, paging))
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(
        query: &str,
        operation: ListOperation,
    ) -> Result<(MessageFilter, Paging), Vec<Problem>> {
        let uri: Uri = format!("/x?{query}").parse().unwrap();
        read_list_query(&QueryParams::from_uri(&uri).unwrap(), operation)
    }

    #[test]
    fn array_parameters_are_repeated_and_every_filter_is_read() {
        let (filter, paging) = read(
            "bulkId=a&bulkId=b&messageId=m&sender=ACME&destination=%2B33612345678&generalStatus=DELIVERED\
             &sentSince=2026-01-01T00:00:00.000%2B0000&sentUntil=2026-01-02T00:00:00Z&mcc=208&mnc=01\
             &entityId=e&applicationId=app&campaignReferenceId=c1&campaignReferenceId=c2&limit=10&useCursor=true",
            ListOperation::LogsV3,
        )
        .unwrap();
        assert_eq!(filter.bulk_ids, ["a", "b"]);
        assert_eq!(filter.destination.as_deref(), Some("33612345678"));
        assert_eq!(filter.general_status, Some(GeneralStatus::Delivered));
        assert_eq!(filter.campaign_reference_ids, ["c1", "c2"]);
        assert!(filter.sent_since.is_some() && filter.sent_until.is_some());
        assert_eq!((paging.limit, paging.use_cursor), (10, true));
        let next = encode_cursor(20);
        let (_, paging) = read(&format!("cursor={next}"), ListOperation::LogsV3).unwrap();
        assert_eq!(paging.offset, 20);
    }

    #[test]
    fn bad_values_are_named() {
        let problems = read(
            "limit=5000&generalStatus=LOST&sentSince=yesterday&mnc=01&useCursor=maybe&cursor=zz",
            ListOperation::LogsV3,
        )
        .unwrap_err();
        let named: Vec<_> = problems.iter().map(|p| p.property.as_str()).collect();
        assert_eq!(
            named,
            [
                "limit",
                "generalStatus",
                "sentSince",
                "mnc",
                "useCursor",
                "cursor"
            ]
        );
        assert!(read("limit=0", ListOperation::Reports).is_err());
        assert!(read("limit=2&limit=3", ListOperation::Reports).is_err());
    }
}
