//! One table per evasion class: each disguise of a listed (fictional) term
//! must still match.

use crate::helpers::{DEMO, assert_table, matcher};

#[test]
fn exact_words_and_phrases() {
    assert_table(
        &DEMO,
        &[
            ("zorvik", true),
            ("where to find zorvik now", true),
            ("plim plom", true),
            ("the plim plom show", true),
            ("plim, plom", true),
        ],
    );
}

#[test]
fn case() {
    assert_table(&DEMO, &[("ZORVIK", true), ("ZoRvIk", true), ("Plim PLOM", true)]);
}

#[test]
fn compatibility_forms() {
    assert_table(
        &DEMO,
        &[
            ("ｚｏｒｖｉｋ", true),
            ("𝐳𝐨𝐫𝐯𝐢𝐤", true),
            ("𝔷𝔬𝔯𝔳𝔦𝔨", true),
            ("𝕫𝕠𝕣𝕧𝕚𝕜", true),
            ("ⓩⓞⓡⓥⓘⓚ", true),
            ("ᶻᵒʳᵛⁱᵏ", true),
            ("⒵⒪⒭⒱⒤⒦", true),
        ],
    );
}

#[test]
fn diacritics() {
    assert_table(&DEMO, &[("žörvïk", true), ("zórvík", true), ("z̷o̷r̷v̷i̷k̷", true), ("ẑȯṙṽïḱ", true)]);
}

#[test]
fn homoglyphs_from_other_scripts() {
    assert_table(
        &DEMO,
        &[
            ("zоrvik", true),    // Cyrillic о
            ("zorvіk", true),    // Cyrillic і
            ("ΖΟRVΙΚ", true),    // Greek capitals
            ("blеmquаt", true),  // Cyrillic е, а
            ("ꓪꓴꓜꓜꓡꓰꓝꓰꓖ", true), // Lisu letters only
            // Look-alikes whose UTS #39 prototype is not ASCII.
            ("ωuzzlefeg", true), // Greek omega for w
            ("veχolith", true),  // Greek chi for x
            ("sпorgle", true),   // Cyrillic pe for n
            ("bleмquat", true),  // Cyrillic em for m
            ("ΩUZZLEFEG", true), // capitals read as their small letters
        ],
    );
}

#[test]
fn digits_and_symbols_for_letters() {
    assert_table(
        &DEMO,
        &[
            ("z0rvik", true),
            ("z0rv1k", true),
            ("bl3mqu4t", true),
            ("gl1mf3n", true),
            ("snorg|e", true),
            ("$norgle", true),
            ("blemqu@t", true),
            ("vex0l1th", true),
            ("qu0rz3l", true),
        ],
    );
}

#[test]
fn separators_between_letters() {
    assert_table(
        &DEMO,
        &[
            ("z.o.r.v.i.k", true),
            ("z-o-r-v-i-k", true),
            ("z o r v i k", true),
            ("z.o r-v_i k", true),
            ("z*o*r*v*i*k", true),
            ("find z o r v i k here", true),
            ("z/o/r/v/i/k", true),
        ],
    );
}

#[test]
fn repeated_letters() {
    assert_table(
        &DEMO,
        &[
            ("zoooorvik", true),
            ("zzzorvikkk", true),
            ("zorrvik", true),
            ("blemmmquat", true),
            ("zorro quank", true),
            ("zorrrro quank", true),
            // An innocent spelling with fewer letters than the term never matches.
            ("zoro quank", false),
        ],
    );
}

#[test]
fn invisible_characters() {
    assert_table(
        &DEMO,
        &[
            ("zor\u{200b}vik", true),
            ("z\u{200c}o\u{200d}r\u{2060}v\u{feff}ik", true),
            ("zor\u{ad}vik", true),
            ("zorv\u{034f}ik", true),
            ("\u{202e}zorvik", true),
        ],
    );
}

#[test]
fn emoji_letters() {
    assert_table(&DEMO, &[("🇿🇴🇷🇻🇮🇰", true), ("🅉🄾🅁🅅🄸🄺", true), ("🆉🅾🆁🆅🅸🅺", true), ("zorvik🔥🔥", true)]);
}

#[test]
fn phrases_joined_or_punctuated() {
    assert_table(
        &DEMO,
        &[
            ("plimplom", true),
            ("PlimPlom", true),
            ("plim_plom", true),
            ("plim-plom", true),
            ("plim.plom", true),
            ("#plimplom", true),
            ("plim  ,  plom", true),
        ],
    );
}

#[test]
fn inflections() {
    assert_table(
        &DEMO,
        &[
            ("zorviks", true),
            ("zorvikz", true),
            ("zorvikes", true),
            ("zorviking", true),
            ("zorviker", true),
            ("zorvikers", true),
            ("snorgling", true),
            ("snorgler", true),
            ("plim ploms", true),
            ("zorvikity", false),
            ("zorvikian", false),
        ],
    );
}

#[test]
fn non_latin_scripts() {
    assert_table(
        &DEMO,
        &[
            ("звирдак", true),
            ("ЗВИРДАК", true),
            ("где звирдак", true),
            ("ξαμπρολ", true),
            ("ΞΑΜΠΡΌΛ", true),
            ("ظفنقوش", true),
            ("ظَفْنَقُوش", true),
            ("我想看霧鳥麺的视频", true),
            ("これはぷるもけです", true),
            ("звирдаковый", false),
        ],
    );
}

#[test]
fn prefix_suffix_substring_and_regex() {
    assert_table(
        &DEMO,
        &[
            ("klorb", true),
            ("klorbish", true),
            ("reklorb", false),
            ("greenquatline", true),
            ("quatlines", false),
            ("aaxq7ztbb", true),
            ("flibert", true),
            ("flibbbbert", true),
            ("fliberty", false),
        ],
    );
}

#[test]
fn one_typo_on_long_words() {
    assert_table(
        &DEMO,
        &[
            ("snorgleplex", true),
            ("snorgleplax", true),
            ("snorglpelex", true),
            ("snorgleplx", true),
            ("snorgleplexx", true),
            ("trumblewik", true),
            ("trumblewick", true),
            ("snorgleplaxes", false),
            ("snrogleplax", false),
        ],
    );
}

#[test]
fn word_order_free_phrases() {
    assert_table(&DEMO, &[("plix plox", true), ("plox plix", true), ("plox and then plix", true), ("plix", false)]);
}

#[test]
fn co_occurrence_rules_and_ages() {
    assert_table(
        &DEMO,
        &[
            ("12yo glorp", true),
            ("glorp 12 y/o", true),
            ("glorp, 12-year-old", true),
            ("snarfle 9 years old", true),
            ("snarfle 15 Jahre", true),
            ("glorp 30yo", false),
            ("twelve year old glorp", true),
            ("glorp, a Thirteen-Year-Old", true),
            ("glorp zwölfjährige", true),
            ("snarfle douze ans", true),
            ("thirty five year old glorp", false),
            ("glorp treinta y cinco años", false),
            ("twelve glorps", false),
            ("21.5 year old glorp", false),
            ("glorp 18,5 Jahre", false),
            ("35.5 yo glorp", false),
            ("thirty-5 year old glorp", false),
            ("twenty 5 year old glorp", false),
            ("1,012 year old glorp", false),
            ("glorp. 12yo", true),
            ("glorp, 12 yo", true),
            ("10-12 year old glorp", true),
            ("glorp", false),
            ("12yo", false),
            ("wibbly snarfle", true),
            ("zonky glorp", true),
            ("wibbly", false),
        ],
    );
}

#[test]
fn allow_list_vetoes_only_inside_its_match() {
    assert_table(
        &DEMO,
        &[
            ("zorvik valley hotels", false),
            ("zorvik", true),
            ("zorvik valley zorvik", true),
            ("klorbane", false),
            ("klorbanes", false),
            ("klorbane klorbish", true),
        ],
    );
}

#[test]
fn combined_evasions() {
    assert_table(
        &DEMO,
        &[
            ("Z.0.R.V.1.K", true),
            ("ＺＯＯＯＲＶＩＫ", true),
            ("z0000rv1k", true),
            ("PLIM_pl0m", true),
            ("𝐳𝐨𝐫𝐯𝐢𝐤𝐬", true),
            // Letters spelled out one by one, each followed by punctuation,
            // digits among them.
            ("z- 0- r- v- 1- k", true),
            ("new z. 0. r. v. 1. k videos", true),
            // ... and some letters repeated.
            ("Z * OOOO * R * V * I * KKK", true),
            ("b- ll- e- mmm- q- u- 4- t", true),
        ],
    );
}

#[test]
fn digits_of_a_listed_code_are_matched_literally() {
    let codes = matcher("xk9q\n");
    assert_table(&codes, &[("xk9q", true), ("XK9Q", true), ("x.k.9.q", true), ("xkgq", false), ("xk9", false)]);
}

#[test]
fn spelled_out_letters_next_to_other_single_letters() {
    assert_table(
        &DEMO,
        &[
            ("a z o r v i k", true),
            ("z o r v i k s", true),
            ("i saw a z.o.r.v.i.k", true),
            ("a b c d e f", false),
            ("z o r v", false),
        ],
    );
}

#[test]
fn ambiguous_digits_read_differently_within_one_word() {
    // `1` stands for `i` in one place and `l` in another.
    let list = matcher("milliard\nhuflilk\n");
    assert_table(&list, &[("m1ll1ard", true), ("m1111ard", true), ("hufl11k", true), ("hufi11k", false)]);
    // The same inside a phrase: the word in each mix stands beside the
    // phrase's other words, themselves disguised or not.
    let phrases = matcher("plover hufilk\nwixtra wylkmi\n");
    assert_table(
        &phrases,
        &[
            ("plover huf11k", true),
            ("pl0ver huf11k now", true),
            ("pl0ver hu11lk", false),
            ("wixtr4 wy1km1", true),
            ("wy1km1 wixtr4", false),
            ("wixtr4 then wy1km1", false),
        ],
    );
}

#[test]
fn digits_spelled_out_between_spaces() {
    assert_table(&DEMO, &[("z 0 r v 1 k", true), ("b l 3 m q u 4 t", true), ("g l ! m f 3 n", true)]);
}

#[test]
fn lowercase_kappa_and_ka_read_as_k() {
    // Greek κ and Cyrillic к inside a Latin word.
    assert_table(&DEMO, &[("zorviκ", true), ("zorviк", true)]);
}

#[test]
fn latin_lookalikes_with_strokes_hooks_and_small_capitals() {
    assert_table(
        &DEMO,
        &[("zørvik", true), ("ƶorviƙ", true), ("ʐorʋik", true), ("ᴢᴏʀᴠɪᴋ", true), ("zɔrvɨk", true), ("ƶɵɍvɨƙ", true)],
    );
    let list = matcher("drabnitz\n");
    // Eth is a letter of its own, not a d with a stroke.
    assert_table(&list, &[("đɍaƀnɨŧz", true), ("ɗɾabnitz", true), ("ðrabnitz", false)]);
}

#[test]
fn glued_to_ordinary_words() {
    assert_table(
        &DEMO,
        &[
            ("bestzorvik", true),
            ("zorvikvideos", true),
            ("freezorvikdownload", true),
            ("BestZorvikVideos", true),
            ("#zorvikfun", true),
            ("#ZorvikFun", true),
            ("zorvikxqwj", false),
        ],
    );
    // A compound of words of one language is a new word of that language,
    // not an entry glued (`gods|transporten`, `skole|problemer`); rare words
    // of different languages are only a word list's long tail (`cerv` is
    // Czech, `govi` Italian, `deos` Portuguese), and an entry inside a
    // longer word of the token reads that word (`construirait`).
    let list = matcher("dstra\nolepr\nnstru\ncervgo\nlauvvram\n");
    assert_table(
        &list,
        &[
            ("godstransporten", false),
            ("skoleproblemer", false),
            ("déconstruirait", false),
            ("megacervgovideos", true),
            ("cervgovideos", true),
            ("lauvvramnews", true),
        ],
    );
}

#[test]
fn camel_case_capitals_are_word_breaks() {
    // A four-letter entry is too short to be found glued; between capitals
    // it is a whole word. Capitals only: lowercase and shouted text stay
    // one word, and the capitals must fall on the entry's edges. (`koskre`
    // is found glued to `news` in lower case too: `kosk|renews`, Turkish
    // and English, is no compound.)
    let list = matcher("quib\nkoskre\ntalhar\ncooki\n");
    assert_table(
        &list,
        &[
            ("KoskreNews", true),
            ("QuibClub", true),
            ("#QuibHD", true),
            ("LiveQuibOnline", true),
            ("koskrenews", true),
            ("quibclub", false),
            ("QUIBCLUB", false),
            ("DigitalHarbor", false),
            ("QuibbleClub", false),
            // A word between capitals is guarded like any word: the entry's
            // inflection may not read an ordinary word.
            ("BestCookiVideos", true),
            ("BestCookiesVideos", false),
            ("nextCookies", false),
        ],
    );
}

#[test]
fn split_in_two_by_a_space() {
    assert_table(&DEMO, &[("zor vik", true), ("find zorv ik now", true), ("vexo lith", true), ("zor vik plom", true)]);
    assert_table(&DEMO, &[("zo rvik", true), ("zorvi ks", false)]);
    // A piece of two letters beside a common word is read across the space
    // unless both are common words of one language; one letter never is.
    let list = matcher("housezq\nhouseof\ndotego\nacasa\n");
    assert_table(
        &list,
        &[("house zq", true), ("the house zq", true), ("house of", false), ("do tego", false), ("a casa", false)],
    );
}

#[test]
fn several_digits_together() {
    assert_table(&DEMO, &[("20rv1k", true), ("v3x011+h", true), ("8l3mqu4+", true), ("2074", false), ("x264", false)]);
}

#[test]
fn one_inner_letter_masked() {
    assert_table(
        &DEMO,
        &[("vex*lith", true), ("vexol#th", true), ("v_xolith", true), ("wuzzlef*g", true), ("zorv*k", false)],
    );
}

#[test]
fn transliteration_both_ways() {
    // A Cyrillic entry written in Latin letters, under several schemes
    // (BGN/PCGN, ISO 9 and scholarly with háčeks, informal, GOST 7.79 B).
    let cyrillic = matcher("щахюрка\nжуфлак\n");
    assert_table(
        &cyrillic,
        &[
            ("shchakhyurka", true),
            ("sahurka", true),
            ("scaxjurka", true),
            ("schahyurka", true),
            ("shhaxyurka", true),
            ("ščaxjurka", true),
            ("zhuflak", true),
            ("juflak", true),
            ("zuflak", true),
        ],
    );
    // A Latin entry written in Cyrillic letters by sound.
    assert_table(&DEMO, &[("зорвик", true), ("купить зорвик", true), ("вексолит", true), ("зорбик", false)]);
}
