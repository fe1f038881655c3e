//! The deterrence payload: what a person whose search matched is shown
//! instead of results. This module owns the content (message variants,
//! warning texts per language, the helpline directory and the scripted chat
//! flows), its validation, the assignment of warnings to variants, and the
//! lookups that build a warning and walk the chat.
//!
//! Load a [`Content`] once (embedded, optionally overlaid with an operator's
//! directory; it fails with every `file:line` problem and is never
//! half-loaded), then build warnings and chat steps from any thread:
//!
//! ```
//! use signpost::deterrence::{Content, Experiment};
//!
//! let content = Content::embedded().unwrap();
//! let arm = Experiment::default().assign(&content, Some(&[7u8; 32]));
//! let warning = content.warning(arm.id(), "nl-BE", Some("be"));
//! assert_eq!(warning.locale, "nl");
//! assert_eq!(warning.helplines[0].id, "stop-it-now-bruxelles");
//! let step = content.chat_step("reach-out", "nl", "start", "talk").unwrap();
//! assert_eq!(step.end, Some(signpost::deterrence::EndKind::Helplines));
//! ```
//!
//! This module never sees the raw query and never sees HTTP. It keeps nothing
//! about the person: assignment uses a pseudonymous key computed elsewhere,
//! chat steps are looked up from the ids sent with each request, and nothing
//! a person sent is logged or put into an error message.

mod chatbot;
mod check;
mod content;
mod error;
mod helplines;
mod load;
mod messages;
mod variants;
mod warning;

pub use chatbot::{ChatChoice, ChatStep, EndKind, MAX_CHOICES, MAX_LABEL_CHARS, MAX_SAY, MAX_SAY_CHARS};
pub use content::{Content, FALLBACK_LOCALE};
pub use error::{ChatError, ContentError, ExperimentError, Problem};
pub use helplines::{Helpline, HelplineKind, HelplineView, WORLDWIDE};
pub use messages::{MAX_BODY_CHARS, MAX_TITLE_CHARS, Messages, Ui, VariantText};
pub use variants::{Arm, CONTROL_ARM, Experiment, Theme, Variant};
pub use warning::WarningText;

#[cfg(test)]
mod tests;
