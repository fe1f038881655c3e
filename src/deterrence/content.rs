//! [`Content`]: the validated, immutable set of variants, messages,
//! helplines and chat flows, and every lookup the service makes in it.

use std::path::Path;

use super::chatbot::{ChatStep, FlowSet};
use super::check::match_tag;
use super::error::{ChatError, ContentError};
use super::helplines::{self, Helpline, HelplineKind, HelplineView};
use super::messages::Messages;
use super::variants::Variant;

/// The locale every lookup falls back to.
pub const FALLBACK_LOCALE: &str = "en";

/// Validated, immutable content: variants, messages per locale, helplines,
/// chatbot flows. Build it once (loading fails with every problem), share it
/// behind an `Arc`, and swap it whole on reload.
#[derive(Clone, Debug)]
pub struct Content {
    pub(super) version: String,
    pub(super) variants: Vec<Variant>,
    /// English first (the loader guarantees it is present).
    pub(super) messages: Vec<Messages>,
    pub(super) helplines: Vec<Helpline>,
    /// Each set has its English flow first.
    pub(super) flows: Vec<FlowSet>,
}

impl Content {
    /// The content embedded in the binary (every file under `content/`).
    pub fn embedded() -> Result<Content, ContentError> {
        super::load::load(None)
    }

    /// Embedded content overlaid with an operator directory of the same
    /// layout: a file in `dir` replaces the embedded file with the same
    /// relative path, whole (`messages/xx.toml` and `chatbot/xx.toml` may add
    /// new locales). Then everything is validated together: every problem is
    /// reported (file and, where toml gives it, line), and nothing is
    /// half-loaded.
    pub fn load(dir: Option<&Path>) -> Result<Content, ContentError> {
        super::load::load(dir)
    }

    /// 12 hex digits of SHA-256 over all content files in path order;
    /// reported with exports so results name the text that was shown.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// The message variants, in `variants.toml` order.
    pub fn variants(&self) -> &[Variant] {
        &self.variants
    }

    /// The variant with this id.
    pub fn variant(&self, id: &str) -> Option<&Variant> {
        self.variants.iter().find(|v| &*v.id == id)
    }

    /// The locales that have a messages file, English first.
    pub fn locales(&self) -> Vec<&str> {
        self.messages.iter().map(|m| m.locale.as_str()).collect()
    }

    /// Best locale for a request: exact (`nl`), then the language of a
    /// region tag (`nl-BE` → `nl`, case-insensitive, also `nl_BE`), else `en`.
    pub fn resolve_locale(&self, requested: Option<&str>) -> &str {
        requested
            .and_then(|tag| match_tag(tag, self.messages.iter().map(|m| m.locale.as_str())))
            .unwrap_or(FALLBACK_LOCALE)
    }

    /// Title and body per variant and the UI labels for `locale` (resolved
    /// like [`Content::resolve_locale`], so it falls back to English).
    pub fn messages(&self, locale: &str) -> &Messages {
        let locale = self.resolve_locale(Some(locale));
        // The loader refuses content without English messages, so `messages`
        // is never empty.
        self.messages.iter().find(|m| m.locale == locale).unwrap_or(&self.messages[0])
    }

    /// Helplines for a country (ISO alpha-2, case-insensitive; `None` =
    /// unknown) and locale: services for that country first (those offering
    /// the locale's language before others), then every worldwide (`*`)
    /// service. Hours and confidentiality text in the locale, else English.
    pub fn helplines(&self, country: Option<&str>, locale: &str) -> Vec<HelplineView> {
        helplines::select(&self.helplines, country, locale).into_iter().map(|h| h.view(locale)).collect()
    }

    /// What the chat's `self-help` end shows: the self-help entries of
    /// [`Content::helplines`], in the same order.
    pub fn self_help(&self, country: Option<&str>, locale: &str) -> Vec<HelplineView> {
        helplines::select(&self.helplines, country, locale)
            .into_iter()
            .filter(|h| h.kind == HelplineKind::SelfHelp)
            .map(|h| h.view(locale))
            .collect()
    }

    /// The directory entry with this id (for the tracked-link redirect).
    pub fn helpline(&self, id: &str) -> Option<&Helpline> {
        self.helplines.iter().find(|h| h.id == id)
    }

    /// Every entry of the helpline directory, in file order.
    pub fn helpline_directory(&self) -> &[Helpline] {
        &self.helplines
    }

    /// The ids of the chat flows.
    pub fn flow_ids(&self) -> Vec<&str> {
        self.flows.iter().map(|s| s.id.as_str()).collect()
    }

    /// The id of the flow to offer a reader of `locale`: the flow that has
    /// that language, else the first flow.
    pub fn flow_for(&self, locale: &str) -> Option<&str> {
        let has = |s: &&FlowSet| match_tag(locale, s.flows.iter().map(|f| f.locale.as_str())).is_some();
        self.flows.iter().find(has).or_else(|| self.flows.first()).map(|s| s.id.as_str())
    }

    /// The first step of `flow` in `locale` (else English); `None` for an
    /// unknown flow.
    pub fn chat_start(&self, flow: &str, locale: &str) -> Option<ChatStep> {
        let flow = self.flows.iter().find(|s| s.id == flow)?.localised(locale)?;
        flow.nodes.get(&flow.start).cloned()
    }

    /// The step after pressing `choice` at `node` of `flow`, in `locale`
    /// (else English). Nothing is stored between steps: the node and choice
    /// are checked against the flow on every call.
    pub fn chat_step(&self, flow: &str, locale: &str, node: &str, choice: &str) -> Result<ChatStep, ChatError> {
        let set = self.flows.iter().find(|s| s.id == flow).ok_or(ChatError::UnknownFlow)?;
        let flow = set.localised(locale).ok_or(ChatError::UnknownFlow)?;
        let current = flow.nodes.get(node).ok_or(ChatError::UnknownNode)?;
        if !current.choices.iter().any(|c| c.id == choice) {
            return Err(ChatError::ChoiceNotOffered);
        }
        flow.nodes.get(choice).cloned().ok_or(ChatError::UnknownNode)
    }
}
