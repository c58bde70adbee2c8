//! Integration tests: the whole server on a free port, driven over HTTP like the browser drives it.

mod campaigns;
mod contract;
mod delivery;
mod faults;
mod helpers;
mod keys;
mod ledger;
mod providers;
mod schedule;
mod site;
mod storage;
