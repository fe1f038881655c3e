//! Errors of loading content, walking the chatbot and configuring experiments.
//!
//! None of them carries anything a person typed: chat errors name the kind of
//! mistake only, and content problems quote content files.

use std::fmt;

pub use crate::diagnostics::Problem;

/// Content that could not be loaded: every problem found, one per line.
/// Content with any problem is refused whole; nothing is half-loaded.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct ContentError {
    problems: Vec<Problem>,
}

impl ContentError {
    pub(super) fn new(mut problems: Vec<Problem>) -> Self {
        problems.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        ContentError { problems }
    }

    /// Every problem found, sorted by file and line.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

/// A chat step that cannot be taken. The message never repeats the ids that
/// were sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ChatError {
    /// No chat flow has this id.
    #[error("unknown chat flow")]
    UnknownFlow,
    /// The flow has no node with this id.
    #[error("unknown chat node")]
    UnknownNode,
    /// The node exists but does not offer this choice (or is a terminal node).
    #[error("this choice is not offered at this chat node")]
    ChoiceNotOffered,
}

impl ChatError {
    /// A stable machine-readable code: `unknown_flow`, `unknown_node` or
    /// `choice_not_offered`.
    pub fn code(self) -> &'static str {
        match self {
            ChatError::UnknownFlow => "unknown_flow",
            ChatError::UnknownNode => "unknown_node",
            ChatError::ChoiceNotOffered => "choice_not_offered",
        }
    }
}

/// An experiment configuration that does not fit the loaded content.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ExperimentError {
    /// A weight names a variant that `variants.toml` does not have.
    #[error("experiment weight for unknown variant `{0}`")]
    UnknownVariant(String),
    /// A weight (or the control weight) is negative, infinite or NaN.
    #[error("experiment weight of `{arm}` is {weight}; a weight is a finite number, zero or more")]
    InvalidWeight {
        /// The variant id, or `control`.
        arm: String,
        /// The rejected weight.
        weight: f64,
    },
    /// Every arm has weight zero, so nothing could be assigned.
    #[error("every experiment weight is zero; at least one arm needs a positive weight")]
    AllZero,
    /// A variant is named `control`, which would be confused with the control arm.
    #[error(
        "a variant has the id `control`, which names the control arm in exports; rename the variant or set control_weight to 0"
    )]
    ControlIdTaken,
}
