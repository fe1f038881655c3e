//! The keyword list format (see `keywords/README.md`): parsing one file into a
//! [`KeywordList`]. Parsing checks each line on its own; what needs all lists
//! together (group names, rules) is checked when the matcher is built.

use sha2::{Digest, Sha256};

use super::error::{LoadError, Problem};
use crate::normalize::canonical;

/// The longest entry accepted, in bytes: a longer one could never match a query.
pub const MAX_ENTRY_BYTES: usize = 1024;
/// The fewest characters a whole-word entry may have after normalisation.
pub const MIN_WORD_CHARS: usize = 2;
/// The fewest characters a prefix, suffix or substring entry may have.
pub const MIN_FRAGMENT_CHARS: usize = 3;
/// The fewest characters an entry with one-typo tolerance may have.
pub const MIN_TYPO_CHARS: usize = 6;
/// The age range of `@age` groups when none is given.
pub const DEFAULT_AGE_RANGE: (u32, u32) = (0, 17);

/// Descriptive fields of a list. All optional in the file: the id defaults to
/// the file name, the version to a hash of the content, the language to
/// `und` (undetermined) and the category to the list id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListMeta {
    /// Short name of the list, reported with every match.
    pub id: String,
    /// The list's release, so researchers can tell list changes from effects.
    pub version: String,
    /// Main language of the list (BCP 47 tag), for reporting only.
    pub language: String,
    /// Category of entries that name none.
    pub category: String,
}

/// How an entry's text must sit in the query.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shape {
    /// Whole word(s): `term` (the default).
    Word,
    /// Start of a word: `term*`.
    Prefix,
    /// End of a word: `*term`.
    Suffix,
    /// Anywhere, even inside words: `*term*`.
    Substring,
}

/// What a match of an item does.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// A match is a hit: the query gets the warning.
    Block,
    /// An exception (`allow:`): it vetoes hits that lie inside its match.
    Allow,
    /// A member of a named group: counts only through `@rule`s.
    Member(String),
}

/// One parsed line that matches something.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ItemBody {
    /// A term or phrase.
    Term {
        /// The text as written (without wildcards and options).
        text: String,
        /// Its canonical (normalised) form.
        canonical: String,
        /// Whole word, prefix, suffix or substring.
        shape: Shape,
        /// One typo is tolerated (`[typo]`).
        typo: bool,
        /// The words may appear in any order (`[any-order]`).
        any_order: bool,
    },
    /// A regular expression over the canonical text.
    Regex {
        /// The pattern between the slashes.
        pattern: String,
    },
    /// `@age NAME`: a number within a range followed by an age word.
    Age {
        /// Lowest age that matches.
        min: u32,
        /// Highest age that matches.
        max: u32,
    },
    /// `@rule NAME = A + B`: all named groups must match in one query.
    Rule {
        /// The rule's name (its entry id derives from it).
        name: String,
        /// The groups that must all match.
        groups: Vec<String>,
    },
}

/// A parsed list line with its place and role.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// 1-based line number in the file.
    pub line: u32,
    /// The category reported when this item matches.
    pub category: String,
    /// What a match does.
    pub role: Role,
    /// What is matched.
    pub body: ItemBody,
}

/// One parsed list file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeywordList {
    /// Where the list came from (a path, or `embedded:NAME`).
    pub source: String,
    /// The list's descriptive fields.
    pub meta: ListMeta,
    /// The items in file order.
    pub items: Vec<Item>,
}

impl KeywordList {
    /// Parses a list from its bytes. `source` names it in errors; its file
    /// stem is the default list id.
    pub fn parse(source: &str, bytes: &[u8]) -> Result<KeywordList, LoadError> {
        let mut parser = Parser::new(source, bytes);
        let mut problems = Vec::new();
        for (index, raw) in bytes.split(|&b| b == b'\n').enumerate() {
            let line = index as u32 + 1;
            let raw = if index == 0 { raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(raw) } else { raw };
            let text = match std::str::from_utf8(raw) {
                Ok(text) => text,
                Err(_) => {
                    problems.push(Problem::at(source, line, "not valid UTF-8"));
                    continue;
                }
            };
            if let Err(reason) = parser.line(line, text) {
                problems.push(Problem::at(source, line, reason));
            }
        }
        if let Some((line, name)) = &parser.open_group {
            if parser.group_items == 0 {
                problems.push(Problem::at(source, *line, format!("group `{name}` has no entries")));
            }
        }
        if problems.is_empty() {
            if let Some(reason) = parser.entry_count_problem() {
                problems.push(Problem::file(source, reason));
            }
        }
        if problems.is_empty() { Ok(parser.finish()) } else { Err(LoadError::new(problems)) }
    }
}

struct Parser {
    source: String,
    meta: ListMeta,
    category: Option<String>,
    open_group: Option<(u32, String)>,
    group_items: usize,
    items: Vec<Item>,
    seen_items: bool,
    seen_meta: [bool; 3],
    declared_entries: Option<usize>,
}

impl Parser {
    fn new(source: &str, bytes: &[u8]) -> Self {
        let id = default_id(source);
        let hash = Sha256::digest(bytes);
        let version: String = hash.iter().take(6).map(|b| format!("{b:02x}")).collect();
        Parser {
            source: source.to_owned(),
            meta: ListMeta { id: id.clone(), version, language: "und".to_owned(), category: id },
            category: None,
            open_group: None,
            group_items: 0,
            items: Vec::new(),
            seen_items: false,
            seen_meta: [false; 3],
            declared_entries: None,
        }
    }

    /// A list with no entries, or with another number of entries than its
    /// `@entries` header declares, is refused: both are what a file cut
    /// short while being copied looks like, and serving it would silently
    /// stop warning.
    fn entry_count_problem(&self) -> Option<String> {
        let found = self.items.len();
        match self.declared_entries {
            Some(declared) if declared != found => Some(format!(
                "`@entries {declared}` but the file holds {found} entry lines: cut short or changed without updating \
                 the header? (write lists to a temporary file and rename it into place)"
            )),
            None if found == 0 => Some("the list has no entries (an empty or cut-short file?)".to_owned()),
            _ => None,
        }
    }

    fn finish(mut self) -> KeywordList {
        // Items before any `@category` take the list's default category,
        // which is known only once the header (`@id`) has been read.
        for item in &mut self.items {
            if item.category.is_empty() {
                item.category = self.meta.category.clone();
            }
        }
        KeywordList { source: self.source, meta: self.meta, items: self.items }
    }

    fn line(&mut self, line: u32, text: &str) -> Result<(), String> {
        let text = text.trim();
        if text.is_empty() || text.starts_with('#') {
            return Ok(());
        }
        if text.len() > MAX_ENTRY_BYTES {
            return Err(format!("longer than {MAX_ENTRY_BYTES} bytes, the longest query"));
        }
        if let Some(directive) = text.strip_prefix('@') {
            return self.directive(line, directive);
        }
        let (role, rest) = if let Some(rest) = text.strip_prefix("allow:") {
            if self.open_group.is_some() {
                return Err("`allow:` entries cannot be group members; put them after `@end`".into());
            }
            (Role::Allow, rest.trim())
        } else if let Some(rest) = text.strip_prefix('\\') {
            (self.member_role(), rest)
        } else {
            (self.member_role(), text)
        };
        let (body_text, options) = split_options(rest)?;
        let mut typo = false;
        let mut any_order = false;
        let mut category = None;
        for option in options {
            match option.split_once('=') {
                None if option == "typo" => typo = true,
                None if option == "any-order" => any_order = true,
                Some(("category", value)) => category = Some(valid_name(value.trim(), "category")?),
                _ => return Err(format!("unknown option `{option}` (known: typo, any-order, category=NAME)")),
            }
        }
        let escaped = text.starts_with('\\');
        let body = if !escaped && is_regex(body_text) {
            if typo || any_order {
                return Err("`typo` and `any-order` do not apply to regular expressions".into());
            }
            regex_body(body_text)?
        } else {
            term_body(body_text, typo, any_order)?
        };
        self.push(line, role, body, category);
        Ok(())
    }

    fn member_role(&self) -> Role {
        match &self.open_group {
            Some((_, name)) => Role::Member(name.clone()),
            None => Role::Block,
        }
    }

    fn push(&mut self, line: u32, role: Role, body: ItemBody, category: Option<String>) {
        self.seen_items = true;
        if matches!(role, Role::Member(_)) {
            self.group_items += 1;
        }
        let category = category.or_else(|| self.category.clone()).unwrap_or_default();
        self.items.push(Item { line, category, role, body });
    }

    fn directive(&mut self, line: u32, directive: &str) -> Result<(), String> {
        let (name, value) = match directive.split_once(char::is_whitespace) {
            Some((name, value)) => (name, value.trim()),
            None => (directive, ""),
        };
        match name {
            "entries" => {
                if self.seen_items {
                    return Err("`@entries` must come before the first entry".into());
                }
                if self.declared_entries.is_some() {
                    return Err("`@entries` is given twice".into());
                }
                let count = value.parse::<usize>().ok().filter(|n| *n > 0);
                self.declared_entries =
                    Some(count.ok_or("`@entries` needs the number of entry lines in the file, at least 1")?);
                Ok(())
            }
            "id" | "version" | "language" => {
                let slot = ["id", "version", "language"].iter().position(|n| *n == name).unwrap_or(0);
                if self.seen_items {
                    return Err(format!("`@{name}` must come before the first entry"));
                }
                if self.seen_meta[slot] {
                    return Err(format!("`@{name}` is given twice"));
                }
                self.seen_meta[slot] = true;
                let value = valid_name(value, name)?;
                match name {
                    "id" => {
                        if !self.seen_category_default() {
                            self.meta.category = value.clone();
                        }
                        self.meta.id = value;
                    }
                    "version" => self.meta.version = value,
                    _ => self.meta.language = value,
                }
                Ok(())
            }
            "category" => {
                let value = valid_name(value, "category")?;
                if !self.seen_items && self.category.is_none() {
                    self.meta.category = value.clone();
                }
                self.category = Some(value);
                Ok(())
            }
            "group" => {
                self.close_group()?;
                let value = valid_name(value, "group")?;
                self.open_group = Some((line, value));
                self.group_items = 0;
                Ok(())
            }
            "end" => {
                if self.open_group.is_none() {
                    return Err("`@end` without an open `@group`".into());
                }
                self.close_group()
            }
            "age" => {
                self.close_group()?;
                let mut words = value.split_whitespace();
                let group = valid_name(words.next().unwrap_or(""), "age group")?;
                let (mut min, mut max) = DEFAULT_AGE_RANGE;
                for option in words {
                    let (key, number) = option
                        .split_once('=')
                        .ok_or_else(|| format!("expected `min=N` or `max=N`, found `{option}`"))?;
                    let number: u32 = number
                        .parse()
                        .ok()
                        .filter(|n| *n < 1000)
                        .ok_or_else(|| format!("`{key}` needs a whole number below 1000, found `{number}`"))?;
                    match key {
                        "min" => min = number,
                        "max" => max = number,
                        _ => return Err(format!("unknown age option `{key}` (known: min, max)")),
                    }
                }
                if min > max {
                    return Err(format!("age range is empty: min={min} is above max={max}"));
                }
                self.push(line, Role::Member(group), ItemBody::Age { min, max }, None);
                Ok(())
            }
            "rule" => {
                self.close_group()?;
                let (rule, options) = split_options(value)?;
                let mut category = None;
                for option in options {
                    match option.split_once('=') {
                        Some(("category", value)) => category = Some(valid_name(value.trim(), "category")?),
                        _ => return Err(format!("unknown rule option `{option}` (known: category=NAME)")),
                    }
                }
                let (name, groups) = rule.split_once('=').ok_or("expected `@rule NAME = GROUP + GROUP`")?;
                let name = valid_name(name.trim(), "rule")?;
                let groups: Vec<String> =
                    groups.split('+').map(|g| valid_name(g.trim(), "group")).collect::<Result<_, _>>()?;
                if groups.len() < 2 {
                    return Err("a rule needs at least two groups joined by `+`".into());
                }
                self.push(line, Role::Block, ItemBody::Rule { name, groups }, category);
                Ok(())
            }
            _ => Err(format!(
                "unknown directive `@{name}` (known: id, version, language, entries, category, group, end, age, rule; \
                 write `\\@...` for an entry that starts with @)"
            )),
        }
    }

    fn seen_category_default(&self) -> bool {
        self.category.is_some()
    }

    fn close_group(&mut self) -> Result<(), String> {
        if let Some((line, name)) = self.open_group.take() {
            if self.group_items == 0 {
                return Err(format!("group `{name}` (line {line}) has no entries"));
            }
        }
        Ok(())
    }
}

fn default_id(source: &str) -> String {
    let name = source.rsplit(['/', '\\', ':']).next().unwrap_or(source);
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let id: String =
        stem.chars().map(|c| if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '-' }).collect();
    if id.is_empty() { "list".to_owned() } else { id }
}

/// Names (ids, categories, groups) are short ASCII words so they can be
/// reported and exported safely.
fn valid_name(value: &str, what: &str) -> Result<String, String> {
    if value.is_empty() {
        return Err(format!("`{what}` needs a value"));
    }
    if value.len() > 64 || !value.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')) {
        return Err(format!(
            "`{what}` must be at most 64 characters of A-Z, a-z, 0-9, `-`, `_` or `.`, found `{value}`"
        ));
    }
    Ok(value.to_owned())
}

/// Splits `text [opt, opt=value]` into the text and its options.
fn split_options(text: &str) -> Result<(&str, Vec<&str>), String> {
    let Some(body) = text.strip_suffix(']') else {
        return Ok((text, Vec::new()));
    };
    let Some(open) = body.rfind(" [") else {
        return Ok((text, Vec::new()));
    };
    let options = body[open + 2..].split(',').map(str::trim).filter(|o| !o.is_empty()).collect();
    Ok((body[..open].trim_end(), options))
}

fn is_regex(text: &str) -> bool {
    text.len() >= 2 && text.starts_with('/') && text.ends_with('/')
}

fn regex_body(text: &str) -> Result<ItemBody, String> {
    let pattern = &text[1..text.len() - 1];
    if pattern.is_empty() {
        return Err("empty regular expression".into());
    }
    let regex = regex::bytes::RegexBuilder::new(pattern)
        .size_limit(1 << 20)
        .build()
        .map_err(|e| format!("bad regular expression: {}", regex_error_kind(&e)))?;
    for probe in ["", " ", "  "] {
        if regex.is_match(probe.as_bytes()) {
            return Err("the regular expression matches empty text, so it would fire on every query".into());
        }
    }
    Ok(ItemBody::Regex { pattern: pattern.to_owned() })
}

/// What is wrong with a regular expression, without the pattern: the regex
/// crate's message quotes the pattern, and a pattern from a licensed list
/// must not reach logs or HTTP answers.
pub(crate) fn regex_error_kind(error: &regex::Error) -> String {
    let message = error.to_string();
    // Syntax errors end in "error: <kind>" after the quoted pattern.
    let kind = message.rsplit("error: ").next().unwrap_or(&message);
    match error {
        regex::Error::Syntax(_) => kind.split_whitespace().collect::<Vec<_>>().join(" "),
        _ => "too large or too complex".to_owned(),
    }
}

fn term_body(text: &str, typo: bool, any_order: bool) -> Result<ItemBody, String> {
    let (text, leading) = match text.strip_prefix('*') {
        Some(rest) => (rest, true),
        None => (text, false),
    };
    let (text, trailing) = match text.strip_suffix('*') {
        Some(rest) => (rest, true),
        None => (text, false),
    };
    if text.contains('*') {
        return Err("`*` is allowed only at the start or the end of an entry".into());
    }
    let shape = match (leading, trailing) {
        (false, false) => Shape::Word,
        (false, true) => Shape::Prefix,
        (true, false) => Shape::Suffix,
        (true, true) => Shape::Substring,
    };
    let canonical = canonical(text);
    if canonical.is_empty() {
        return Err("nothing left to match after normalisation (only punctuation or symbols?)".into());
    }
    let chars = canonical.chars().filter(|c| *c != ' ').count();
    let minimum = if shape == Shape::Word { MIN_WORD_CHARS } else { MIN_FRAGMENT_CHARS };
    if chars < minimum {
        return Err(format!("too short to be safe: {chars} characters after normalisation, at least {minimum} needed"));
    }
    let words = canonical.split(' ').count();
    if typo {
        if shape != Shape::Word || any_order {
            return Err("`typo` applies only to plain whole-word entries".into());
        }
        if words > 1 {
            return Err("`typo` applies to single words; list each word of a phrase on its own".into());
        }
        if chars < MIN_TYPO_CHARS {
            return Err(format!(
                "`typo` needs a word of at least {MIN_TYPO_CHARS} characters; shorter words are one typo away from ordinary words"
            ));
        }
    }
    if any_order {
        if shape != Shape::Word {
            return Err("`any-order` applies only to plain whole-word phrases".into());
        }
        if words < 2 {
            return Err("`any-order` needs a phrase of at least two words".into());
        }
    }
    Ok(ItemBody::Term { text: text.trim().to_owned(), canonical, shape, typo, any_order })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> KeywordList {
        KeywordList::parse("lists/fiction.txt", text.as_bytes()).unwrap()
    }

    fn problems(text: &str) -> Vec<String> {
        KeywordList::parse("lists/fiction.txt", text.as_bytes())
            .unwrap_err()
            .problems()
            .iter()
            .map(|p| p.to_string())
            .collect()
    }

    #[test]
    fn plain_lines_load_with_defaults_from_the_file() {
        let list = parse("zorvik\nplim plom\n\n# a comment\n");
        assert_eq!(list.meta.id, "fiction");
        assert_eq!(list.meta.category, "fiction");
        assert_eq!(list.meta.language, "und");
        assert_eq!(list.meta.version.len(), 12);
        assert_eq!(list.items.len(), 2);
        assert_eq!(list.items[1].line, 2);
        assert_eq!(list.items[0].category, "fiction");
        let other = parse("zorvik\nplim plom\nblem\n");
        assert_ne!(list.meta.version, other.meta.version, "the version follows the content");
    }

    #[test]
    fn header_and_categories_apply() {
        let list = parse("@id demo\n@version 7\n@language en\nzorvik\n@category codes\nxk9q\n");
        assert_eq!((list.meta.id.as_str(), list.meta.version.as_str()), ("demo", "7"));
        assert_eq!(list.items[0].category, "demo");
        assert_eq!(list.items[1].category, "codes");
    }

    #[test]
    fn shapes_options_and_roles() {
        let list = parse(
            "zorv*\n*quat\n*xq7z*\nsnorgleplex [typo]\nplim plom [any-order, category=pairs]\n\
             allow: zorvik valley\n/\\bflib+ert\\b/\n\\@glimfen\n",
        );
        let shapes: Vec<_> = list
            .items
            .iter()
            .map(|i| match &i.body {
                ItemBody::Term { shape, typo, any_order, .. } => format!("{shape:?}/{typo}/{any_order}"),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(
            shapes[..5],
            ["Prefix/false/false", "Suffix/false/false", "Substring/false/false", "Word/true/false", "Word/false/true"]
        );
        assert_eq!(list.items[4].category, "pairs");
        assert_eq!(list.items[5].role, Role::Allow);
        assert!(matches!(&list.items[6].body, ItemBody::Regex { pattern } if pattern == "\\bflib+ert\\b"));
        assert!(matches!(&list.items[7].body, ItemBody::Term { canonical, .. } if canonical == "glimfen"));
    }

    #[test]
    fn groups_ages_and_rules() {
        let list = parse("@group body\nglorp\nsnarf\n@end\n@age minor max=15\n@rule combo = minor + body\nzorvik\n");
        assert_eq!(list.items[0].role, Role::Member("body".into()));
        assert_eq!(list.items[2].role, Role::Member("minor".into()));
        assert_eq!(list.items[2].body, ItemBody::Age { min: 0, max: 15 });
        assert_eq!(
            list.items[3].body,
            ItemBody::Rule { name: "combo".into(), groups: vec!["minor".into(), "body".into()] }
        );
        assert_eq!(list.items[4].role, Role::Block);
    }

    #[test]
    fn a_bad_regular_expression_is_reported_without_its_pattern() {
        let found = problems("zorvik\n/(unclosedmarkerzq/\n");
        assert_eq!(found, ["lists/fiction.txt:2: bad regular expression: unclosed group"]);
    }

    #[test]
    fn empty_and_cut_short_lists_are_refused() {
        for empty in ["", "\n# only a comment\n", "@id fiction\n@version 3\n"] {
            assert_eq!(problems(empty), ["lists/fiction.txt: the list has no entries (an empty or cut-short file?)"]);
        }
        assert_eq!(parse("@entries 3\nzorvik\nallow: zorvik valley\n@rule r = a + b\n").items.len(), 3);
        let cut = problems("@entries 4\nzorvik\nplim plom\n");
        assert_eq!(cut.len(), 1);
        assert!(cut[0].starts_with("lists/fiction.txt: `@entries 4` but the file holds 2 entry lines"), "{cut:?}");
        assert!(problems("@entries 0\nzorvik\n")[0].contains("needs the number of entry lines"));
        assert!(problems("zorvik\n@entries 1\n")[0].contains("must come before the first entry"));
    }

    #[test]
    fn every_bad_line_is_reported_with_its_place() {
        let found = problems(
            "zorvik\n...\nz\nzo*rv\n/(unclosed/\n/a*/\n@colour red\nshort [typo]\nzorvik [loud]\n@end\n\
             @group empty\n@end\nplim [any-order]\n@age old min=20 max=10\n@rule lonely = one\n",
        );
        let expected = [
            "lists/fiction.txt:2: nothing left to match after normalisation (only punctuation or symbols?)",
            "lists/fiction.txt:3: too short to be safe: 1 characters after normalisation, at least 2 needed",
            "lists/fiction.txt:4: `*` is allowed only at the start or the end of an entry",
            "lists/fiction.txt:5: bad regular expression:",
            "lists/fiction.txt:6: the regular expression matches empty text, so it would fire on every query",
            "lists/fiction.txt:7: unknown directive `@colour`",
            "lists/fiction.txt:8: `typo` needs a word of at least 6 characters",
            "lists/fiction.txt:9: unknown option `loud`",
            "lists/fiction.txt:10: `@end` without an open `@group`",
            "lists/fiction.txt:12: group `empty` (line 11) has no entries",
            "lists/fiction.txt:13: `any-order` needs a phrase of at least two words",
            "lists/fiction.txt:14: age range is empty: min=20 is above max=10",
            "lists/fiction.txt:15: a rule needs at least two groups joined by `+`",
        ];
        assert_eq!(found.len(), expected.len(), "{found:#?}");
        for (found, expected) in found.iter().zip(expected) {
            assert!(found.starts_with(expected), "{found}\n  expected {expected}");
        }
    }

    #[test]
    fn invalid_utf8_and_late_headers_are_refused() {
        let found = KeywordList::parse("x.txt", b"zorvik\n\xff\xfe\n@id late\n").unwrap_err();
        let lines: Vec<String> = found.problems().iter().map(|p| p.to_string()).collect();
        assert_eq!(lines, ["x.txt:2: not valid UTF-8", "x.txt:3: `@id` must come before the first entry"]);
    }

    #[test]
    fn byte_order_mark_and_crlf_are_tolerated() {
        let list = parse("\u{feff}@id bom\r\nzorvik\r\n");
        assert_eq!(list.meta.id, "bom");
        assert!(matches!(&list.items[0].body, ItemBody::Term { canonical, .. } if canonical == "zorvik"));
    }
}
