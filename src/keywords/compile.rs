//! Building a [`Matcher`] from parsed lists: every entry becomes one or more
//! byte patterns of one Aho-Corasick automaton, plus the side tables that
//! verify a raw pattern hit (word ends, inflections, run lengths).

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind as AcMatchKind};
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

use super::age::AgeWords;
use super::bloom::{Bloom, ByteHash};
use super::dictionary::Dictionary;
use super::error::{LoadError, Problem};
use super::inflect::{self, End};
use super::list::{ItemBody, KeywordList, Role, Shape};
use super::matcher::{
    CompiledItem, CompiledRule, GLUE_MIN_CHARS, ItemRole, ListInfo, MASK_MIN_CHARS, Matcher, RegexIndex, Target,
    Translit,
};
use super::romanised::{self, RomanisedIndex};
use super::typo::TypoIndex;
use super::verdict::{EntryId, MatchKind};
use crate::normalize::fold::is_spaceless_char;
use crate::normalize::translit;
use crate::normalize::views::BOUNDARY;

/// Bumped whenever normalisation or matching changes what matches, so that
/// list versions reported to researchers change with it.
pub const ENGINE_VERSION: u32 = 2;

/// Lists whose patterns total at most this many bytes get a DFA automaton.
const DFA_MAX_PATTERN_BYTES: usize = 640 * 1024;

/// The key entry ids are derived with when the operator sets none.
pub const DEFAULT_ENTRY_ID_KEY: &[u8] = b"signpost entry id v1";

/// Collects lists and options, then compiles them into a [`Matcher`].
pub struct MatcherBuilder {
    lists: Vec<KeywordList>,
    entry_id_key: Vec<u8>,
    dictionary: Option<Dictionary>,
}

impl Default for MatcherBuilder {
    fn default() -> Self {
        MatcherBuilder { lists: Vec::new(), entry_id_key: DEFAULT_ENTRY_ID_KEY.to_vec(), dictionary: None }
    }
}

impl MatcherBuilder {
    /// Adds one parsed list.
    pub fn list(mut self, list: KeywordList) -> Self {
        self.lists.push(list);
        self
    }

    /// Adds several parsed lists.
    pub fn lists(mut self, lists: impl IntoIterator<Item = KeywordList>) -> Self {
        self.lists.extend(lists);
        self
    }

    /// Sets the secret key entry ids are derived with. With the default key,
    /// anyone can compute the id of a guessed term; with a secret key, ids
    /// reveal nothing to those who do not hold it.
    pub fn entry_id_key(mut self, key: impl Into<Vec<u8>>) -> Self {
        self.entry_id_key = key.into();
        self
    }

    /// Sets the dictionary of ordinary words that fuzzy readings may not turn
    /// into entries (default: [`Dictionary::builtin`]; [`Dictionary::empty`]
    /// turns the guard off).
    pub fn dictionary(mut self, dictionary: Dictionary) -> Self {
        self.dictionary = Some(dictionary);
        self
    }

    /// Compiles the lists. Fails with every problem found (unknown groups in
    /// rules, too many lists or groups); a matcher is never half-built.
    pub fn build(self) -> Result<Matcher, LoadError> {
        Compiler::new(self.entry_id_key, self.dictionary.unwrap_or_default()).compile(self.lists)
    }
}

struct Compiler {
    key: Vec<u8>,
    dictionary: Dictionary,
    masked: Vec<u32>,
    /// Hashes of the proper prefixes and of the whole of each long
    /// single-word entry: evidence tables for an entry split across words.
    split_prefixes: Vec<u64>,
    split_wholes: Vec<u64>,
    items: Vec<CompiledItem>,
    patterns: HashMap<Vec<u8>, usize>,
    pattern_targets: Vec<Vec<Target>>,
    /// Sound keys of Latin entries and their items: searched only in
    /// Cyrillic queries, by an automaton of their own.
    sound_patterns: HashMap<Vec<u8>, Vec<u32>>,
    run_words: HashMap<String, Vec<u32>>,
    runs: Vec<u8>,
    typo: TypoIndex,
    romanised: RomanisedIndex,
    regex_patterns: Vec<String>,
    regex_items: Vec<u32>,
    ages: Vec<(u32, u32, u32)>,
    rules: Vec<CompiledRule>,
    groups: Vec<String>,
    group_index: HashMap<String, u16>,
    categories: Vec<Arc<str>>,
    category_index: HashMap<String, u16>,
    problems: Vec<Problem>,
}

impl Compiler {
    fn new(key: Vec<u8>, dictionary: Dictionary) -> Self {
        Compiler {
            key,
            dictionary,
            masked: Vec::new(),
            split_prefixes: Vec::new(),
            split_wholes: Vec::new(),
            items: Vec::new(),
            patterns: HashMap::new(),
            pattern_targets: Vec::new(),
            sound_patterns: HashMap::new(),
            run_words: HashMap::new(),
            runs: Vec::new(),
            typo: TypoIndex::default(),
            romanised: RomanisedIndex::default(),
            regex_patterns: Vec::new(),
            regex_items: Vec::new(),
            ages: Vec::new(),
            rules: Vec::new(),
            groups: Vec::new(),
            group_index: HashMap::new(),
            categories: Vec::new(),
            category_index: HashMap::new(),
            problems: Vec::new(),
        }
    }

    fn compile(mut self, lists: Vec<KeywordList>) -> Result<Matcher, LoadError> {
        if lists.len() > usize::from(u16::MAX) {
            return Err(LoadError::new(vec![Problem::file("lists", "more than 65535 list files")]));
        }
        // Groups first: rules may name groups of any list.
        for list in &lists {
            for item in &list.items {
                if let Role::Member(group) = &item.role {
                    self.group(group);
                }
            }
        }
        let mut infos = Vec::with_capacity(lists.len());
        for (list_index, list) in lists.iter().enumerate() {
            let before = self.items.len();
            let mut seen: HashSet<EntryId> = HashSet::new();
            for item in &list.items {
                let category = self.category(&item.category);
                self.item(list_index as u16, &list.source, item, category, &mut seen);
            }
            infos.push(ListInfo {
                id: Arc::from(list.meta.id.as_str()),
                version: list.meta.version.clone(),
                language: list.meta.language.clone(),
                source: list.source.clone(),
                entries: self.items[before..].iter().filter(|i| !matches!(i.role, ItemRole::HiddenMember(_))).count(),
            });
        }
        if self.groups.len() > usize::from(u16::MAX) {
            self.problems.push(Problem::file("lists", "more than 65535 groups"));
        }
        if !self.problems.is_empty() {
            return Err(LoadError::new(self.problems));
        }
        self.finish(infos)
    }

    fn group(&mut self, name: &str) -> u16 {
        if let Some(&index) = self.group_index.get(name) {
            return index;
        }
        let index = self.groups.len() as u16;
        self.groups.push(name.to_owned());
        self.group_index.insert(name.to_owned(), index);
        index
    }

    fn category(&mut self, name: &str) -> u16 {
        if let Some(&index) = self.category_index.get(name) {
            return index;
        }
        let index = self.categories.len() as u16;
        self.categories.push(Arc::from(name));
        self.category_index.insert(name.to_owned(), index);
        index
    }

    fn entry_id(&self, tag: &str, text: &str) -> EntryId {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.key).unwrap_or_else(|_| {
            // HMAC accepts keys of any length; this branch cannot be taken.
            <Hmac<Sha256> as Mac>::new_from_slice(DEFAULT_ENTRY_ID_KEY).expect("HMAC takes any key")
        });
        mac.update(tag.as_bytes());
        mac.update(&[0]);
        mac.update(text.as_bytes());
        let digest = mac.finalize().into_bytes();
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(&digest[..8]);
        EntryId(u64::from_be_bytes(bytes))
    }

    /// Whether `word` is an English word: the inflection rules are
    /// English, so only then are its inflections its own.
    fn is_english_word(&self, word: &str) -> bool {
        self.dictionary.languages(word.as_bytes()).is_some_and(|l| l.is_english())
    }

    fn push_item(&mut self, item: CompiledItem) -> u32 {
        self.items.push(item);
        (self.items.len() - 1) as u32
    }

    fn item(&mut self, list: u16, source: &str, item: &super::list::Item, category: u16, seen: &mut HashSet<EntryId>) {
        let role_tag = match &item.role {
            Role::Block => "block".to_owned(),
            Role::Allow => "allow".to_owned(),
            Role::Member(group) => format!("member:{group}"),
        };
        let role = match &item.role {
            Role::Block => ItemRole::Block,
            Role::Allow => ItemRole::Allow,
            Role::Member(group) => ItemRole::Member(self.group_index[group.as_str()]),
        };
        let (tag, text) = match &item.body {
            ItemBody::Term { canonical, shape, .. } => (format!("{role_tag}:{shape:?}"), canonical.clone()),
            ItemBody::Regex { pattern } => (format!("{role_tag}:regex"), pattern.clone()),
            ItemBody::Age { min, max } => (format!("{role_tag}:age"), format!("{min}-{max}")),
            ItemBody::Rule { name, .. } => ("rule".to_owned(), name.clone()),
        };
        let id = self.entry_id(&tag, &text);
        if !seen.insert(id) {
            return; // the same entry twice in one list: `signpost lint` reports it
        }
        let fuzz_chars = text.chars().filter(|c| *c != ' ').count().min(usize::from(u16::MAX)) as u16;
        let kind = if matches!(item.body, ItemBody::Rule { .. }) { MatchKind::Rule } else { MatchKind::Entry };
        let last_word = text.rsplit(' ').next().unwrap_or(&text);
        let entry_is_word = matches!(item.body, ItemBody::Term { .. }) && self.is_english_word(last_word);
        let compiled = CompiledItem {
            id,
            list,
            category,
            role,
            kind,
            fuzz_chars,
            entry_is_word,
            line: item.line,
            text: text.clone().into_boxed_str(),
        };
        match &item.body {
            ItemBody::Term { canonical, shape, typo, any_order, .. } => {
                let index = self.push_item(compiled);
                self.term_patterns(index, canonical, *shape);
                if *typo {
                    self.typo.insert(canonical, index);
                }
                if *any_order {
                    self.any_order_rule(index, list, category, canonical);
                }
            }
            ItemBody::Regex { pattern } => {
                let index = self.push_item(compiled);
                self.regex_patterns.push(pattern.clone());
                self.regex_items.push(index);
            }
            ItemBody::Age { min, max } => {
                let index = self.push_item(compiled);
                self.ages.push((index, *min, *max));
            }
            ItemBody::Rule { groups, .. } => {
                let mut indices = Vec::with_capacity(groups.len());
                for group in groups {
                    match self.group_index.get(group.as_str()) {
                        Some(&g) => indices.push(g),
                        None => self.problems.push(Problem::at(
                            source,
                            item.line,
                            format!("rule names group `{group}`, which no loaded list defines"),
                        )),
                    }
                }
                let index = self.push_item(compiled);
                self.rules.push(CompiledRule { item: index, groups: indices.into_boxed_slice() });
            }
        }
    }

    /// An `any-order` phrase matches adjacent like any phrase (its own
    /// patterns), and also when all its words appear anywhere in the query:
    /// a rule over one hidden group per word.
    fn any_order_rule(&mut self, phrase: u32, list: u16, category: u16, canonical: &str) {
        let mut groups = Vec::new();
        for word in canonical.split(' ') {
            let name = format!("\u{0}any-order:{phrase}:{word}");
            let group = self.group(&name);
            groups.push(group);
            let id = self.entry_id(&format!("member:{name}"), word);
            let index = self.push_item(CompiledItem {
                id,
                list,
                category,
                role: ItemRole::HiddenMember(group),
                kind: MatchKind::Entry,
                fuzz_chars: word.chars().count() as u16,
                entry_is_word: self.is_english_word(word),
                line: self.items[phrase as usize].line,
                text: word.into(),
            });
            self.term_patterns(index, word, Shape::Word);
        }
        self.rules.push(CompiledRule { item: phrase, groups: groups.into_boxed_slice() });
    }

    fn term_patterns(&mut self, item: u32, canonical: &str, shape: Shape) {
        let first_spaceless = canonical.chars().next().is_some_and(is_spaceless_char);
        let last_spaceless = canonical.chars().last().is_some_and(is_spaceless_char);
        let lead = matches!(shape, Shape::Word | Shape::Prefix) && !first_spaceless;
        let last_word = canonical.rsplit(' ').next().unwrap_or(canonical);
        let end = match shape {
            _ if last_spaceless => End::Free,
            Shape::Word => inflect::end_for(last_word),
            Shape::Suffix => End::Exact,
            Shape::Prefix | Shape::Substring => End::Free,
        };
        let joined: String = canonical.split(' ').collect();
        // Spelled out letter by letter, a word can stand inside a longer run
        // of single letters ("a z o r v i k"): index it without boundaries.
        if shape == Shape::Word && !first_spaceless && joined.chars().count() >= 3 {
            let items = self.run_words.entry(joined.clone()).or_default();
            if !items.contains(&item) {
                items.push(item);
            }
        }
        let single_word = joined.len() == canonical.len();
        let bodies: &[&str] = if single_word { &[canonical] } else { &[canonical, &joined] };
        // Long single words are found inside other words too, for entries
        // split by a space and (in Latin letters) glued to other words
        // (`bestzorvik`): the matcher then holds the hit to the word's
        // boundaries itself.
        let glue = shape == Shape::Word
            && lead
            && single_word
            && canonical.chars().count() >= GLUE_MIN_CHARS
            && canonical.chars().all(char::is_alphanumeric);
        if shape == Shape::Word && single_word && canonical.chars().count() >= MASK_MIN_CHARS {
            self.masked.push(item);
        }
        if shape == Shape::Word && canonical.chars().count() >= 4 {
            self.translit_patterns(item, canonical);
        }
        if glue {
            self.split_keys(canonical);
        }
        for body in bodies {
            self.body_patterns(item, lead, glue, body, end);
            if shape == Shape::Word {
                if let Some((stem, stem_end)) = inflect::extra_stem(last_word) {
                    let cut = last_word.len() - stem.len();
                    self.body_patterns(item, lead, false, &body[..body.len() - cut], stem_end);
                }
            }
        }
    }

    /// Records the hash of every proper prefix of `entry` and of the whole,
    /// so a check can tell cheaply whether consecutive words may spell it.
    fn split_keys(&mut self, entry: &str) {
        let bytes = entry.as_bytes();
        let mut hash = ByteHash::default();
        let mut from = 0;
        for (at, _) in entry.char_indices().skip(1) {
            hash = hash.feed(&bytes[from..at]);
            from = at;
            self.split_prefixes.push(hash.value());
        }
        self.split_wholes.push(hash.feed(&bytes[from..]).value());
    }

    /// A Cyrillic entry under each romanisation; a Latin entry as its sound
    /// key, for queries that write it in Cyrillic letters.
    fn translit_patterns(&mut self, item: u32, canonical: &str) {
        if translit::is_romanisable(canonical) {
            // A word the romanisation trie reads under every mix of schemes
            // keeps only the schemes applied consistently in the automaton.
            let mixed = romanised::reads_mixes(canonical);
            if mixed {
                self.romanised.insert(canonical, item);
            }
            let spellings = translit::romanisations(canonical);
            let keep = if mixed { translit::CONSISTENT_SCHEMES } else { spellings.len() };
            for spelled in spellings.into_iter().take(keep) {
                let mut bytes = vec![BOUNDARY];
                bytes.extend_from_slice(spelled.as_bytes());
                let target = Target { translit: Translit::Romanised, ..Target::new(item, End::Exact) };
                self.add_pattern(bytes, target);
            }
        } else if canonical.len() >= GLUE_MIN_CHARS && canonical.bytes().all(|b| b.is_ascii_lowercase()) {
            // Single words of five letters or more: the sound key is coarse.
            for key in translit::sound_keys(canonical) {
                if key.len() < GLUE_MIN_CHARS {
                    continue;
                }
                let mut bytes = vec![BOUNDARY];
                bytes.extend_from_slice(key.as_bytes());
                let items = self.sound_patterns.entry(bytes).or_default();
                if !items.contains(&item) {
                    items.push(item);
                }
            }
        }
    }

    /// The patterns of one body: as written and with repeats collapsed. A
    /// `glue` body has no leading boundary (its target is `unanchored`).
    fn body_patterns(&mut self, item: u32, lead: bool, glue: bool, body: &str, end: End) {
        let lead = lead && !glue;
        let unanchored = glue;
        let mut bytes = Vec::with_capacity(body.len() + 1);
        if lead {
            bytes.push(BOUNDARY);
        }
        bytes.extend_from_slice(body.as_bytes());
        self.add_pattern(bytes, Target { unanchored, ..Target::new(item, end) });
        let (collapsed, runs) = collapse(body);
        if collapsed.len() != body.len() {
            let mut bytes = Vec::with_capacity(collapsed.len() + 1);
            let mut pattern_runs = Vec::with_capacity(collapsed.len() + 1);
            if lead {
                bytes.push(BOUNDARY);
                pattern_runs.push(1);
            }
            bytes.extend_from_slice(collapsed.as_bytes());
            pattern_runs.extend_from_slice(&runs);
            let offset = self.runs.len() as u32;
            self.runs.extend_from_slice(&pattern_runs);
            self.add_pattern(bytes, Target { collapsed: true, runs: offset, unanchored, ..Target::new(item, end) });
        }
    }

    fn add_pattern(&mut self, bytes: Vec<u8>, target: Target) {
        let next = self.pattern_targets.len();
        let index = *self.patterns.entry(bytes).or_insert(next);
        if index == next {
            self.pattern_targets.push(Vec::new());
        }
        let targets = &mut self.pattern_targets[index];
        if !targets.contains(&target) {
            targets.push(target);
        }
    }

    fn finish(self, lists: Vec<ListInfo>) -> Result<Matcher, LoadError> {
        let mut patterns: Vec<(Vec<u8>, usize)> = self.patterns.into_iter().collect();
        patterns.sort_by_key(|(_, index)| *index);
        let automaton = if patterns.is_empty() {
            None
        } else {
            // A DFA is ~10% faster to search but takes ~150 bytes per pattern
            // byte: use it while that stays small, a contiguous NFA beyond.
            let total: usize = patterns.iter().map(|(bytes, _)| bytes.len()).sum();
            let kind = if total <= DFA_MAX_PATTERN_BYTES { Some(AhoCorasickKind::DFA) } else { None };
            let built = AhoCorasick::builder()
                .match_kind(AcMatchKind::Standard)
                .kind(kind)
                .build(patterns.iter().map(|(bytes, _)| bytes.as_slice()));
            match built {
                Ok(automaton) => Some(automaton),
                Err(error) => {
                    return Err(LoadError::new(vec![Problem::file("lists", format!("cannot compile: {error}"))]));
                }
            }
        };
        let mut run_words: Vec<(String, Vec<u32>)> = self.run_words.into_iter().collect();
        run_words.sort();
        let mut run_patterns = Vec::new();
        let mut run_items = Vec::new();
        for (word, items) in &run_words {
            for &item in items {
                run_patterns.push(word.as_bytes());
                run_items.push(item);
            }
        }
        let run_automaton = if run_patterns.is_empty() {
            None
        } else {
            match AhoCorasick::builder().match_kind(AcMatchKind::Standard).build(&run_patterns) {
                Ok(automaton) => Some(automaton),
                Err(error) => {
                    return Err(LoadError::new(vec![Problem::file("lists", format!("cannot compile: {error}"))]));
                }
            }
        };
        let mut sound_patterns: Vec<(Vec<u8>, Vec<u32>)> = self.sound_patterns.into_iter().collect();
        sound_patterns.sort();
        let sound_automaton = if sound_patterns.is_empty() {
            None
        } else {
            match AhoCorasick::builder().match_kind(AcMatchKind::Standard).build(sound_patterns.iter().map(|(b, _)| b))
            {
                Ok(automaton) => Some(automaton),
                Err(error) => {
                    return Err(LoadError::new(vec![Problem::file("lists", format!("cannot compile: {error}"))]));
                }
            }
        };
        let sound_items: Vec<Box<[u32]>> =
            sound_patterns.into_iter().map(|(_, items)| items.into_boxed_slice()).collect();
        let mut targets = Vec::new();
        let mut pattern_targets = Vec::with_capacity(self.pattern_targets.len());
        for list in self.pattern_targets {
            pattern_targets.push((targets.len() as u32, list.len() as u32));
            targets.extend(list);
        }
        let regex = if self.regex_patterns.is_empty() {
            None
        } else {
            let set = regex::bytes::RegexSetBuilder::new(&self.regex_patterns).size_limit(64 << 20).build();
            let each: Result<Vec<_>, _> = self
                .regex_patterns
                .iter()
                .map(|p| regex::bytes::RegexBuilder::new(p).size_limit(1 << 20).build())
                .collect();
            match (set, each) {
                (Ok(set), Ok(each)) => Some(RegexIndex { set, each, items: self.regex_items }),
                (Err(e), _) | (_, Err(e)) => {
                    return Err(LoadError::new(vec![Problem::file(
                        "lists",
                        format!("cannot compile regular expressions: {}", super::list::regex_error_kind(&e)),
                    )]));
                }
            }
        };
        let mut hasher = Sha256::new();
        hasher.update(format!("signpost-engine-{ENGINE_VERSION}\n"));
        for list in &lists {
            hasher.update(format!("{}\t{}\n", list.id, list.version));
        }
        let version: String = hasher.finalize().iter().take(6).map(|b| format!("{b:02x}")).collect();
        let age_groups: Vec<u16> = self
            .ages
            .iter()
            .filter_map(|&(item, _, _)| match self.items[item as usize].role {
                ItemRole::Member(g) | ItemRole::HiddenMember(g) => Some(g),
                _ => None,
            })
            .collect();
        let age_companions = self
            .rules
            .iter()
            .filter(|rule| rule.groups.iter().any(|g| age_groups.contains(g)))
            .map(|rule| rule.groups.iter().copied().filter(|g| !age_groups.contains(g)).collect())
            .collect();
        let mut masked = self.masked;
        masked.sort_by(|a, b| self.items[*a as usize].text.cmp(&self.items[*b as usize].text));
        masked.dedup();
        Ok(Matcher {
            dictionary: self.dictionary,
            masked,
            split_prefixes: Bloom::from_keys(&self.split_prefixes),
            split_wholes: Bloom::from_keys(&self.split_wholes),
            items: self.items,
            automaton,
            run_automaton,
            run_items,
            pattern_targets,
            sound_automaton,
            sound_items,
            targets,
            runs: self.runs,
            regex,
            typo: self.typo.finished(),
            romanised: self.romanised.finished(),
            ages: self.ages,
            age_companions,
            age_words: AgeWords::default(),
            rules: self.rules,
            groups: self.groups.len(),
            categories: self.categories,
            lists,
            version: Arc::from(version),
        })
    }
}

/// `body` with runs of one character written once, and the run length of
/// each byte of the result. Runs never cross word breaks.
pub(crate) fn collapse(body: &str) -> (String, Vec<u8>) {
    let mut out = String::with_capacity(body.len());
    let mut runs: Vec<u8> = Vec::with_capacity(body.len());
    let mut previous = None;
    let mut previous_at = 0;
    for ch in body.chars() {
        if Some(ch) == previous && ch != ' ' {
            for run in &mut runs[previous_at..] {
                *run = run.saturating_add(1);
            }
            continue;
        }
        previous = Some(ch);
        previous_at = out.len();
        out.push(ch);
        runs.extend(std::iter::repeat_n(1, ch.len_utf8()));
    }
    (out, runs)
}

#[cfg(test)]
mod tests {
    use super::collapse;

    #[test]
    fn collapse_counts_runs_per_byte() {
        assert_eq!(collapse("zorro"), ("zoro".to_owned(), vec![1, 1, 2, 1]));
        assert_eq!(collapse("aa bb"), ("a b".to_owned(), vec![2, 1, 2]));
        assert_eq!(collapse("жжук"), ("жук".to_owned(), vec![2, 2, 1, 1, 1, 1]));
    }
}
