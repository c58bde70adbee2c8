//! Integration tests: the whole server on a free port, driven over HTTP like the browser drives it.

mod campaign_clarity;
mod campaign_list;
mod campaign_management;
mod campaign_search;
mod campaigns;
mod claims;
mod contract;
mod crash;
mod delivery;
mod faults;
mod helpers;
mod keys;
mod ledger;
mod overseas_territories;
mod progress;
mod providers;
mod recipient_lines;
mod reconciliation;
mod schedule;
mod sending_safety;
mod site;
mod status_tracking;
mod storage;
