//! Specifications of the deterrence module: the shipped content loads, every
//! validation rule of `content/README.md` refuses a small broken file with an
//! exact problem, and the lookups (locales, helplines, chat, warnings) behave
//! as documented.
//!
//! All test content is fictional placeholder text.

use std::collections::BTreeSet;
use std::path::PathBuf;

use super::*;

// --- helpers -----------------------------------------------------------------

fn embedded() -> Content {
    match Content::embedded() {
        Ok(content) => content,
        Err(error) => panic!("embedded content is invalid:\n{error}"),
    }
}

/// An operator directory in the system temp dir, removed when dropped.
struct Overlay(PathBuf);

impl Overlay {
    fn new(name: &str) -> Overlay {
        let dir = std::env::temp_dir().join(format!("signpost-content-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("messages")).unwrap();
        std::fs::create_dir_all(dir.join("chatbot")).unwrap();
        Overlay(dir)
    }

    fn write(&self, rel: &str, text: &str) {
        std::fs::write(self.0.join(rel), text).unwrap();
    }

    fn load(&self) -> Result<Content, ContentError> {
        Content::load(Some(&self.0))
    }
}

impl Drop for Overlay {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The embedded text of a content file.
fn shipped(rel: &str) -> String {
    load::EMBEDDED.iter().find(|(r, _)| *r == rel).map(|(_, text)| (*text).to_owned()).unwrap()
}

/// `text` with the first `from` replaced; fails if `from` is absent.
fn edit(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "test edit: {from:?} not found");
    text.replacen(from, to, 1)
}

/// The 1-based line on which `needle` starts in `text`.
fn line(text: &str, needle: &str) -> usize {
    let at = text.find(needle).unwrap_or_else(|| panic!("{needle:?} not found"));
    text[..at].matches('\n').count() + 1
}

/// Loads the embedded content overlaid with `files` and returns every
/// problem as text, with the directory written `DIR`.
fn problems(name: &str, files: &[(&str, &str)]) -> Vec<String> {
    let overlay = Overlay::new(name);
    for (rel, text) in files {
        overlay.write(rel, text);
    }
    match overlay.load() {
        Ok(_) => Vec::new(),
        Err(error) => {
            let dir = overlay.0.display().to_string();
            error.problems().iter().map(|p| p.to_string().replace(&dir, "DIR")).collect()
        }
    }
}

/// Like [`problems`], keeping only those of the file `rel`.
fn problems_of(name: &str, files: &[(&str, &str)], rel: &str) -> Vec<String> {
    let prefix = format!("DIR/{rel}");
    problems(name, files).into_iter().filter(|p| p.starts_with(&prefix)).collect()
}

fn ids(views: &[HelplineView]) -> Vec<&str> {
    views.iter().map(|h| h.id.as_str()).collect()
}

// --- loading -----------------------------------------------------------------

#[test]
fn embedded_content_loads_and_validates() {
    let content = embedded();
    assert_eq!(content.version().len(), 12);
    assert!(content.version().bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()));
    let variants: Vec<&str> = content.variants().iter().map(|v| &*v.id).collect();
    assert_eq!(variants, ["illegal-and-harmful", "children-are-harmed", "help-to-stop", "legal-consequences"]);
    assert_eq!(content.locales(), ["en", "de", "es", "fr", "nl"]);
    assert_eq!(content.flow_ids(), ["reach-out"]);
    assert_eq!(content.helpline_directory().len(), 8);
    for locale in content.locales() {
        let messages = content.messages(locale);
        assert_eq!(messages.locale, locale);
        assert_eq!(messages.variants.len(), 4);
        assert!(!messages.ui.back.is_empty());
    }
}

#[test]
fn embedded_list_names_every_content_file() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content");
    let mut on_disk = BTreeSet::new();
    for rel in ["variants.toml", "helplines.toml"] {
        if root.join(rel).exists() {
            on_disk.insert(rel.to_owned());
        }
    }
    for dir in ["messages", "chatbot"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            if name.ends_with(".toml") {
                on_disk.insert(format!("{dir}/{name}"));
            }
        }
    }
    let embedded: BTreeSet<String> = load::EMBEDDED.iter().map(|(rel, _)| (*rel).to_owned()).collect();
    assert_eq!(embedded, on_disk, "load::EMBEDDED must list every file under content/");
    let listed: Vec<&str> = load::EMBEDDED.iter().map(|(rel, _)| *rel).collect();
    let mut sorted = listed.clone();
    sorted.sort_unstable();
    assert_eq!(listed, sorted, "load::EMBEDDED is kept in path order");
}

#[test]
fn version_is_stable_and_changes_with_any_file() {
    let base = embedded();
    assert_eq!(base.version(), embedded().version());
    let overlay = Overlay::new("version-same");
    overlay.write("helplines.toml", &shipped("helplines.toml"));
    assert_eq!(overlay.load().unwrap().version(), base.version(), "an identical override keeps the version");
    let overlay = Overlay::new("version-changed");
    overlay.write("helplines.toml", &format!("{}\n# operator note\n", shipped("helplines.toml")));
    assert_ne!(overlay.load().unwrap().version(), base.version());
}

#[test]
fn overlay_replaces_files_whole_and_adds_locales() {
    let overlay = Overlay::new("overlay");
    let en = shipped("messages/en.toml");
    let pt = edit(
        &edit(&en, "locale = \"en\"", "locale = \"pt-BR\""),
        "Sexual images of children are illegal",
        "Título de teste",
    );
    overlay.write("messages/pt-BR.toml", &pt);
    overlay.write("README.md", "operator notes are ignored");
    let content = overlay.load().unwrap();
    assert_eq!(content.locales(), ["en", "de", "es", "fr", "nl", "pt-BR"]);
    assert_eq!(content.resolve_locale(Some("pt-br")), "pt-BR");
    assert_eq!(content.resolve_locale(Some("pt_BR")), "pt-BR");
    assert_eq!(content.resolve_locale(Some("pt")), "en", "a region file does not serve the bare language");
    assert_eq!(content.messages("pt-BR").variants["illegal-and-harmful"].title, "Título de teste");
    // No chatbot/pt-BR.toml: the chat is in English.
    let warning = content.warning("illegal-and-harmful", "pt-BR", None);
    assert_eq!(warning.locale, "pt-BR");
    assert_eq!(warning.chatbot.map(|s| s.locale), Some("en".to_owned()));
}

#[test]
fn overlay_needs_a_readable_directory_and_known_files() {
    let missing = std::env::temp_dir().join(format!("signpost-content-{}-does-not-exist", std::process::id()));
    let error = Content::load(Some(&missing)).unwrap_err();
    assert_eq!(error.problems().len(), 1);
    assert!(error.problems()[0].reason.starts_with("cannot read the content directory: "));

    let stray = problems("stray", &[("helpline.toml", "")]);
    assert_eq!(
        stray,
        [
            "DIR/helpline.toml: not a content file: expected variants.toml, helplines.toml, messages/<locale>.toml or chatbot/<locale>.toml"
        ]
    );
    assert_eq!(
        problems("locale-name", &[("messages/English.toml", &shipped("messages/en.toml"))]),
        ["DIR/messages/English.toml: file name: `English` is not a locale (a language tag such as `nl` or `pt-BR`)"]
    );
    let overlay = Overlay::new("not-utf8");
    std::fs::write(overlay.0.join("variants.toml"), [0xff, 0xfe, b'x']).unwrap();
    let error = overlay.load().unwrap_err();
    assert_eq!(error.problems()[0].reason, "not UTF-8 text");
}

#[test]
fn every_problem_is_reported_sorted_and_nothing_is_loaded() {
    let variants = edit(&shipped("variants.toml"), "theme = \"consequences\"", "theme = \"fear\"");
    let helplines = edit(&shipped("helplines.toml"), "kind = \"therapy\"", "kind = \"counselling\"");
    let en = shipped("messages/en.toml");
    let en = edit(&en, "dismiss = \"Close\"", "dismiss = \"\"");
    let en = edit(&en, "language_name = \"English\"", "language_name = \" \"");
    let found =
        problems("many", &[("variants.toml", &variants), ("helplines.toml", &helplines), ("messages/en.toml", &en)]);
    assert_eq!(
        found,
        [
            format!(
                "DIR/helplines.toml:{}: unknown variant `counselling`, expected one of `helpline`, `self-help`, `therapy`",
                line(&helplines, "kind = \"counselling\"")
            ),
            format!("DIR/messages/en.toml:{}: language_name must not be empty", line(&en, "language_name")),
            format!("DIR/messages/en.toml:{}: ui.dismiss must not be empty", line(&en, "dismiss = ")),
            format!(
                "DIR/variants.toml:{}: unknown variant `fear`, expected one of `illegality`, `harm-to-victims`, `help-seeking`, `consequences`",
                line(&variants, "theme = \"fear\"")
            ),
        ]
    );
}

#[test]
fn toml_syntax_errors_carry_the_line() {
    let helplines = edit(&shipped("helplines.toml"), "kind = \"helpline\"", "kind = helpline");
    assert_eq!(
        problems("syntax", &[("helplines.toml", &helplines)]),
        [format!(
            "DIR/helplines.toml:{}: string values must be quoted, expected literal string",
            line(&helplines, "kind = helpline")
        )]
    );
}

// --- variants.toml -----------------------------------------------------------

/// A variants file with one `[[variant]]` per (id, theme, weight); each
/// entry takes 6 lines, so entry `i` (from 0) has its id on line `2 + 6i`.
fn variants_file(entries: &[(&str, &str, &str)]) -> String {
    entries
        .iter()
        .map(|(id, theme, weight)| {
            format!(
                "[[variant]]\nid = \"{id}\"\ntheme = \"{theme}\"\nweight = {weight}\ndescription = \"A test arm.\"\n\n"
            )
        })
        .collect()
}

const SHIPPED_ARMS: [(&str, &str, &str); 4] = [
    ("illegal-and-harmful", "illegality", "1"),
    ("children-are-harmed", "harm-to-victims", "1"),
    ("help-to-stop", "help-seeking", "1"),
    ("legal-consequences", "consequences", "1"),
];

fn arms_with(extra: (&'static str, &'static str, &'static str)) -> String {
    let mut arms = SHIPPED_ARMS.to_vec();
    arms.push(extra);
    variants_file(&arms)
}

#[test]
fn variants_file_in_shipped_shape_is_valid() {
    assert_eq!(problems("variants-ok", &[("variants.toml", &variants_file(&SHIPPED_ARMS))]), Vec::<String>::new());
}

#[test]
fn variant_ids_follow_the_id_rule() {
    let found = problems("variant-id", &[("variants.toml", &arms_with(("Bad_Id", "illegality", "1")))]);
    assert!(
        found.contains(&"DIR/variants.toml:26: id `Bad_Id`: an id is lowercase a-z, 0-9 and `-`".to_owned()),
        "{found:?}"
    );
}

#[test]
fn variant_ids_are_unique() {
    assert_eq!(
        problems("variant-dup", &[("variants.toml", &arms_with(("help-to-stop", "help-seeking", "1")))]),
        ["DIR/variants.toml:26: id `help-to-stop` is used twice (first on line 14)"]
    );
}

#[test]
fn variant_themes_come_from_the_allowed_set() {
    let mut arms = SHIPPED_ARMS.to_vec();
    arms[0].1 = "fear";
    assert_eq!(
        problems("variant-theme", &[("variants.toml", &variants_file(&arms))]),
        [
            "DIR/variants.toml:3: unknown variant `fear`, expected one of `illegality`, `harm-to-victims`, `help-seeking`, `consequences`"
        ]
    );
}

#[test]
fn variant_weights_are_positive_finite_numbers() {
    for (weight, shown) in [("0", "0"), ("-2.5", "-2.5"), ("nan", "NaN"), ("inf", "inf")] {
        let mut arms = SHIPPED_ARMS.to_vec();
        arms[1].2 = weight;
        assert_eq!(
            problems(&format!("variant-weight-{shown}"), &[("variants.toml", &variants_file(&arms))]),
            [format!("DIR/variants.toml:10: variant children-are-harmed: weight {shown}: must be a positive number")]
        );
    }
    let mut arms = SHIPPED_ARMS.to_vec();
    arms[1].2 = "\"heavy\"";
    assert_eq!(
        problems("variant-weight-text", &[("variants.toml", &variants_file(&arms))]),
        ["DIR/variants.toml:10: invalid type: string \"heavy\", expected f64"]
    );
}

#[test]
fn variants_need_a_description_and_at_least_one_entry() {
    let file = edit(&variants_file(&SHIPPED_ARMS), "description = \"A test arm.\"", "description = \"\"");
    assert_eq!(
        problems("variant-description", &[("variants.toml", &file)]),
        ["DIR/variants.toml:5: variant illegal-and-harmful: description must not be empty"]
    );
    let found = problems("variant-none", &[("variants.toml", "# nothing here\n")]);
    assert!(
        found.contains(&"DIR/variants.toml: no [[variant]]: at least one variant is required".to_owned()),
        "{found:?}"
    );
}

#[test]
fn variants_reject_unknown_fields() {
    let file = edit(&variants_file(&SHIPPED_ARMS), "weight = 1\n", "weight = 1\ncolour = \"red\"\n");
    assert_eq!(
        problems("variant-field", &[("variants.toml", &file)]),
        ["DIR/variants.toml:5: unknown field `colour`, expected one of `id`, `theme`, `weight`, `description`"]
    );
}

#[test]
fn a_new_variant_needs_text_in_every_messages_file() {
    let found = problems("variant-new", &[("variants.toml", &arms_with(("new-arm", "help-seeking", "1")))]);
    let expected: Vec<String> = ["de", "en", "es", "fr", "nl"]
        .iter()
        .map(|l| format!("embedded:messages/{l}.toml: variants.new-arm: missing (variants.toml lists this variant)"))
        .collect();
    assert_eq!(found, expected);
}

// --- messages/<locale>.toml ----------------------------------------------------

fn en() -> String {
    shipped("messages/en.toml")
}

fn messages_problems(name: &str, file: &str) -> Vec<String> {
    problems(name, &[("messages/en.toml", file)])
}

#[test]
fn message_locale_equals_the_file_name() {
    let file = edit(&en(), "locale = \"en\"", "locale = \"nl\"");
    assert_eq!(
        messages_problems("msg-locale", &file),
        [format!("DIR/messages/en.toml:{}: locale is `nl` but the file name says `en`", line(&file, "locale ="))]
    );
}

#[test]
fn messages_have_exactly_the_variants_of_variants_toml() {
    let file = edit(&en(), "[variants.help-to-stop]", "[variants.help-to-stopp]");
    assert_eq!(
        messages_problems("msg-variants", &file),
        [
            "DIR/messages/en.toml: variants.help-to-stop: missing (variants.toml lists this variant)".to_owned(),
            format!(
                "DIR/messages/en.toml:{}: variants.help-to-stopp: not a variant in variants.toml",
                line(&file, "[variants.help-to-stopp]")
            ),
        ]
    );
}

#[test]
fn titles_are_at_most_60_characters() {
    let title = "Sexual images of children are illegal";
    let sixty = "é".repeat(60);
    assert_eq!(
        messages_problems("msg-title-60", &edit(&en(), title, &sixty)),
        Vec::<String>::new(),
        "characters, not bytes"
    );
    let file = edit(&en(), title, &"a".repeat(61));
    assert_eq!(
        messages_problems("msg-title-61", &file),
        [format!(
            "DIR/messages/en.toml:{}: variants.illegal-and-harmful.title has 61 characters, at most 60",
            line(&file, &"a".repeat(61))
        )]
    );
}

#[test]
fn bodies_are_at_most_400_characters() {
    let body = "No results are shown for this search. Every sexual image";
    let long = format!("{body}{}", "x".repeat(400));
    let file = edit(&en(), body, &long);
    assert_eq!(
        messages_problems("msg-body", &file),
        [format!(
            "DIR/messages/en.toml:{}: variants.children-are-harmed.body has {} characters, at most 400",
            line(&file, &long),
            en().lines().find(|l| l.contains(body)).map(|l| l.chars().count() - "body = \"\"".len() + 400).unwrap()
        )]
    );
}

#[test]
fn titles_and_bodies_are_not_empty() {
    let file = edit(&en(), "title = \"These images harm real children\"", "title = \"  \"");
    assert_eq!(
        messages_problems("msg-empty", &file),
        [format!(
            "DIR/messages/en.toml:{}: variants.children-are-harmed.title must not be empty",
            line(&file, "title = \"  \"")
        )]
    );
}

#[test]
fn titles_and_bodies_are_plain_text() {
    let file = edit(&en(), "Confidential help is available below.", "<b>Confidential help</b> is available below.");
    assert_eq!(
        messages_problems("msg-html", &file),
        [format!(
            "DIR/messages/en.toml:{}: variants.illegal-and-harmful.body: plain text only, no `<` or `>` (HTML)",
            line(&file, "<b>")
        )]
    );
    let file =
        edit(&en(), "title = \"These images harm real children\"", "title = \"These images harm **real** children\"");
    assert_eq!(
        messages_problems("msg-markdown", &file),
        [format!(
            "DIR/messages/en.toml:{}: variants.children-are-harmed.title: plain text only, no markdown (`**`, `__`, backticks or `](`)",
            line(&file, "**real**")
        )]
    );
}

#[test]
fn every_ui_key_is_present_known_and_not_empty() {
    let file = edit(&en(), "back = \"Start again\"\n", "");
    assert_eq!(
        messages_problems("ui-missing", &file),
        [format!("DIR/messages/en.toml:{}: ui.back: missing", line(&file, "\n[ui]") + 1)]
    );
    let file = edit(&en(), "back = \"Start again\"\n", "back = \"Start again\"\nfront = \"Begin\"\n");
    assert_eq!(
        messages_problems("ui-unknown", &file),
        [format!("DIR/messages/en.toml:{}: ui.front: not a ui key", line(&file, "front ="))]
    );
    let file = edit(&en(), "call = \"Call\"", "call = \"\"");
    assert_eq!(
        messages_problems("ui-empty", &file),
        [format!("DIR/messages/en.toml:{}: ui.call must not be empty", line(&file, "call = \"\""))]
    );
    assert_eq!(Ui::KEYS.len(), 17);
}

#[test]
fn messages_need_a_language_name_and_reject_unknown_fields() {
    let file = edit(&en(), "language_name = \"English\"", "language_name = \"\"");
    assert_eq!(
        messages_problems("msg-language-name", &file),
        [format!("DIR/messages/en.toml:{}: language_name must not be empty", line(&file, "language_name"))]
    );
    let file = edit(&en(), "language_name = \"English\"", "language_name = \"English\"\ndirection = \"ltr\"");
    assert_eq!(
        messages_problems("msg-field", &file),
        [format!(
            "DIR/messages/en.toml:{}: unknown field `direction`, expected one of `locale`, `language_name`, `variants`, `ui`",
            line(&file, "direction")
        )]
    );
}

// --- helplines.toml ------------------------------------------------------------

fn helplines_problems(name: &str, file: &str) -> Vec<String> {
    problems(name, &[("helplines.toml", file)])
}

fn directory() -> String {
    shipped("helplines.toml")
}

/// `helplines.toml` with one field of the first entry (stop-it-now-uk-ie)
/// replaced, and the expected problem on the edited line.
fn uk_edit(name: &str, from: &str, to: &str, reason: &str) {
    let file = edit(&directory(), from, to);
    let at = line(&file, to.lines().last().unwrap_or(to));
    assert_eq!(
        helplines_problems(name, &file),
        [format!("DIR/helplines.toml:{at}: helpline stop-it-now-uk-ie: {reason}")],
        "{name}"
    );
}

#[test]
fn helplines_have_every_required_field() {
    let file = edit(&directory(), "operator = \"Lucy Faithfull Foundation\"\n", "");
    assert_eq!(
        helplines_problems("hl-missing", &file),
        [format!(
            "DIR/helplines.toml:{}: missing field `operator`",
            line(&file, "[[helpline]]\nid = \"stop-it-now-uk-ie\"")
        )]
    );
    uk_edit("hl-name", "name = \"Stop It Now UK & Ireland\"", "name = \"\"", "name must not be empty");
    uk_edit(
        "hl-verified-how",
        "verified_how = \"desk check of phone numbers",
        "verified_how = \" \" #",
        "verified_how must not be empty",
    );
}

#[test]
fn helpline_ids_are_ids_and_unique() {
    let file = edit(&directory(), "id = \"stop-it-now-uk-ie\"", "id = \"Stop It Now\"");
    assert_eq!(
        helplines_problems("hl-id", &file),
        [format!(
            "DIR/helplines.toml:{}: helpline Stop It Now: id `Stop It Now`: an id is lowercase a-z, 0-9 and `-`",
            line(&file, "id = \"Stop It Now\"")
        )]
    );
    let file = edit(&directory(), "id = \"stop-it-now-nl\"", "id = \"stop-it-now-uk-ie\"");
    assert_eq!(
        helplines_problems("hl-dup", &file),
        [format!(
            "DIR/helplines.toml:{}: helpline stop-it-now-uk-ie: id is used twice (first on line {})",
            line(&file, "id = \"stop-it-now-uk-ie\"\nname = \"Stop it Now! Nederland\""),
            line(&file, "id = \"stop-it-now-uk-ie\"")
        )]
    );
}

#[test]
fn helpline_kinds_come_from_the_allowed_set() {
    let file = edit(&directory(), "kind = \"helpline\"", "kind = \"hotline\"");
    assert_eq!(
        helplines_problems("hl-kind", &file),
        [format!(
            "DIR/helplines.toml:{}: unknown variant `hotline`, expected one of `helpline`, `self-help`, `therapy`",
            line(&file, "kind = \"hotline\"")
        )]
    );
}

#[test]
fn helpline_countries_are_upper_case_alpha_2_or_worldwide() {
    let from = "countries = [\"GB\", \"IE\"]";
    uk_edit(
        "hl-lower",
        from,
        "countries = [\"gb\", \"IE\"]",
        "countries: `gb` is not an ISO 3166-1 alpha-2 code in upper case (or `*`)",
    );
    uk_edit(
        "hl-alpha3",
        from,
        "countries = [\"GBR\"]",
        "countries: `GBR` is not an ISO 3166-1 alpha-2 code in upper case (or `*`)",
    );
    uk_edit("hl-mixed", from, "countries = [\"*\", \"GB\"]", "countries: `*` (worldwide) must be the only entry");
    uk_edit("hl-no-country", from, "countries = []", "countries must not be empty");
}

#[test]
fn the_directory_has_a_worldwide_service() {
    let file = directory().replace("countries = [\"*\"]", "countries = [\"FI\"]");
    assert_eq!(
        helplines_problems("hl-worldwide", &file),
        ["DIR/helplines.toml: no worldwide service: at least one entry needs countries = [\"*\"]"]
    );
}

#[test]
fn helpline_languages_are_language_tags() {
    let from = "languages = [\"en\", \"cy\"]";
    uk_edit(
        "hl-lang",
        from,
        "languages = [\"English\"]",
        "languages: `English` is not a language tag such as `en` or `pt-BR`",
    );
    uk_edit("hl-no-lang", from, "languages = []", "languages must not be empty");
}

#[test]
fn helpline_addresses_are_http_or_https() {
    uk_edit(
        "hl-url",
        "url = \"https://www.stopitnow.org.uk/helpline/\"",
        "url = \"www.stopitnow.org.uk/helpline/\"",
        "url `www.stopitnow.org.uk/helpline/` is not an https:// or http:// address",
    );
    uk_edit(
        "hl-chat-url",
        "url = \"https://www.stopitnow.org.uk/helpline/\"",
        "url = \"https://www.stopitnow.org.uk/helpline/\"\nchat_url = \"ftp://chat.example.org\"",
        "chat_url `ftp://chat.example.org` is not an https:// or http:// address",
    );
    uk_edit(
        "hl-email",
        "phone = \"0808 1000 900\"",
        "email = \"help at example.org\"",
        "email `help at example.org` is not an email address",
    );
    uk_edit("hl-phone", "phone = \"0808 1000 900\"", "phone = \"\"", "phone must not be empty (leave it out instead)");
}

#[test]
fn last_verified_is_a_calendar_date() {
    let from = "last_verified = \"2026-11-28\"";
    for bad in ["28-11-2026", "2026-02-30", "2026-11"] {
        uk_edit(
            &format!("hl-date-{bad}"),
            from,
            &format!("last_verified = \"{bad}\""),
            &format!("last_verified `{bad}` is not a date YYYY-MM-DD"),
        );
    }
    // A TOML date (unquoted) is accepted as well.
    assert_eq!(
        helplines_problems("hl-date-toml", &edit(&directory(), from, "last_verified = 2026-11-28")),
        Vec::<String>::new()
    );
    uk_edit(
        "hl-datetime",
        from,
        "last_verified = 2026-11-28T10:00:00Z",
        "last_verified `2026-11-28T10:00:00Z` is not a date YYYY-MM-DD",
    );
}

#[test]
fn confidentiality_and_hours_need_english() {
    let file = edit(
        &directory(),
        "en = \"Confidential, and you do not have to give your name.",
        "it = \"Confidential, and you do not have to give your name.",
    );
    assert_eq!(
        helplines_problems("hl-conf-en", &file),
        [format!(
            "DIR/helplines.toml:{}: helpline stop-it-now-uk-ie: confidentiality: `en` is required",
            line(&file, "[helpline.confidentiality]\nit")
        )]
    );
    let file = edit(&directory(), "en = \"Mon–Thu", "it = \"Mon–Thu");
    assert_eq!(
        helplines_problems("hl-hours-en", &file),
        [format!(
            "DIR/helplines.toml:{}: helpline stop-it-now-uk-ie: hours: `en` is required",
            line(&file, "\n[helpline.hours]") + 1
        )]
    );
    let file = edit(
        &directory(),
        "en = \"Mon–Thu 9:00–21:00, Fri 9:00–17:00 (UK time). Please check the website for current hours.\"",
        "en = \"\"",
    );
    assert_eq!(
        helplines_problems("hl-hours-empty", &file),
        [format!(
            "DIR/helplines.toml:{}: helpline stop-it-now-uk-ie: hours.en must not be empty",
            line(&file, "en = \"\"")
        )]
    );
    let file = edit(
        &directory(),
        "[helpline.confidentiality]\nen = \"Confidential, and",
        "[helpline.confidentiality]\nEnglish = \"x\"\nen = \"Confidential, and",
    );
    assert_eq!(
        helplines_problems("hl-conf-tag", &file),
        [format!(
            "DIR/helplines.toml:{}: helpline stop-it-now-uk-ie: confidentiality: `English` is not a language tag such as `en` or `pt-BR`",
            line(&file, "English = ")
        )]
    );
}

#[test]
fn helplines_reject_unknown_fields() {
    let file = edit(&directory(), "phone = \"0808 1000 900\"", "phone = \"0808 1000 900\"\nfax = \"none\"");
    let found = helplines_problems("hl-field", &file);
    assert_eq!(found.len(), 1);
    assert!(found[0].ends_with(": unknown field `fax`, expected one of `id`, `name`, `operator`, `kind`, `countries`, `languages`, `phone`, `url`, `chat_url`, `email`, `source`, `last_verified`, `verified_how`, `hours`, `confidentiality`"), "{found:?}");
}

// --- chatbot/<locale>.toml -----------------------------------------------------

/// A small valid flow; line numbers are fixed (see the comments).
const FLOW: &str = r#"id = "reach-out"
locale = "en"
start = "start"

[nodes.start]
say = ["No results are shown for this search."]
choices = [
  { label = "Talk to someone", next = "talk" },
  { label = "Leave", next = "leave" },
]

[nodes.talk]
say = ["Here is confidential help."]
end = "helplines"

[nodes.leave]
say = ["Thank you for reading this."]
end = "leave"
"#;
// Lines: 3 start, 5 [nodes.start], 6 say, 7 choices, 8-9 buttons,
// 12 [nodes.talk], 13 say, 14 end, 16 [nodes.leave], 17 say, 18 end.

/// Problems of `chatbot/en.toml` when both en and nl are replaced by `flow`
/// (nl with its own locale), so that only the per-file rules speak.
fn flow_problems(name: &str, flow: &str) -> Vec<String> {
    let nl = flow.replacen("locale = \"en\"", "locale = \"nl\"", 1);
    problems_of(name, &[("chatbot/en.toml", flow), ("chatbot/nl.toml", &nl)], "chatbot/en.toml")
}

fn flow_edit(from: &str, to: &str) -> String {
    edit(FLOW, from, to)
}

#[test]
fn a_small_flow_is_valid() {
    assert_eq!(flow_problems("flow-ok", FLOW), Vec::<String>::new());
}

#[test]
fn flow_start_names_a_node() {
    assert_eq!(
        flow_problems("flow-start", &flow_edit("start = \"start\"", "start = \"begin\"")),
        ["DIR/chatbot/en.toml:3: start: there is no node `begin`"]
    );
}

#[test]
fn every_next_names_a_node() {
    assert_eq!(
        flow_problems("flow-next", &flow_edit("next = \"talk\"", "next = \"tlak\"")),
        [
            "DIR/chatbot/en.toml:8: nodes.start.choices: next `tlak` names no node",
            "DIR/chatbot/en.toml:12: nodes.talk is not reachable from start `start`",
        ]
    );
}

#[test]
fn every_node_is_reachable_from_start() {
    let flow = format!("{FLOW}\n[nodes.orphan]\nsay = [\"Nobody gets here.\"]\nend = \"leave\"\n");
    assert_eq!(
        flow_problems("flow-orphan", &flow),
        ["DIR/chatbot/en.toml:20: nodes.orphan is not reachable from start `start`"]
    );
}

#[test]
fn flows_have_no_cycles() {
    let flow = flow_edit(
        "say = [\"Thank you for reading this.\"]\nend = \"leave\"",
        "say = [\"Thank you.\"]\nchoices = [{ label = \"Again\", next = \"start\" }]",
    );
    assert_eq!(
        flow_problems("flow-cycle", &flow),
        ["DIR/chatbot/en.toml:16: nodes.leave: cycle start -> leave -> start; every path must end at a terminal node"]
    );
    let flow = flow_edit("end = \"helplines\"", "choices = [{ label = \"Once more\", next = \"talk\" }]");
    assert_eq!(
        flow_problems("flow-self-loop", &flow),
        ["DIR/chatbot/en.toml:12: nodes.talk: cycle talk -> talk; every path must end at a terminal node"]
    );
}

#[test]
fn a_node_has_choices_or_end() {
    assert_eq!(
        flow_problems(
            "flow-both",
            &flow_edit(
                "end = \"helplines\"",
                "end = \"helplines\"\nchoices = [{ label = \"Leave\", next = \"leave\" }]"
            )
        ),
        ["DIR/chatbot/en.toml:12: nodes.talk has both `choices` and `end`; a node has one of them"]
    );
    assert_eq!(
        flow_problems("flow-neither", &flow_edit("end = \"helplines\"\n", "")),
        ["DIR/chatbot/en.toml:12: nodes.talk has neither `choices` nor `end`; a node has one of them"]
    );
    assert_eq!(
        flow_problems("flow-end-kind", &flow_edit("end = \"helplines\"", "end = \"hotline\"")),
        ["DIR/chatbot/en.toml:14: unknown variant `hotline`, expected one of `helplines`, `self-help`, `leave`"]
    );
}

#[test]
fn a_node_has_one_to_four_buttons() {
    let none = "choices = [\n  { label = \"Talk to someone\", next = \"talk\" },\n  { label = \"Leave\", next = \"leave\" },\n]";
    let found = flow_problems("flow-no-buttons", &flow_edit(none, "choices = []"));
    assert_eq!(
        found,
        [
            "DIR/chatbot/en.toml:7: nodes.start.choices has 0 buttons, expected 1 to 4",
            "DIR/chatbot/en.toml:9: nodes.talk is not reachable from start `start`",
            "DIR/chatbot/en.toml:13: nodes.leave is not reachable from start `start`",
        ]
    );
    let five = (1..=5).map(|i| format!("{{ label = \"B{i}\", next = \"n{i}\" }}")).collect::<Vec<_>>().join(", ");
    let nodes: String = (1..=5).map(|i| format!("\n[nodes.n{i}]\nsay = [\"Step {i}.\"]\nend = \"leave\"\n")).collect();
    let flow = format!("{}{nodes}", flow_edit(none, &format!("choices = [{five}]")));
    let found = flow_problems("flow-five-buttons", &flow);
    assert_eq!(found[0], "DIR/chatbot/en.toml:7: nodes.start.choices has 5 buttons, expected 1 to 4");
}

#[test]
fn button_labels_are_unique_short_and_not_empty() {
    assert_eq!(
        flow_problems("flow-label-dup", &flow_edit("label = \"Leave\"", "label = \"Talk to someone\"")),
        ["DIR/chatbot/en.toml:9: nodes.start.choices: label `Talk to someone` is used twice"]
    );
    assert_eq!(
        flow_problems("flow-label-empty", &flow_edit("label = \"Leave\"", "label = \"\"")),
        ["DIR/chatbot/en.toml:9: nodes.start.choices: button 2 has an empty label"]
    );
    let long = "L".repeat(41);
    assert_eq!(
        flow_problems("flow-label-long", &flow_edit("label = \"Leave\"", &format!("label = \"{long}\""))),
        [format!("DIR/chatbot/en.toml:9: nodes.start.choices: label `{long}` has 41 characters, at most 40")]
    );
    assert_eq!(
        flow_problems("flow-label-40", &flow_edit("label = \"Leave\"", &format!("label = \"{}\"", "ü".repeat(40)))),
        Vec::<String>::new()
    );
}

#[test]
fn buttons_of_a_node_lead_to_different_nodes() {
    assert_eq!(
        flow_problems("flow-next-dup", &flow_edit("next = \"leave\"", "next = \"talk\"")),
        [
            "DIR/chatbot/en.toml:9: nodes.start.choices: two buttons lead to `talk`; each button leads to a different node",
            "DIR/chatbot/en.toml:16: nodes.leave is not reachable from start `start`",
        ]
    );
}

#[test]
fn a_node_says_one_to_three_short_messages() {
    let say = "say = [\"Here is confidential help.\"]";
    assert_eq!(
        flow_problems("flow-say-none", &flow_edit(say, "say = []")),
        ["DIR/chatbot/en.toml:13: nodes.talk.say has 0 messages, expected 1 to 3"]
    );
    assert_eq!(
        flow_problems("flow-say-four", &flow_edit(say, "say = [\"One.\", \"Two.\", \"Three.\", \"Four.\"]")),
        ["DIR/chatbot/en.toml:13: nodes.talk.say has 4 messages, expected 1 to 3"]
    );
    assert_eq!(
        flow_problems("flow-say-empty", &flow_edit(say, "say = [\"One.\", \"\"]")),
        ["DIR/chatbot/en.toml:13: nodes.talk.say: message 2 must not be empty"]
    );
    let long = "w".repeat(201);
    assert_eq!(
        flow_problems("flow-say-long", &flow_edit(say, &format!("say = [\"{long}\"]"))),
        ["DIR/chatbot/en.toml:13: nodes.talk.say: message 1 has 201 characters, at most 200"]
    );
}

#[test]
fn flow_and_node_ids_are_ids() {
    let flow = FLOW.replace("leave\"", "Leave_Now\"").replace("[nodes.leave]", "[nodes.Leave_Now]");
    let flow = flow.replace("end = \"Leave_Now\"", "end = \"leave\"");
    assert_eq!(
        flow_problems("flow-node-id", &flow),
        ["DIR/chatbot/en.toml:16: node id `Leave_Now`: an id is lowercase a-z, 0-9 and `-`"]
    );
    let found = flow_problems("flow-id", &flow_edit("id = \"reach-out\"", "id = \"Reach Out\""));
    assert_eq!(found, ["DIR/chatbot/en.toml:1: id `Reach Out`: an id is lowercase a-z, 0-9 and `-`"]);
}

#[test]
fn flows_reject_unknown_fields() {
    assert_eq!(
        flow_problems("flow-field", &flow_edit("end = \"helplines\"", "end = \"helplines\"\nask = \"free text\"")),
        ["DIR/chatbot/en.toml:15: unknown field `ask`, expected one of `say`, `choices`, `end`"]
    );
}

#[test]
fn flow_locale_equals_the_file_name() {
    let found = problems("flow-locale", &[("chatbot/fr.toml", &shipped("chatbot/en.toml"))]);
    assert_eq!(
        found,
        [format!(
            "DIR/chatbot/fr.toml:{}: locale is `en` but the file name says `fr`",
            line(&shipped("chatbot/en.toml"), "locale = ")
        )]
    );
}

#[test]
fn every_language_of_a_flow_has_the_english_structure() {
    let nl = shipped("chatbot/nl.toml");
    // Buttons in another order.
    let talk = "  { label = \"Ik wil nu met iemand praten\", next = \"talk\" },\n";
    let why = "  { label = \"Waarom zie ik dit?\", next = \"why\" },\n";
    let swapped = edit(&nl, &format!("{why}{talk}"), &format!("{talk}{why}"));
    assert_eq!(
        problems("flow-order", &[("chatbot/nl.toml", &swapped)]),
        [format!(
            "DIR/chatbot/nl.toml:{}: nodes.start has buttons to talk, why, self-help, leave but chatbot/en.toml has buttons to why, talk, self-help, leave",
            line(&swapped, "[nodes.start]")
        )]
    );
    // Another end.
    let other_end = edit(&nl, "end = \"helplines\"", "end = \"leave\"");
    assert_eq!(
        problems("flow-end", &[("chatbot/nl.toml", &other_end)]),
        [format!(
            "DIR/chatbot/nl.toml:{}: nodes.talk has end `leave` but chatbot/en.toml has end `helplines`",
            line(&other_end, "[nodes.talk]")
        )]
    );
    // An extra node (reachable, so only the comparison speaks).
    let extra = edit(
        &nl,
        "end = \"leave\"",
        "choices = [{ label = \"Tot ziens\", next = \"bye\" }]\n\n[nodes.bye]\nsay = [\"Dag.\"]\nend = \"leave\"",
    );
    assert_eq!(
        problems("flow-extra", &[("chatbot/nl.toml", &extra)]),
        [
            format!(
                "DIR/chatbot/nl.toml:{}: nodes.leave has buttons to bye but chatbot/en.toml has end `leave`",
                line(&extra, "[nodes.leave]")
            ),
            format!(
                "DIR/chatbot/nl.toml:{}: nodes.bye: not in chatbot/en.toml; every language has the same nodes",
                line(&extra, "[nodes.bye]")
            ),
        ]
    );
    // A flow id without an English version.
    let other_id = edit(&nl, "id = \"reach-out\"", "id = \"other-flow\"");
    assert_eq!(
        problems("flow-other-id", &[("chatbot/nl.toml", &other_id)]),
        [
            "DIR/chatbot/nl.toml: flow `other-flow` has no English version: chatbot/en.toml has id `reach-out`; every flow needs one"
        ]
    );
}

#[test]
fn a_missing_node_in_a_language_is_reported() {
    let small_nl = FLOW.replacen("locale = \"en\"", "locale = \"nl\"", 1);
    let found = problems("flow-missing-node", &[("chatbot/nl.toml", &small_nl)]);
    assert!(
        found.contains(
            &"DIR/chatbot/nl.toml: nodes.why: missing (chatbot/en.toml has it; every language has the same nodes)"
                .to_owned()
        ),
        "{found:?}"
    );
}

// --- locales ---------------------------------------------------------------------

#[test]
fn locale_resolution_table() {
    let content = embedded();
    let long = "nl-".repeat(40);
    let table: &[(Option<&str>, &str)] = &[
        (None, "en"),
        (Some("nl"), "nl"),
        (Some("NL"), "nl"),
        (Some("nl-BE"), "nl"),
        (Some("nl_BE"), "nl"),
        (Some("NL-be"), "nl"),
        (Some(" de "), "de"),
        (Some("de-AT"), "de"),
        (Some("de-CH-1996"), "de"),
        (Some("fr-CA"), "fr"),
        (Some("es-419"), "es"),
        (Some("en-GB"), "en"),
        (Some("pt-BR"), "en"),
        (Some("it"), "en"),
        (Some("zh-Hant-TW"), "en"),
        (Some(""), "en"),
        (Some("-"), "en"),
        (Some("n"), "en"),
        (Some("nld"), "en"),
        (Some(&long), "en"),
    ];
    for (requested, expected) in table {
        assert_eq!(content.resolve_locale(*requested), *expected, "{requested:?}");
    }
    assert_eq!(content.messages("fr-BE").locale, "fr");
    assert_eq!(content.messages("xx").locale, "en");
}

// --- helplines -------------------------------------------------------------------

#[test]
fn helplines_by_country_then_worldwide() {
    let content = embedded();
    let worldwide = ["troubled-desire", "redirection"];
    let table: &[(Option<&str>, &str, &[&str])] = &[
        (Some("GB"), "en", &["stop-it-now-uk-ie"]),
        (Some("IE"), "en", &["stop-it-now-uk-ie"]),
        (Some("NL"), "nl", &["stop-it-now-nl"]),
        (Some("BE"), "fr", &["stop-it-now-bruxelles"]),
        (Some("BE"), "nl", &["stop-it-now-bruxelles"]),
        (Some("US"), "en", &["stop-it-now-us"]),
        (Some("AU"), "en", &["stop-it-now-au"]),
        (Some("DE"), "de", &["kein-taeter-werden"]),
        (Some("gb"), "en", &["stop-it-now-uk-ie"]),
        (Some("UK"), "en", &["stop-it-now-uk-ie"]),
        (Some(" nl "), "en", &["stop-it-now-nl"]),
        (None, "en", &[]),
        (Some("ZZ"), "en", &[]),
        (Some("*"), "en", &[]),
        (Some(""), "en", &[]),
        (Some("GBR"), "en", &[]),
    ];
    for (country, locale, local) in table {
        let mut expected: Vec<&str> = local.to_vec();
        expected.extend(worldwide);
        assert_eq!(ids(&content.helplines(*country, locale)), expected, "{country:?} {locale}");
    }
}

#[test]
fn services_in_the_readers_language_come_first() {
    let flemish = "\n[[helpline]]\nid = \"example-flemish-line\"\nname = \"Example line\"\noperator = \"Example\"\nkind = \"helpline\"\ncountries = [\"BE\"]\nlanguages = [\"nl\"]\nurl = \"https://example.org\"\nsource = \"https://example.org\"\nlast_verified = \"2026-01-01\"\nverified_how = \"test fixture\"\n\n[helpline.confidentiality]\nen = \"Test fixture.\"\n";
    let dutch_worldwide = flemish
        .replace("example-flemish-line", "example-worldwide-nl")
        .replace("countries = [\"BE\"]", "countries = [\"*\"]")
        .replace("kind = \"helpline\"", "kind = \"self-help\"");
    let overlay = Overlay::new("language-order");
    overlay.write("helplines.toml", &format!("{}{flemish}{dutch_worldwide}", directory()));
    let content = overlay.load().unwrap();
    assert_eq!(
        ids(&content.helplines(Some("BE"), "nl-BE")),
        ["example-flemish-line", "stop-it-now-bruxelles", "example-worldwide-nl", "troubled-desire", "redirection"]
    );
    assert_eq!(
        ids(&content.helplines(Some("BE"), "fr")),
        ["stop-it-now-bruxelles", "example-flemish-line", "troubled-desire", "redirection", "example-worldwide-nl"]
    );
    assert_eq!(ids(&content.self_help(Some("BE"), "nl")), ["example-worldwide-nl", "troubled-desire", "redirection"]);
}

#[test]
fn hours_and_confidentiality_fall_back_to_english() {
    let content = embedded();
    let uk = content.helpline("stop-it-now-uk-ie").unwrap();
    let view = |locale: &str| content.helplines(Some("GB"), locale).into_iter().next().unwrap();

    let nl = view("nl-BE");
    assert_eq!(nl.hours.as_deref(), uk.hours.as_ref().and_then(|h| h.get("nl")).map(String::as_str));
    assert_eq!(nl.confidentiality, uk.confidentiality["nl"]);

    let it = view("it");
    assert_eq!(it.hours.as_deref(), uk.hours.as_ref().and_then(|h| h.get("en")).map(String::as_str));
    assert_eq!(it.confidentiality, uk.confidentiality["en"]);
    assert!(it.hours.as_deref().is_some_and(|h| h.starts_with("Mon–Thu")));

    let us = content.helplines(Some("US"), "de").into_iter().next().unwrap();
    assert_eq!(us.hours, None, "no hours in the directory, none shown");
    assert_eq!(us.confidentiality, content.helpline("stop-it-now-us").unwrap().confidentiality["de"]);

    // An entry whose texts are English only shows English in every locale.
    let overlay = Overlay::new("english-only");
    let file = edit(
        &directory(),
        "nl = \"ma–do 9:00–21:00, vr 9:00–17:00 (Britse tijd). Kijk op de website voor de actuele tijden.\"\n",
        "",
    );
    overlay.write("helplines.toml", &file);
    let content = overlay.load().unwrap();
    let nl = content.helplines(Some("GB"), "nl").into_iter().next().unwrap();
    assert_eq!(nl.hours.as_deref(), uk.hours.as_ref().and_then(|h| h.get("en")).map(String::as_str));
}

#[test]
fn helpline_views_serialise_with_every_field() {
    let content = embedded();
    let view = content.helplines(Some("BE"), "fr").into_iter().next().unwrap();
    let json = serde_json::to_value(&view).unwrap();
    assert_eq!(json["id"], "stop-it-now-bruxelles");
    assert_eq!(json["kind"], "helpline");
    assert_eq!(json["email"], "contact@stopitnow.brussels");
    assert_eq!(json["chat_url"], serde_json::Value::Null);
    assert_eq!(json["worldwide"], false);
    assert!(json["hours"].as_str().is_some_and(|h| h.starts_with("Téléphone")));
    let keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
    let mut expected = [
        "id",
        "name",
        "operator",
        "kind",
        "phone",
        "url",
        "chat_url",
        "email",
        "hours",
        "languages",
        "confidentiality",
        "worldwide",
    ];
    expected.sort_unstable();
    assert_eq!(keys, expected);
    let td = content.helplines(None, "en").into_iter().next().unwrap();
    assert_eq!(serde_json::to_value(&td).unwrap()["kind"], "self-help");
    assert!(td.worldwide);
    assert_eq!(content.helpline("no-such-service"), None);
}

// --- chat ------------------------------------------------------------------------

/// Walks every path of the flow from its start; returns the end kinds reached.
fn walk_all(content: &Content, locale: &str) -> BTreeSet<&'static str> {
    let start = content.chat_start("reach-out", locale).unwrap();
    let mut ends = BTreeSet::new();
    let mut stack = vec![start];
    let mut steps = 0;
    while let Some(step) = stack.pop() {
        steps += 1;
        assert!(steps < 10_000, "the walk does not end");
        assert!(!step.say.is_empty());
        match step.end {
            Some(end) => {
                assert!(step.choices.is_empty());
                ends.insert(end.as_str());
            }
            None => {
                assert!(!step.choices.is_empty());
                for choice in &step.choices {
                    let next = content.chat_step("reach-out", locale, &step.node, &choice.id).unwrap();
                    assert_eq!(next.node, choice.id, "a choice's id is the node it leads to");
                    stack.push(next);
                }
            }
        }
    }
    ends
}

#[test]
fn every_chat_path_ends_and_every_end_kind_is_reachable() {
    let content = embedded();
    for locale in ["en", "nl"] {
        assert_eq!(walk_all(&content, locale), BTreeSet::from(["helplines", "leave", "self-help"]), "{locale}");
    }
}

#[test]
fn chat_walks_to_each_end_kind() {
    let content = embedded();
    let start = content.chat_start("reach-out", "en").unwrap();
    assert_eq!(start.node, "start");
    assert_eq!(start.locale, "en");
    assert_eq!(start.end, None);
    let choice_ids: Vec<&str> = start.choices.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(choice_ids, ["why", "talk", "self-help", "leave"]);

    let path = ["why", "law", "harm", "not-alone", "talk"];
    let mut node = "start".to_owned();
    let mut last = None;
    for choice in path {
        let step = content.chat_step("reach-out", "nl", &node, choice).unwrap();
        assert_eq!(step.locale, "nl");
        node = step.node.clone();
        last = Some(step);
    }
    assert_eq!(last.and_then(|s| s.end), Some(EndKind::Helplines));
    assert_eq!(content.chat_step("reach-out", "en", "start", "self-help").unwrap().end, Some(EndKind::SelfHelp));
    let leave = content.chat_step("reach-out", "en", "not-alone", "leave").unwrap();
    assert_eq!(leave.end, Some(EndKind::Leave));
    let json = serde_json::to_value(content.chat_step("reach-out", "en", "start", "self-help").unwrap()).unwrap();
    assert_eq!(json["end"], "self-help");
    assert_eq!(json["flow"], "reach-out");
    assert_eq!(json["choices"], serde_json::json!([]));
    assert_eq!(
        serde_json::to_value(&start).unwrap()["choices"][0],
        serde_json::json!({"id": "why", "label": "Why am I seeing this?"})
    );
}

#[test]
fn chat_falls_back_to_english_and_accepts_region_tags() {
    let content = embedded();
    assert_eq!(content.chat_start("reach-out", "de").unwrap().locale, "en");
    assert_eq!(content.chat_start("reach-out", "nl-BE").unwrap().locale, "nl");
    assert_eq!(content.chat_step("reach-out", "fr", "start", "why").unwrap().locale, "en");
    assert_eq!(content.chat_start("no-such-flow", "en"), None);
}

#[test]
fn chat_errors_name_the_mistake() {
    let content = embedded();
    assert_eq!(content.chat_step("no-such-flow", "en", "start", "why"), Err(ChatError::UnknownFlow));
    assert_eq!(content.chat_step("reach-out", "en", "no-such-node", "why"), Err(ChatError::UnknownNode));
    assert_eq!(
        content.chat_step("reach-out", "en", "start", "law"),
        Err(ChatError::ChoiceNotOffered),
        "law is not a button of start"
    );
    assert_eq!(content.chat_step("reach-out", "en", "start", "start"), Err(ChatError::ChoiceNotOffered));
    assert_eq!(
        content.chat_step("reach-out", "en", "talk", "leave"),
        Err(ChatError::ChoiceNotOffered),
        "a terminal has no buttons"
    );
    assert_eq!(content.chat_step("reach-out", "en", "start", ""), Err(ChatError::ChoiceNotOffered));
    assert_eq!(ChatError::ChoiceNotOffered.code(), "choice_not_offered");
    assert!(!ChatError::UnknownNode.to_string().contains("no-such-node"));
}

// --- warning ---------------------------------------------------------------------

#[test]
fn warning_has_the_variant_text_helplines_and_chat_start() {
    let content = embedded();
    for variant in content.variants() {
        for locale in content.locales() {
            let warning = content.warning(&variant.id, locale, Some("GB"));
            let messages = content.messages(locale);
            assert_eq!(warning.variant, variant.id);
            assert_eq!(warning.theme, variant.theme);
            assert_eq!(warning.locale, locale);
            assert_eq!(warning.title, messages.variants[&*variant.id].title);
            assert_eq!(warning.body, messages.variants[&*variant.id].body);
            assert_eq!(warning.ui, messages.ui);
            assert_eq!(ids(&warning.helplines), ["stop-it-now-uk-ie", "troubled-desire", "redirection"]);
            let chat = warning.chatbot.unwrap();
            assert_eq!(chat.node, "start");
            assert_eq!(chat.locale, if locale == "nl" { "nl" } else { "en" });
        }
    }
}

#[test]
fn warning_resolves_locale_and_survives_an_unknown_variant() {
    let content = embedded();
    let warning = content.warning("help-to-stop", "de-CH", Some("de"));
    assert_eq!(warning.locale, "de");
    assert_eq!(warning.theme, Theme::HelpSeeking);
    assert_eq!(ids(&warning.helplines), ["kein-taeter-werden", "troubled-desire", "redirection"]);
    assert_eq!(
        warning.helplines[0].confidentiality,
        content.helpline("kein-taeter-werden").unwrap().confidentiality["de"]
    );

    let fallback = content.warning("removed-variant", "xx", None);
    assert_eq!(&*fallback.variant, "illegal-and-harmful");
    assert_eq!(fallback.locale, "en");
    assert_eq!(fallback.title, "Sexual images of children are illegal");

    let json = serde_json::to_value(&warning).unwrap();
    assert_eq!(json["variant"], "help-to-stop");
    assert_eq!(json["theme"], "help-seeking");
    assert_eq!(json["ui"]["leave"], content.messages("de").ui.leave);
    assert_eq!(json["chatbot"]["node"], "start");
}
