//! The engine: compiled keyword lists, content and experiment together, the
//! unit that is loaded at start and swapped whole on a live reload, and the
//! decision of one check (match → arm → what to show). No HTTP here.

use std::sync::Arc;

use crate::analytics::export::InForce;
use crate::config::Config;
use crate::deterrence::{Arm, Content, ContentError, Experiment, ExperimentError};
use crate::keywords::{KeywordList, LoadError, Matcher, Verdict, demo_lists, load_dictionary, load_paths};

/// Lists, content and experiment, loaded and checked together.
pub struct Engine {
    /// The compiled keyword lists.
    pub matcher: Matcher,
    /// Messages, helplines and chat flows.
    pub content: Content,
    /// Arms and their weights.
    pub experiment: Experiment,
}

/// Why an engine could not be loaded; every problem is listed.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    /// The keyword lists were refused.
    #[error("keyword lists refused:\n{0}")]
    Lists(#[from] LoadError),
    /// The content was refused.
    #[error("content refused:\n{0}")]
    Content(#[from] ContentError),
    /// The experiment does not fit the content's variants.
    #[error("experiment refused: {0}")]
    Experiment(#[from] ExperimentError),
    /// The loading task itself failed.
    #[error("loading failed: {0}")]
    Internal(String),
}

/// What one check decided.
#[derive(Debug)]
pub enum Decision {
    /// Nothing matched.
    Allow,
    /// A match, assigned to the control arm: nothing is shown (experiments only).
    Control {
        /// The matches.
        verdict: Verdict,
    },
    /// A match: show the warning of `variant`.
    Warn {
        /// The matches.
        verdict: Verdict,
        /// The variant id assigned.
        variant: Arc<str>,
    },
}

/// What the caller is told to do: the answer of a check, whatever arm
/// decided it (a match held back for the control arm is answered `allow`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Answer {
    /// Show the results.
    Allow,
    /// Show the warning instead of results.
    Warn,
}

impl Answer {
    /// `allow` or `warn`, as the JSON answer and the gate's header name it.
    pub fn as_str(self) -> &'static str {
        match self {
            Answer::Allow => "allow",
            Answer::Warn => "warn",
        }
    }
}

impl Decision {
    /// What the caller is told to do.
    pub fn answer(&self) -> Answer {
        match self {
            Decision::Warn { .. } => Answer::Warn,
            Decision::Allow | Decision::Control { .. } => Answer::Allow,
        }
    }

    /// The matches, when there are any.
    pub fn verdict(&self) -> Option<&Verdict> {
        match self {
            Decision::Allow => None,
            Decision::Control { verdict } | Decision::Warn { verdict, .. } => Some(verdict),
        }
    }
}

impl Engine {
    /// Loads the lists (the embedded demo lists when none are configured),
    /// the content (embedded, overlaid with `content_dir`) and the
    /// experiment from `config`.
    pub fn load(config: &Config) -> Result<Engine, EngineError> {
        let lists: Vec<KeywordList> =
            if config.keywords.is_empty() { demo_lists()? } else { load_paths(&config.keywords)? };
        let dictionary = load_dictionary(&config.dictionary)?;
        let mut builder = Matcher::builder().lists(lists).dictionary(dictionary);
        if let Some(key) = &config.entry_id_key {
            builder = builder.entry_id_key(key.as_bytes());
        }
        let matcher = builder.build()?;
        let content = Content::load(config.content_dir.as_deref())?;
        let experiment =
            Experiment { control_weight: config.experiment.control_weight, weights: config.experiment.weights.clone() };
        experiment.validate(&content)?;
        Ok(Engine { matcher, content, experiment })
    }

    /// What is in force: list version and lists, content version and the
    /// experiment's weights, named in every research export.
    pub fn in_force(&self) -> InForce {
        InForce {
            list_version: self.matcher.version().to_owned(),
            lists: self.matcher.lists().iter().map(|l| format!("{}@{}", l.id, l.version)).collect(),
            content_version: self.content.version().to_owned(),
            variant_weights: self.experiment.weights(&self.content).into_iter().collect(),
        }
    }

    /// Decides a query: match it, and on a match assign an arm, stable for
    /// the pseudonymous `session_key` (random without one).
    pub fn decide(&self, query: &str, session_key: Option<&[u8; 32]>) -> Decision {
        let verdict = self.matcher.check(query);
        if !verdict.is_hit() {
            return Decision::Allow;
        }
        match self.experiment.assign(&self.content, session_key) {
            Arm::Control => Decision::Control { verdict },
            Arm::Variant(variant) => Decision::Warn { verdict, variant },
        }
    }
}
