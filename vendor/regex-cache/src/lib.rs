//! regex-cache 0.2.1's `CachedRegex` as `phonenumber` uses it: each expression compiled on first
//! use and kept, with no shared cache (see README.md).

use std::borrow::Cow;
use std::fmt;
use std::sync::{Arc, Mutex, OnceLock};

use regex::{Captures, Match, Replacer};
pub use regex::{Error, Regex, RegexBuilder};

/// Kept for the API: expressions are no longer cached here, each `CachedRegex` keeps its own.
#[derive(Clone, Debug)]
pub struct RegexCache;

impl RegexCache {
    /// `capacity` is not used: nothing is held here.
    pub fn new(capacity: usize) -> RegexCache {
        let _ = capacity;
        RegexCache
    }
}

/// An expression compiled on first use, then shared by its clones.
#[derive(Clone)]
pub struct CachedRegex {
    source: Arc<str>,
    /// The `x` flag, the one flag `phonenumber` sets.
    ignore_whitespace: bool,
    compiled: Arc<OnceLock<Regex>>,
    /// The same expression anchored at the start of the text (`matches_at_start`).
    anchored: Arc<OnceLock<Regex>>,
}

impl CachedRegex {
    /// An expression of `source`, its syntax checked now. `cache` is not used.
    pub fn new(cache: Arc<Mutex<RegexCache>>, source: &str) -> Result<CachedRegex, Error> {
        CachedRegexBuilder::new(cache, source).build()
    }

    fn regex(&self) -> &Regex {
        self.compiled.get_or_init(|| self.compile(&self.source))
    }

    fn anchored(&self) -> &Regex {
        self.anchored.get_or_init(|| {
            // Under the `x` flag a `#` starts a comment to the end of the line: the group is
            // closed on a line of its own. (A pattern turning the flag on or off itself, which
            // none of libphonenumber's does, would need more than this.)
            let end = if self.ignore_whitespace { "\n)" } else { ")" };
            self.compile(&format!("^(?:{}{end}", self.source))
        })
    }

    fn compile(&self, pattern: &str) -> Regex {
        // ASCII classes where the pattern allows (see README.md), else as asked.
        let build = |unicode| {
            RegexBuilder::new(pattern)
                .ignore_whitespace(self.ignore_whitespace)
                .unicode(unicode)
                .build()
        };
        build(false)
            .or_else(|_| build(true))
            .expect("the syntax was checked when it was built")
    }

    /// Whether a match starts at the start of `text`: `find(text)` starting at 0, without
    /// searching the rest of the text for one or finding where it starts and ends.
    pub fn matches_at_start(&self, text: &str) -> bool {
        self.anchored().is_match(text)
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.regex().is_match(text)
    }

    pub fn find<'t>(&self, text: &'t str) -> Option<Match<'t>> {
        self.regex().find(text)
    }

    pub fn captures<'t>(&self, text: &'t str) -> Option<Captures<'t>> {
        self.regex().captures(text)
    }

    pub fn replace<'t, R: Replacer>(&self, text: &'t str, rep: R) -> Cow<'t, str> {
        self.regex().replace(text, rep)
    }

    pub fn replace_all<'t, R: Replacer>(&self, text: &'t str, rep: R) -> Cow<'t, str> {
        self.regex().replace_all(text, rep)
    }

    pub fn shortest_match(&self, text: &str) -> Option<usize> {
        self.regex().shortest_match(text)
    }

    pub fn captures_len(&self) -> usize {
        self.regex().captures_len()
    }

    /// The pattern, as given.
    pub fn as_str(&self) -> &str {
        &self.source
    }
}

impl fmt::Debug for CachedRegex {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_tuple("CachedRegex").field(&self.source).finish()
    }
}

impl fmt::Display for CachedRegex {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.source)
    }
}

/// A `CachedRegex` being configured.
#[derive(Clone, Debug)]
pub struct CachedRegexBuilder {
    source: String,
    ignore_whitespace: bool,
}

impl CachedRegexBuilder {
    /// `cache` is not used: each expression keeps its own compiled form.
    pub fn new(cache: Arc<Mutex<RegexCache>>, source: &str) -> CachedRegexBuilder {
        let _ = cache;
        CachedRegexBuilder {
            source: source.to_owned(),
            ignore_whitespace: false,
        }
    }

    /// The expression, its syntax checked now (as 0.2.1 did, without compiling it).
    pub fn build(&self) -> Result<CachedRegex, Error> {
        if let Err(error) = regex_syntax::Parser::new().parse(&self.source) {
            return Err(Error::Syntax(error.to_string()));
        }
        Ok(CachedRegex {
            source: self.source.as_str().into(),
            ignore_whitespace: self.ignore_whitespace,
            compiled: Arc::new(OnceLock::new()),
            anchored: Arc::new(OnceLock::new()),
        })
    }

    pub fn ignore_whitespace(&mut self, yes: bool) -> &mut CachedRegexBuilder {
        self.ignore_whitespace = yes;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cache() -> Arc<Mutex<RegexCache>> {
        Arc::new(Mutex::new(RegexCache::new(100)))
    }

    #[test]
    fn an_expression_matches_as_its_pattern_says() {
        let digits = CachedRegex::new(cache(), r"^\d+$").unwrap();
        assert!(digits.is_match("123"));
        assert!(!digits.is_match("abc"));
        let spaced = CachedRegexBuilder::new(cache(), "6 \\d{2}")
            .ignore_whitespace(true)
            .build()
            .unwrap();
        assert_eq!(spaced.find("0612").map(|m| m.range()), Some(1..4));
        assert_eq!(spaced.as_str(), "6 \\d{2}");
    }

    #[test]
    fn a_match_from_the_start_is_told_from_one_further_in() {
        let two = CachedRegex::new(cache(), r"\d{2}").unwrap();
        assert!(two.matches_at_start("12a"));
        assert!(!two.matches_at_start("a12"));
        assert!(!two.matches_at_start("1"));
        // The first branch fails at 0, the second matches there.
        let either = CachedRegex::new(cache(), "b|ab").unwrap();
        assert!(either.matches_at_start("ab"));
        assert!(!either.matches_at_start("cb"));
        // Under the `x` flag a comment runs to the end of the line, not over the anchoring group.
        let commented = CachedRegexBuilder::new(cache(), "1 2 # a comment")
            .ignore_whitespace(true)
            .build()
            .unwrap();
        assert!(commented.matches_at_start("123"));
        assert!(!commented.matches_at_start("012"));
        assert_eq!(commented.find("012").map(|m| m.start()), Some(1));
    }

    #[test]
    fn a_wrong_pattern_is_refused_when_built() {
        assert!(CachedRegex::new(cache(), "(12").is_err());
    }

    #[test]
    fn a_pattern_that_needs_unicode_is_compiled_with_it() {
        // `.` in ASCII mode matches any byte, which a `str` expression cannot.
        let any = CachedRegex::new(cache(), "^.$").unwrap();
        assert!(any.is_match("é"));
    }
}
