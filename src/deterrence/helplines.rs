//! The helpline directory (`helplines.toml`): loading, validation, and the
//! choice of services for a reader's country and language.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::check::{
    ID_RULE, Problems, SourceFile, is_blank, is_date, is_id, is_language_tag, is_web_address, line_of, match_tag,
    primary_language,
};

/// What kind of help a directory entry offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum HelplineKind {
    /// A service to call, chat with or write to.
    Helpline,
    /// A self-help programme used on one's own.
    SelfHelp,
    /// Therapy with a professional.
    Therapy,
}

/// The `countries` entry that marks a service open to everyone.
pub const WORLDWIDE: &str = "*";

/// One service of the directory, as in `helplines.toml`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Helpline {
    /// Stable id; analytics count help-link clicks by it.
    pub id: String,
    /// The service's name as it presents itself.
    pub name: String,
    /// The organisation that runs it.
    pub operator: String,
    /// Helpline, self-help or therapy.
    pub kind: HelplineKind,
    /// ISO 3166-1 alpha-2 codes in upper case, or exactly `["*"]`.
    pub countries: Vec<String>,
    /// BCP 47 tags of the languages the service is offered in.
    pub languages: Vec<String>,
    /// The number as the service publishes it.
    pub phone: Option<String>,
    /// The service's `http(s)://` address.
    pub url: String,
    /// Live chat address, only where a source gives it.
    pub chat_url: Option<String>,
    /// Email address, only where a source gives it.
    pub email: Option<String>,
    /// The source that supports these details.
    pub source: String,
    /// Date (`YYYY-MM-DD`) the details were checked against `source`.
    pub last_verified: String,
    /// How they were checked.
    pub verified_how: String,
    /// Opening hours by language (`en` always present if any).
    pub hours: Option<BTreeMap<String, String>>,
    /// One honest line on confidentiality limits by language (`en` always present).
    pub confidentiality: BTreeMap<String, String>,
}

impl Helpline {
    /// Whether the service is open to everyone (`countries = ["*"]`).
    pub fn is_worldwide(&self) -> bool {
        self.countries.iter().any(|c| c == WORLDWIDE)
    }

    /// Whether the service is listed for `country` (an upper-case alpha-2 code).
    fn serves(&self, country: &str) -> bool {
        self.countries.iter().any(|c| c == country)
    }

    /// Whether the service is offered in the language of `locale`.
    fn speaks(&self, locale: &str) -> bool {
        let wanted = primary_language(locale);
        !wanted.is_empty() && self.languages.iter().any(|l| primary_language(l).eq_ignore_ascii_case(wanted))
    }

    /// The entry as shown to a reader of `locale`: hours and confidentiality
    /// in that language, or in English.
    pub fn view(&self, locale: &str) -> HelplineView {
        HelplineView {
            id: self.id.clone(),
            name: self.name.clone(),
            operator: self.operator.clone(),
            kind: self.kind,
            phone: self.phone.clone(),
            url: self.url.clone(),
            chat_url: self.chat_url.clone(),
            email: self.email.clone(),
            hours: self.hours.as_ref().and_then(|hours| localised(hours, locale)).map(str::to_owned),
            languages: self.languages.clone(),
            confidentiality: localised(&self.confidentiality, locale).unwrap_or_default().to_owned(),
            worldwide: self.is_worldwide(),
        }
    }
}

/// The text of `texts` for `locale`, else the English one.
fn localised<'a>(texts: &'a BTreeMap<String, String>, locale: &str) -> Option<&'a str> {
    let key = match_tag(locale, texts.keys().map(String::as_str)).unwrap_or("en");
    texts.get(key).or_else(|| texts.get("en")).map(String::as_str)
}

/// A directory entry localised for one reader, ready to serialise. It has no
/// tracked link: the HTTP layer adds its own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct HelplineView {
    /// Stable id of the entry.
    pub id: String,
    /// The service's name.
    pub name: String,
    /// The organisation that runs it.
    pub operator: String,
    /// Helpline, self-help or therapy.
    pub kind: HelplineKind,
    /// Phone number, if the service has one.
    pub phone: Option<String>,
    /// The service's address.
    pub url: String,
    /// Live chat address, if known.
    pub chat_url: Option<String>,
    /// Email address, if known.
    pub email: Option<String>,
    /// Opening hours in the reader's language (or English), if known.
    pub hours: Option<String>,
    /// Languages the service is offered in.
    pub languages: Vec<String>,
    /// The confidentiality line in the reader's language (or English).
    pub confidentiality: String,
    /// Whether the service is open to everyone.
    pub worldwide: bool,
}

/// An ISO 3166-1 alpha-2 code from a request, in upper case; `UK` is read
/// as `GB`. Anything else is an unknown country.
pub(super) fn normalise_country(country: Option<&str>) -> Option<[u8; 2]> {
    let c = country?.trim().as_bytes();
    match c {
        [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
            let code = [a.to_ascii_uppercase(), b.to_ascii_uppercase()];
            Some(if &code == b"UK" { *b"GB" } else { code })
        }
        _ => None,
    }
}

/// The entries for a reader: those listed for the country (those offering
/// the reader's language first), then every worldwide one (likewise by
/// language); the file's order otherwise.
pub(super) fn select<'a>(helplines: &'a [Helpline], country: Option<&str>, locale: &str) -> Vec<&'a Helpline> {
    let country = normalise_country(country);
    let country = country.as_ref().and_then(|c| std::str::from_utf8(c).ok());
    let mut local: Vec<&Helpline> = match country {
        Some(country) => helplines.iter().filter(|h| !h.is_worldwide() && h.serves(country)).collect(),
        None => Vec::new(),
    };
    let mut worldwide: Vec<&Helpline> = helplines.iter().filter(|h| h.is_worldwide()).collect();
    local.sort_by_key(|h| !h.speaks(locale));
    worldwide.sort_by_key(|h| !h.speaks(locale));
    local.extend(worldwide);
    local
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawHelplinesFile {
    #[serde(default)]
    helpline: Vec<RawHelpline>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHelpline {
    id: Spanned<String>,
    name: Spanned<String>,
    operator: Spanned<String>,
    kind: HelplineKind,
    countries: Spanned<Vec<String>>,
    languages: Spanned<Vec<String>>,
    phone: Option<Spanned<String>>,
    url: Spanned<String>,
    chat_url: Option<Spanned<String>>,
    email: Option<Spanned<String>>,
    source: Spanned<String>,
    last_verified: Spanned<toml::Value>,
    verified_how: Spanned<String>,
    hours: Option<Spanned<BTreeMap<Spanned<String>, Spanned<String>>>>,
    confidentiality: Spanned<BTreeMap<Spanned<String>, Spanned<String>>>,
}

/// Checks `helplines.toml` and returns its entries.
pub(super) fn validate(file: &SourceFile, raw: RawHelplinesFile, problems: &mut Problems) -> Vec<Helpline> {
    let mut seen: BTreeMap<String, u32> = BTreeMap::new();
    let mut helplines = Vec::with_capacity(raw.helpline.len());
    for h in raw.helpline {
        let id = h.id.get_ref().clone();
        let mut report = |span: std::ops::Range<usize>, reason: String| {
            problems.at(file, span, format!("helpline {id}: {reason}"));
        };
        if !is_id(&id) {
            report(h.id.span(), format!("id `{id}`: {ID_RULE}"));
        } else if let Some(first) = seen.get(&id) {
            report(h.id.span(), format!("id is used twice (first on line {first})"));
        } else {
            seen.insert(id.clone(), line_of(&file.text, h.id.span().start));
        }
        for (field, value) in [("name", &h.name), ("operator", &h.operator), ("source", &h.source)] {
            if is_blank(value.get_ref()) {
                report(value.span(), format!("{field} must not be empty"));
            }
        }
        if is_blank(h.verified_how.get_ref()) {
            report(h.verified_how.span(), "verified_how must not be empty".to_owned());
        }

        let countries = h.countries.get_ref();
        if countries.is_empty() {
            report(h.countries.span(), "countries must not be empty".to_owned());
        } else if countries.iter().any(|c| c == WORLDWIDE) {
            if countries.len() > 1 {
                report(h.countries.span(), "countries: `*` (worldwide) must be the only entry".to_owned());
            }
        } else {
            for c in countries {
                if !(c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase())) {
                    report(
                        h.countries.span(),
                        format!("countries: `{c}` is not an ISO 3166-1 alpha-2 code in upper case (or `*`)"),
                    );
                }
            }
        }
        let languages = h.languages.get_ref();
        if languages.is_empty() {
            report(h.languages.span(), "languages must not be empty".to_owned());
        }
        for l in languages {
            if !is_language_tag(l) {
                report(h.languages.span(), format!("languages: `{l}` is not a language tag such as `en` or `pt-BR`"));
            }
        }

        if let Some(phone) = h.phone.as_ref().filter(|p| is_blank(p.get_ref())) {
            report(phone.span(), "phone must not be empty (leave it out instead)".to_owned());
        }
        for (field, value) in [("url", Some(&h.url)), ("chat_url", h.chat_url.as_ref())] {
            if let Some(value) = value.filter(|v| !is_web_address(v.get_ref())) {
                report(value.span(), format!("{field} `{}` is not an https:// or http:// address", value.get_ref()));
            }
        }
        if let Some(email) = &h.email {
            let e = email.get_ref();
            let ok = matches!(e.split_once('@'), Some((user, host)) if !user.is_empty() && host.contains('.'))
                && !e.contains(char::is_whitespace);
            if !ok {
                report(email.span(), format!("email `{e}` is not an email address"));
            }
        }

        let last_verified = match h.last_verified.get_ref() {
            toml::Value::String(s) => s.clone(),
            toml::Value::Datetime(d) => d.to_string(),
            other => other.to_string(),
        };
        if !is_date(&last_verified) {
            report(h.last_verified.span(), format!("last_verified `{last_verified}` is not a date YYYY-MM-DD"));
        }

        let hours = h.hours.map(|hours| {
            let span = hours.span();
            texts(hours.into_inner(), span, "hours", &mut report)
        });
        let span = h.confidentiality.span();
        let confidentiality = texts(h.confidentiality.into_inner(), span, "confidentiality", &mut report);

        helplines.push(Helpline {
            id,
            name: h.name.into_inner(),
            operator: h.operator.into_inner(),
            kind: h.kind,
            countries: h.countries.into_inner(),
            languages: h.languages.into_inner(),
            phone: h.phone.map(Spanned::into_inner),
            url: h.url.into_inner(),
            chat_url: h.chat_url.map(Spanned::into_inner),
            email: h.email.map(Spanned::into_inner),
            source: h.source.into_inner(),
            last_verified,
            verified_how: h.verified_how.into_inner(),
            hours,
            confidentiality,
        });
    }
    if !helplines.iter().any(Helpline::is_worldwide) {
        problems.file(file, "no worldwide service: at least one entry needs countries = [\"*\"]");
    }
    helplines
}

/// A table of texts by language: `en` present, keys language tags, texts
/// non-empty.
fn texts(
    map: BTreeMap<Spanned<String>, Spanned<String>>,
    span: std::ops::Range<usize>,
    field: &str,
    report: &mut impl FnMut(std::ops::Range<usize>, String),
) -> BTreeMap<String, String> {
    if !map.contains_key("en") {
        report(span.clone(), format!("{field}: `en` is required"));
    }
    for (language, text) in &map {
        if !is_language_tag(language.get_ref()) {
            report(
                language.span(),
                format!("{field}: `{}` is not a language tag such as `en` or `pt-BR`", language.get_ref()),
            );
        }
        if is_blank(text.get_ref()) {
            report(text.span(), format!("{field}.{} must not be empty", language.get_ref()));
        }
    }
    map.into_iter().map(|(k, v)| (k.into_inner(), v.into_inner())).collect()
}
