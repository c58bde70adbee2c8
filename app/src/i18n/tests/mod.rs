//! The checks that compare the languages.

mod every;
mod sentences;
mod words;
