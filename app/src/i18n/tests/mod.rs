//! The checks that compare the languages.

mod every;
mod repeats;
mod sentences;
mod words;
