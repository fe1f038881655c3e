//! The scripted, buttons-only chat (`chatbot/<locale>.toml`): loading,
//! validation of the flow graph, and the steps shown to a reader.
//!
//! A step is looked up from (flow, locale, node, choice) alone: nothing is
//! kept between steps.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::check::{ID_RULE, Problems, SourceFile, chars, is_blank, is_id, line_of, match_tag};

/// Most bot messages in one node.
pub const MAX_SAY: usize = 3;
/// Longest bot message, in characters.
pub const MAX_SAY_CHARS: usize = 200;
/// Most buttons in one node.
pub const MAX_CHOICES: usize = 4;
/// Longest button label, in characters.
pub const MAX_LABEL_CHARS: usize = 40;

/// What a terminal node of the chat leads to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum EndKind {
    /// Show the helpline list for the reader's country and language.
    Helplines,
    /// Show the self-help entries.
    SelfHelp,
    /// Show a kind closing line and the "leave this page" action.
    Leave,
}

impl EndKind {
    /// The end as written in the flow files (`self-help`).
    pub fn as_str(self) -> &'static str {
        match self {
            EndKind::Helplines => "helplines",
            EndKind::SelfHelp => "self-help",
            EndKind::Leave => "leave",
        }
    }
}

/// One button of a chat step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ChatChoice {
    /// The id to send back as `choice`: the id of the node it leads to.
    pub id: String,
    /// The button's text.
    pub label: String,
}

/// One step of the chat as shown to a reader: the bot's messages, then
/// either buttons or an end.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ChatStep {
    /// The flow id.
    pub flow: String,
    /// The locale of the text (the requested one, or `en`).
    pub locale: String,
    /// The node id.
    pub node: String,
    /// 1–3 bot messages.
    pub say: Vec<String>,
    /// 1–4 buttons; empty on a terminal node.
    pub choices: Vec<ChatChoice>,
    /// What a terminal node leads to; `None` while there are buttons.
    pub end: Option<EndKind>,
}

/// One flow in one language, checked.
#[derive(Clone, Debug)]
pub(super) struct Flow {
    pub locale: String,
    pub start: String,
    /// Every node as a ready step.
    pub nodes: BTreeMap<String, ChatStep>,
}

/// One flow in all its languages; English first.
#[derive(Clone, Debug)]
pub(super) struct FlowSet {
    pub id: String,
    pub flows: Vec<Flow>,
}

impl FlowSet {
    /// The flow in `locale` (`nl-BE` finds `nl`), else in English.
    pub fn localised(&self, locale: &str) -> Option<&Flow> {
        let found = match_tag(locale, self.flows.iter().map(|f| f.locale.as_str())).unwrap_or("en");
        self.flows.iter().find(|f| f.locale == found).or_else(|| self.flows.first())
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFlow {
    id: Spanned<String>,
    locale: Spanned<String>,
    start: Spanned<String>,
    nodes: BTreeMap<Spanned<String>, RawNode>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNode {
    say: Spanned<Vec<Spanned<String>>>,
    choices: Option<Spanned<Vec<RawChoice>>>,
    end: Option<EndKind>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChoice {
    label: Spanned<String>,
    next: Spanned<String>,
}

/// A checked flow with what the cross-language check needs.
pub(super) struct Checked {
    id: String,
    flow: Flow,
    start_line: u32,
    node_lines: BTreeMap<String, u32>,
}

/// Checks one flow file on its own. `locale` is from the file name.
pub(super) fn validate(file: &SourceFile, locale: &str, raw: RawFlow, problems: &mut Problems) -> Checked {
    let id = raw.id.get_ref().clone();
    if !is_id(&id) {
        problems.at(file, raw.id.span(), format!("id `{id}`: {ID_RULE}"));
    }
    if raw.locale.get_ref() != locale {
        problems.at(
            file,
            raw.locale.span(),
            format!("locale is `{}` but the file name says `{locale}`", raw.locale.get_ref()),
        );
    }
    let names: BTreeSet<&str> = raw.nodes.keys().map(|k| k.get_ref().as_str()).collect();
    let start = raw.start.get_ref();
    if !names.contains(start.as_str()) {
        problems.at(file, raw.start.span(), format!("start: there is no node `{start}`"));
    }

    let mut node_lines = BTreeMap::new();
    let mut edges: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (key, node) in &raw.nodes {
        let name = key.get_ref().as_str();
        node_lines.insert(name.to_owned(), line_of(&file.text, key.span().start));
        if !is_id(name) {
            problems.at(file, key.span(), format!("node id `{name}`: {ID_RULE}"));
        }

        let say = node.say.get_ref();
        if say.is_empty() || say.len() > MAX_SAY {
            problems.at(
                file,
                node.say.span(),
                format!("nodes.{name}.say has {} messages, expected 1 to {MAX_SAY}", say.len()),
            );
        }
        for (i, text) in say.iter().enumerate() {
            let count = chars(text.get_ref());
            if is_blank(text.get_ref()) {
                problems.at(file, text.span(), format!("nodes.{name}.say: message {} must not be empty", i + 1));
            } else if count > MAX_SAY_CHARS {
                problems.at(
                    file,
                    text.span(),
                    format!("nodes.{name}.say: message {} has {count} characters, at most {MAX_SAY_CHARS}", i + 1),
                );
            }
        }

        match (&node.choices, node.end) {
            (Some(_), Some(_)) => problems.at(
                file,
                key.span(),
                format!("nodes.{name} has both `choices` and `end`; a node has one of them"),
            ),
            (None, None) => problems.at(
                file,
                key.span(),
                format!("nodes.{name} has neither `choices` nor `end`; a node has one of them"),
            ),
            _ => {}
        }
        let mut targets = Vec::new();
        if let Some(choices) = &node.choices {
            let list = choices.get_ref();
            if list.is_empty() || list.len() > MAX_CHOICES {
                problems.at(
                    file,
                    choices.span(),
                    format!("nodes.{name}.choices has {} buttons, expected 1 to {MAX_CHOICES}", list.len()),
                );
            }
            let mut labels = BTreeSet::new();
            let mut nexts = BTreeSet::new();
            for (i, choice) in list.iter().enumerate() {
                let label = choice.label.get_ref();
                let count = chars(label);
                if is_blank(label) {
                    problems.at(
                        file,
                        choice.label.span(),
                        format!("nodes.{name}.choices: button {} has an empty label", i + 1),
                    );
                } else if count > MAX_LABEL_CHARS {
                    problems.at(
                        file,
                        choice.label.span(),
                        format!(
                            "nodes.{name}.choices: label `{label}` has {count} characters, at most {MAX_LABEL_CHARS}"
                        ),
                    );
                }
                if !labels.insert(label.as_str()) {
                    problems.at(
                        file,
                        choice.label.span(),
                        format!("nodes.{name}.choices: label `{label}` is used twice"),
                    );
                }
                let next = choice.next.get_ref().as_str();
                if !names.contains(next) {
                    problems.at(file, choice.next.span(), format!("nodes.{name}.choices: next `{next}` names no node"));
                } else {
                    targets.push(next);
                }
                if !nexts.insert(next) {
                    problems.at(
                        file,
                        choice.next.span(),
                        format!(
                            "nodes.{name}.choices: two buttons lead to `{next}`; each button leads to a different node"
                        ),
                    );
                }
            }
        }
        edges.insert(name, targets);
    }

    if names.contains(start.as_str()) {
        let reached = reachable(&edges, start);
        for key in raw.nodes.keys() {
            if !reached.contains(key.get_ref().as_str()) {
                problems.at(file, key.span(), format!("nodes.{} is not reachable from start `{start}`", key.get_ref()));
            }
        }
    }
    for (from, cycle) in cycles(&edges, start) {
        let line = node_lines.get(from).copied().unwrap_or(1);
        problems.at_line(
            file,
            line,
            format!("nodes.{from}: cycle {}; every path must end at a terminal node", cycle.join(" -> ")),
        );
    }

    let start_line = line_of(&file.text, raw.start.span().start);
    let nodes = raw
        .nodes
        .into_iter()
        .map(|(key, node)| {
            let name = key.into_inner();
            let step = ChatStep {
                flow: id.clone(),
                locale: locale.to_owned(),
                node: name.clone(),
                say: node.say.into_inner().into_iter().map(Spanned::into_inner).collect(),
                choices: node
                    .choices
                    .map(|c| c.into_inner())
                    .unwrap_or_default()
                    .into_iter()
                    .map(|c| ChatChoice { id: c.next.into_inner(), label: c.label.into_inner() })
                    .collect(),
                end: node.end,
            };
            (name, step)
        })
        .collect();
    Checked {
        id,
        flow: Flow { locale: locale.to_owned(), start: raw.start.into_inner(), nodes },
        start_line,
        node_lines,
    }
}

/// The nodes reachable from `start`.
fn reachable<'a>(edges: &BTreeMap<&'a str, Vec<&'a str>>, start: &'a str) -> BTreeSet<&'a str> {
    let mut seen = BTreeSet::from([start]);
    let mut queue = VecDeque::from([start]);
    while let Some(node) = queue.pop_front() {
        for &next in edges.get(node).into_iter().flatten() {
            if seen.insert(next) {
                queue.push_back(next);
            }
        }
    }
    seen
}

/// Every edge that closes a cycle, as (node the edge leaves, the cycle's
/// nodes from its first node back to it). Depth-first from `start` first, so
/// cycles read in the order of the conversation, then from every other node;
/// iterative, so a long chain cannot overflow the stack.
fn cycles<'a>(edges: &BTreeMap<&'a str, Vec<&'a str>>, start: &str) -> Vec<(&'a str, Vec<&'a str>)> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    let mut marks: BTreeMap<&str, Mark> = BTreeMap::new();
    let mut found = Vec::new();
    let first = edges.get_key_value(start).map(|(k, _)| *k);
    for root in first.into_iter().chain(edges.keys().copied()) {
        if marks.contains_key(root) {
            continue;
        }
        marks.insert(root, Mark::Open);
        let mut stack: Vec<(&str, usize)> = vec![(root, 0)];
        while let Some(top) = stack.last_mut() {
            let (node, i) = *top;
            let nexts = edges.get(node).map(Vec::as_slice).unwrap_or_default();
            let Some(&next) = nexts.get(i) else {
                marks.insert(node, Mark::Done);
                stack.pop();
                continue;
            };
            top.1 += 1;
            match marks.get(next) {
                None => {
                    marks.insert(next, Mark::Open);
                    stack.push((next, 0));
                }
                Some(Mark::Open) => {
                    let from = stack.iter().position(|(n, _)| *n == next).unwrap_or(0);
                    let mut cycle: Vec<&str> = stack[from..].iter().map(|(n, _)| *n).collect();
                    cycle.push(next);
                    found.push((node, cycle));
                }
                Some(Mark::Done) => {}
            }
        }
    }
    found
}

/// The shape of a node that must be equal in every language.
fn shape(step: &ChatStep) -> String {
    match step.end {
        Some(end) => format!("end `{}`", end.as_str()),
        None => {
            let targets: Vec<&str> = step.choices.iter().map(|c| c.id.as_str()).collect();
            format!("buttons to {}", targets.join(", "))
        }
    }
}

/// Groups checked flows by id and checks that every language of a flow has
/// the English structure: the same start, node ids, button targets in the
/// same order and ends.
pub(super) fn group(checked: Vec<(&SourceFile, Checked)>, problems: &mut Problems) -> Vec<FlowSet> {
    let reference = "chatbot/en.toml";
    let english = checked.iter().find(|(_, c)| c.flow.locale == "en").map(|(_, c)| (c.id.clone(), c.flow.clone()));
    let mut sets: Vec<FlowSet> = Vec::new();
    for (file, c) in checked {
        match &english {
            Some((en_id, en)) if *en_id == c.id => {
                if c.flow.locale != "en" {
                    compare(file, &c, en, reference, problems);
                }
            }
            Some((en_id, _)) => problems.file(
                file,
                format!("flow `{}` has no English version: {reference} has id `{en_id}`; every flow needs one", c.id),
            ),
            None => problems.file(file, format!("flow `{}` has no English version: there is no {reference}", c.id)),
        }
        match sets.iter_mut().find(|s| s.id == c.id) {
            Some(set) => set.flows.push(c.flow),
            None => sets.push(FlowSet { id: c.id, flows: vec![c.flow] }),
        }
    }
    for set in &mut sets {
        set.flows.sort_by_key(|f| (f.locale != "en", f.locale.clone()));
    }
    sets
}

fn compare(file: &SourceFile, c: &Checked, en: &Flow, reference: &str, problems: &mut Problems) {
    if c.flow.start != en.start {
        problems.at_line(file, c.start_line, format!("start is `{}` but {reference} has `{}`", c.flow.start, en.start));
    }
    for name in en.nodes.keys() {
        if !c.flow.nodes.contains_key(name) {
            problems
                .file(file, format!("nodes.{name}: missing ({reference} has it; every language has the same nodes)"));
        }
    }
    for (name, step) in &c.flow.nodes {
        let line = c.node_lines.get(name).copied().unwrap_or(1);
        match en.nodes.get(name) {
            None => problems.at_line(
                file,
                line,
                format!("nodes.{name}: not in {reference}; every language has the same nodes"),
            ),
            Some(en_step) => {
                let (mine, theirs) = (shape(step), shape(en_step));
                if mine != theirs {
                    problems.at_line(file, line, format!("nodes.{name} has {mine} but {reference} has {theirs}"));
                }
            }
        }
    }
}
