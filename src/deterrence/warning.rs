//! The warning payload: everything shown instead of results, in one
//! serialisable value.

use std::sync::Arc;

use serde::Serialize;

use super::chatbot::ChatStep;
use super::content::Content;
use super::helplines::HelplineView;
use super::messages::Ui;
use super::variants::Theme;

/// The warning for one reader: the variant's text in the reader's language,
/// the labels, the helplines for their country and the chat's first step.
/// The HTTP layer embeds it in its JSON and adds links and tokens.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct WarningText {
    /// The variant shown (the requested one, or the first if it is unknown).
    #[schema(value_type = String)]
    pub variant: Arc<str>,
    /// What the variant stresses first.
    pub theme: Theme,
    /// The locale actually used (`en` when the requested one has no messages).
    pub locale: String,
    /// The warning's heading.
    pub title: String,
    /// The warning's text.
    pub body: String,
    /// Interface labels in the same locale.
    pub ui: Ui,
    /// Services for the reader's country and language, then worldwide ones.
    pub helplines: Vec<HelplineView>,
    /// The first step of the guided chat (in English where the locale has no flow).
    pub chatbot: Option<ChatStep>,
}

impl Content {
    /// Builds the warning of `variant` for a reader of `locale` (any tag;
    /// resolved like [`Content::resolve_locale`]) in `country` (ISO alpha-2;
    /// `None` if unknown). An unknown variant id (after a reload removed it)
    /// gets the first variant, and `variant` names the one used.
    pub fn warning(&self, variant: &str, locale: &str, country: Option<&str>) -> WarningText {
        let locale = self.resolve_locale(Some(locale));
        let messages = self.messages(locale);
        let chosen = self.variant(variant).or_else(|| self.variants.first());
        let text = chosen.and_then(|v| messages.variant(&v.id));
        WarningText {
            variant: chosen.map(|v| v.id.clone()).unwrap_or_else(|| Arc::from(variant)),
            theme: chosen.map(|v| v.theme).unwrap_or(Theme::Illegality),
            locale: messages.locale.clone(),
            title: text.map(|t| t.title.clone()).unwrap_or_default(),
            body: text.map(|t| t.body.clone()).unwrap_or_default(),
            ui: messages.ui.clone(),
            helplines: self.helplines(country, locale),
            chatbot: self.flow_for(locale).and_then(|flow| self.chat_start(flow, locale)),
        }
    }
}
