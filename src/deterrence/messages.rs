//! Warning texts and interface labels, one `messages/<locale>.toml` per
//! language: loading and validation.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::check::{Problems, SourceFile, chars, is_blank, not_plain_text};
use super::variants::Variant;

/// Longest warning title, in characters.
pub const MAX_TITLE_CHARS: usize = 60;
/// Longest warning body, in characters.
pub const MAX_BODY_CHARS: usize = 400;

/// The text of one variant's warning in one language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct VariantText {
    /// Short heading, at most 60 characters.
    pub title: String,
    /// 2–4 sentences of plain text, at most 400 characters.
    pub body: String,
}

macro_rules! ui_labels {
    ($($(#[doc = $doc:literal])+ $name:ident,)+) => {
        /// The labels of the warning, the helpline list, the hosted page and the
        /// guided chat, in one language.
        #[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
        pub struct Ui {
            $($(#[doc = $doc])+ pub $name: String,)+
        }

        impl Ui {
            /// Every key of the `[ui]` table, in schema order.
            pub const KEYS: &'static [&'static str] = &[$(stringify!($name)),+];

            /// Takes the labels out of a checked map (missing keys were
            /// reported and become empty).
            fn from_map(map: &mut BTreeMap<String, String>) -> Ui {
                Ui { $($name: map.remove(stringify!($name)).unwrap_or_default(),)+ }
            }
        }
    };
}

ui_labels! {
    /// Sentence: no results are shown for this search.
    no_results,
    /// Heading over the helpline list.
    help_heading,
    /// Label before a phone number.
    call,
    /// Link label for a service's website.
    website,
    /// Link label for live chat.
    chat,
    /// Label for an email address.
    email,
    /// Label before opening hours.
    hours,
    /// Label before a service's languages.
    languages,
    /// Label before a service's confidentiality note.
    confidentiality,
    /// Button that opens the guided chat.
    open_chatbot,
    /// Closes the warning.
    dismiss,
    /// "Leave this page".
    leave,
    /// Heading over self-help resources.
    self_help_heading,
    /// "Available worldwide", for services open to everyone.
    worldwide,
    /// `<title>` of the hosted warning page.
    page_title,
    /// Heading over the guided chat.
    chatbot_heading,
    /// Restarts the guided chat ("Start again").
    back,
}

/// Everything shown in one language: a text per variant and the labels.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Messages {
    /// The locale (the file name), e.g. `nl`.
    pub locale: String,
    /// The language's name in that language ("Nederlands").
    pub language_name: String,
    /// Title and body by variant id; exactly the ids of `variants.toml`.
    pub variants: BTreeMap<String, VariantText>,
    /// The interface labels.
    pub ui: Ui,
}

impl Messages {
    /// The text of a variant, if the id is a variant.
    pub fn variant(&self, id: &str) -> Option<&VariantText> {
        self.variants.get(id)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMessages {
    locale: Spanned<String>,
    language_name: Spanned<String>,
    #[serde(default)]
    variants: BTreeMap<Spanned<String>, RawText>,
    ui: Spanned<BTreeMap<Spanned<String>, Spanned<String>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawText {
    title: Spanned<String>,
    body: Spanned<String>,
}

/// Checks one messages file. `locale` is from the file name; `variants` is
/// `None` when `variants.toml` itself could not be read.
pub(super) fn validate(
    file: &SourceFile,
    locale: &str,
    raw: RawMessages,
    variants: Option<&[Variant]>,
    problems: &mut Problems,
) -> Messages {
    if raw.locale.get_ref() != locale {
        problems.at(
            file,
            raw.locale.span(),
            format!("locale is `{}` but the file name says `{locale}`", raw.locale.get_ref()),
        );
    }
    if is_blank(raw.language_name.get_ref()) {
        problems.at(file, raw.language_name.span(), "language_name must not be empty");
    }

    if let Some(variants) = variants {
        for v in variants {
            if !raw.variants.contains_key(&*v.id) {
                problems.file(file, format!("variants.{}: missing (variants.toml lists this variant)", v.id));
            }
        }
        for key in raw.variants.keys() {
            if !variants.iter().any(|v| *v.id == **key.get_ref()) {
                problems.at(file, key.span(), format!("variants.{}: not a variant in variants.toml", key.get_ref()));
            }
        }
    }
    let mut texts = BTreeMap::new();
    for (key, text) in raw.variants {
        let id = key.get_ref();
        check_text(file, &format!("variants.{id}.title"), &text.title, MAX_TITLE_CHARS, problems);
        check_text(file, &format!("variants.{id}.body"), &text.body, MAX_BODY_CHARS, problems);
        texts.insert(key.into_inner(), VariantText { title: text.title.into_inner(), body: text.body.into_inner() });
    }

    let ui_span = raw.ui.span();
    let mut ui = BTreeMap::new();
    for (key, value) in raw.ui.into_inner() {
        let name = key.get_ref();
        if !Ui::KEYS.contains(&name.as_str()) {
            problems.at(file, key.span(), format!("ui.{name}: not a ui key"));
        } else if is_blank(value.get_ref()) {
            problems.at(file, value.span(), format!("ui.{name} must not be empty"));
        }
        ui.insert(key.into_inner(), value.into_inner());
    }
    for key in Ui::KEYS {
        if !ui.contains_key(*key) {
            problems.at(file, ui_span.clone(), format!("ui.{key}: missing"));
        }
    }

    Messages {
        locale: locale.to_owned(),
        language_name: raw.language_name.into_inner(),
        variants: texts,
        ui: Ui::from_map(&mut ui),
    }
}

/// A title or body: non-empty, at most `max` characters, plain text.
fn check_text(file: &SourceFile, name: &str, text: &Spanned<String>, max: usize, problems: &mut Problems) {
    let value = text.get_ref();
    let count = chars(value);
    if is_blank(value) {
        problems.at(file, text.span(), format!("{name} must not be empty"));
    } else if count > max {
        problems.at(file, text.span(), format!("{name} has {count} characters, at most {max}"));
    }
    if let Some(why) = not_plain_text(value) {
        problems.at(file, text.span(), format!("{name}: {why}"));
    }
}
