"""Unicode tables for the disguise classes (hand written from Unicode charts).

Every table is validated at import time by `validate()` in generate.py
(e.g. compatibility forms must NFKC-normalise back to the ASCII letter,
stroke letters must NOT decompose).
"""

# --- Set A: homoglyphs (other-script look-alikes) -----------------------------------------
HOMO_LOWER = {
    "a": ["\u0430", "\u03b1"],            # Cyrillic a, Greek alpha
    "b": ["\u042c"],                      # Cyrillic capital soft sign (b-like)
    "c": ["\u0441"],                      # Cyrillic es
    "d": ["\u0501"],                      # Cyrillic komi de
    "e": ["\u0435", "\u04bd"],            # Cyrillic ie, abkhasian che
    "g": ["\u0581"],                      # Armenian co
    "h": ["\u04bb", "\u0570"],            # Cyrillic shha, Armenian ho
    "i": ["\u0456", "\u03b9"],            # Cyrillic/Ukrainian i, Greek iota
    "j": ["\u0458", "\u03f3"],            # Cyrillic je, Greek yot
    "k": ["\u043a", "\u03ba"],            # Cyrillic ka, Greek kappa
    "l": ["\u04cf", "\u01c0"],            # Cyrillic palochka, Latin dental click
    "m": ["\u043c"],                      # Cyrillic em
    "n": ["\u0578", "\u043f"],            # Armenian vo, Cyrillic pe
    "o": ["\u043e", "\u03bf", "\u0585"],  # Cyrillic o, Greek omicron, Armenian oh
    "p": ["\u0440", "\u03c1"],            # Cyrillic er, Greek rho
    "q": ["\u051b", "\u0566"],            # Cyrillic qa, Armenian za
    "r": ["\u0433"],                      # Cyrillic ghe
    "s": ["\u0455"],                      # Cyrillic dze
    "t": ["\u03c4", "\u0442"],            # Greek tau, Cyrillic te
    "u": ["\u03c5", "\u057d"],            # Greek upsilon, Armenian seh
    "v": ["\u03bd", "\u0475"],            # Greek nu, Cyrillic izhitsa
    "w": ["\u051d", "\u03c9"],            # Cyrillic we, Greek omega
    "x": ["\u0445", "\u03c7"],            # Cyrillic ha, Greek chi
    "y": ["\u0443", "\u03b3"],            # Cyrillic u, Greek gamma
}
HOMO_UPPER = {
    "A": ["\u0410", "\u0391"], "B": ["\u0412", "\u0392"], "C": ["\u0421", "\u13df"],
    "D": ["\u13a0"], "E": ["\u0415", "\u0395"], "F": ["\u03dc"], "G": ["\u050c"],
    "H": ["\u041d", "\u0397"], "I": ["\u0406", "\u0399"], "J": ["\u0408"],
    "K": ["\u041a", "\u039a"], "L": ["\u13de"], "M": ["\u041c", "\u039c"], "N": ["\u039d"],
    "O": ["\u041e", "\u039f"], "P": ["\u0420", "\u03a1"], "Q": ["\u051a"], "R": ["\u13a1"],
    "S": ["\u0405"], "T": ["\u0422", "\u03a4"], "U": ["\u054d"], "V": ["\u0474"],
    "W": ["\u051c"], "X": ["\u0425", "\u03a7"], "Y": ["\u04ae", "\u03a5"], "Z": ["\u0396"],
}

# --- Set B: Latin look-alikes with strokes/hooks, small capitals, IPA letters ---------------
STROKES = {
    "a": ["\u0251", "\u1d00", "\u2c65"],       # ɑ ᴀ ⱥ
    "b": ["\u0180", "\u0299", "\u0253"],       # ƀ ʙ ɓ
    "c": ["\u023c", "\u1d04", "\u0188"],       # ȼ ᴄ ƈ
    "d": ["\u0111", "\u0257", "\u1d05"],       # đ ɗ ᴅ
    "e": ["\u0247", "\u1d07", "\u025b"],       # ɇ ᴇ ɛ
    "f": ["\u0192", "\ua730"],                 # ƒ ꜰ
    "g": ["\u01e5", "\u0262", "\u0260"],       # ǥ ɢ ɠ
    "h": ["\u0127", "\u029c", "\u0266"],       # ħ ʜ ɦ
    "i": ["\u0268", "\u026a", "\u0269"],       # ɨ ɪ ɩ
    "j": ["\u0249", "\u1d0a", "\u029d"],       # ɉ ᴊ ʝ
    "k": ["\u0199", "\u1d0b", "\ua741"],       # ƙ ᴋ ꝁ
    "l": ["\u0142", "\u029f", "\u019a"],       # ł ʟ ƚ
    "m": ["\u1d0d", "\u0271"],                 # ᴍ ɱ
    "n": ["\u0274", "\u019e", "\u0272"],       # ɴ ƞ ɲ
    "o": ["\u00f8", "\u1d0f", "\u0254", "\u0275"],  # ø ᴏ ɔ ɵ
    "p": ["\u1d18", "\u01a5", "\u1d7d"],       # ᴘ ƥ ᵽ
    "q": ["\u024b", "\u02a0"],                 # ɋ ʠ
    "r": ["\u024d", "\u0280", "\u027d"],       # ɍ ʀ ɽ
    "s": ["\ua731", "\u0282", "\u023f"],       # ꜱ ʂ ȿ
    "t": ["\u0167", "\u1d1b", "\u01ad"],       # ŧ ᴛ ƭ
    "u": ["\u0289", "\u1d1c"],                 # ʉ ᴜ
    "v": ["\u1d20", "\u028b"],                 # ᴠ ʋ
    "w": ["\u1d21", "\u2c73"],                 # ᴡ ⱳ
    "x": ["\u1d8d"],                           # ᶍ
    "y": ["\u024f", "\u028f", "\u01b4"],       # ɏ ʏ ƴ
    "z": ["\u01b6", "\u1d22", "\u0225"],       # ƶ ᴢ ȥ
}
SMALL_CAPS = {k: v[1] for k, v in STROKES.items() if len(v) > 1 and k not in "qx"}
SMALL_CAPS.update({"a": "\u1d00", "b": "\u0299", "c": "\u1d04", "d": "\u1d05", "e": "\u1d07",
                   "f": "\ua730", "g": "\u0262", "h": "\u029c", "i": "\u026a", "j": "\u1d0a",
                   "k": "\u1d0b", "l": "\u029f", "m": "\u1d0d", "n": "\u0274", "o": "\u1d0f",
                   "p": "\u1d18", "r": "\u0280", "s": "\ua731", "t": "\u1d1b", "u": "\u1d1c",
                   "v": "\u1d20", "w": "\u1d21", "y": "\u028f", "z": "\u1d22"})

# --- Set A: compatibility forms ----------------------------------------------------------------
# style: (lower a, upper A, digit 0, exceptions)
MATH_STYLES = {
    "fullwidth": (0xFF41, 0xFF21, 0xFF10, {}),
    "bold": (0x1D41A, 0x1D400, 0x1D7CE, {}),
    "italic": (0x1D44E, 0x1D434, None, {"h": "\u210e"}),
    "bold-italic": (0x1D482, 0x1D468, None, {}),
    "script": (0x1D4B6, 0x1D49C, None, {"e": "\u212f", "g": "\u210a", "o": "\u2134", "B": "\u212c",
                                         "E": "\u2130", "F": "\u2131", "H": "\u210b", "I": "\u2110",
                                         "L": "\u2112", "M": "\u2133", "R": "\u211b"}),
    "bold-script": (0x1D4EA, 0x1D4D0, None, {}),
    "fraktur": (0x1D51E, 0x1D504, None, {"C": "\u212d", "H": "\u210c", "I": "\u2111", "R": "\u211c",
                                          "Z": "\u2128"}),
    "bold-fraktur": (0x1D586, 0x1D56C, None, {}),
    "double-struck": (0x1D552, 0x1D538, 0x1D7D8, {"C": "\u2102", "H": "\u210d", "N": "\u2115",
                                                   "P": "\u2119", "Q": "\u211a", "R": "\u211d",
                                                   "Z": "\u2124"}),
    "sans": (0x1D5BA, 0x1D5A0, 0x1D7E2, {}),
    "sans-bold": (0x1D5EE, 0x1D5D4, 0x1D7EC, {}),
    "sans-italic": (0x1D622, 0x1D608, None, {}),
    "monospace": (0x1D68A, 0x1D670, 0x1D7F6, {}),
    "circled": (0x24D0, 0x24B6, None, {}),
    "parenthesized": (0x249C, None, None, {}),
    "squared": (None, 0x1F130, None, {}),
}
SUPERSCRIPT = {
    "a": "\u1d43", "b": "\u1d47", "c": "\u1d9c", "d": "\u1d48", "e": "\u1d49", "f": "\u1da0",
    "g": "\u1d4d", "h": "\u02b0", "i": "\u2071", "j": "\u02b2", "k": "\u1d4f", "l": "\u02e1",
    "m": "\u1d50", "n": "\u207f", "o": "\u1d52", "p": "\u1d56", "r": "\u02b3", "s": "\u02e2",
    "t": "\u1d57", "u": "\u1d58", "v": "\u1d5b", "w": "\u02b7", "x": "\u02e3", "y": "\u02b8",
    "z": "\u1dbb",
    "0": "\u2070", "1": "\u00b9", "2": "\u00b2", "3": "\u00b3", "4": "\u2074", "5": "\u2075",
    "6": "\u2076", "7": "\u2077", "8": "\u2078", "9": "\u2079",
}
SUBSCRIPT = {
    "a": "\u2090", "e": "\u2091", "o": "\u2092", "x": "\u2093", "h": "\u2095", "k": "\u2096",
    "l": "\u2097", "m": "\u2098", "n": "\u2099", "p": "\u209a", "s": "\u209b", "t": "\u209c",
    "i": "\u1d62", "r": "\u1d63", "u": "\u1d64", "v": "\u1d65", "j": "\u2c7c",
}
CIRCLED_DIGITS = {"0": "\u24ea", **{str(d): chr(0x2460 + d - 1) for d in range(1, 10)}}
PAREN_DIGITS = {str(d): chr(0x2474 + d - 1) for d in range(1, 10)}

# --- Set A: diacritics ---------------------------------------------------------------------------
PRECOMPOSED = {
    "a": "áàâäãåāăą", "b": "ḃ", "c": "çćčĉċ", "d": "ďḋ", "e": "éèêëēėęěĕ", "f": "ḟ", "g": "ğģĝġ",
    "h": "ĥḣ", "i": "íìîïīįĭ", "j": "ĵ", "k": "ķḱ", "l": "ĺľļ", "m": "ṁḿ", "n": "ñńňņṅ",
    "o": "óòôöõōőŏ", "p": "ṗṕ", "r": "ŕřŗ", "s": "śšşŝș", "t": "ťţțṫ", "u": "úùûüūůűųŭ",
    "v": "ṽ", "w": "ŵẃẁẅ", "x": "ẋẍ", "y": "ýÿŷỳ", "z": "źżž",
}
COMBINING = ["\u0301", "\u0300", "\u0302", "\u0308", "\u0303", "\u030a", "\u0327", "\u030c",
             "\u0304", "\u0306", "\u0323", "\u0331", "\u0328", "\u0307", "\u030b"]
ARABIC_HARAKAT = ["\u064e", "\u064f", "\u0650", "\u0652", "\u0651", "\u064b"]

# --- Set A: leet ---------------------------------------------------------------------------------
LEET = {"a": ["4", "@"], "b": ["8"], "e": ["3"], "g": ["9", "6"], "i": ["1", "!", "|"],
        "l": ["1", "|"], "o": ["0"], "s": ["5", "$"], "t": ["7", "+"], "z": ["2"]}
LEET_SYMBOLS = set("@$!|+")

# --- Set A: separators / invisible --------------------------------------------------------------
SEPARATORS = [".", "-", " ", "_", "*", "/", ". ", " - ", "..", ":", ","]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff", "\u200e", "\u200f",
             "\u202a", "\u202c", "\u2066", "\u2069", "\u180e", "\u2063"]

# --- Set A: emoji letters -----------------------------------------------------------------------
def regional_indicator(c):
    return chr(0x1F1E6 + ord(c) - 97)


def negative_squared(c):
    return chr(0x1F170 + ord(c) - 97)


def negative_circled(c):
    return chr(0x1F150 + ord(c) - 97)


# --- Set B: emoji / symbols between letters -------------------------------------------------------
EMOJI_BETWEEN = ["\u2728", "\u2764", "\u2764\ufe0f", "\u2605", "\u2606", "\u2022", "\u00b7", "~",
                 "\u2665", "\U0001f495", "\U0001f525", "\u273f", "\u2661", "\U0001f496", "\u2b50",
                 "\U0001f338", "\u266a", "\u2600", "\u2714", "\U0001f642", "\U0001f449\U0001f3fd",
                 "\u25c6", "\u2022 "]

# --- halfwidth katakana (built in generate.py from unicodedata) ---------------------------------

# --- Cyrillic transliteration schemes -----------------------------------------------------------
CYR_COMMON = dict(zip("абвгдезиклмнопрстуф",
                      ["a", "b", "v", "g", "d", "e", "z", "i", "k", "l", "m", "n", "o", "p", "r",
                       "s", "t", "u", "f"]))
CYR_SCHEMES = {
    "iso9": {"ё": "ë", "ж": "ž", "й": "j", "х": "h", "ц": "c", "ч": "č", "ш": "š", "щ": "ŝ",
             "ъ": "ʺ", "ы": "y", "ь": "ʹ", "э": "è", "ю": "û", "я": "â"},
    "gost-b": {"ё": "yo", "ж": "zh", "й": "j", "х": "x", "ц": "cz", "ч": "ch", "ш": "sh",
               "щ": "shh", "ъ": "``", "ы": "y'", "ь": "`", "э": "e`", "ю": "yu", "я": "ya"},
    "bgn": {"ё": "ë", "ж": "zh", "й": "y", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
            "ъ": "”", "ы": "y", "ь": "’", "э": "e", "ю": "yu", "я": "ya"},
    "scholarly": {"ё": "ë", "ж": "ž", "й": "j", "х": "x", "ц": "c", "ч": "č", "ш": "š", "щ": "šč",
                  "ъ": "ʺ", "ы": "y", "ь": "ʹ", "э": "è", "ю": "ju", "я": "ja"},
}
CHAT_OPTIONS = {"ё": ["e", "yo", "jo"], "ж": ["zh", "j", "z"], "й": ["y", "j", "i"],
                "х": ["h", "kh", "x"], "ц": ["ts", "c", "tz"], "ч": ["ch", "4"], "ш": ["sh", "w"],
                "щ": ["sch", "shch", "sh"], "ъ": ["", "'"], "ы": ["y", "i"], "ь": ["", "'"],
                "э": ["e"], "ю": ["yu", "ju", "iu"], "я": ["ya", "ja", "ia"]}
CYR_VOWELS = set("аеёиоуыэюя")

# Latin -> Cyrillic "by sound"
L2C_MULTI = [("shch", "щ"), ("sch", "щ"), ("sh", "ш"), ("ch", "ч"), ("zh", "ж"), ("kh", "х"),
             ("ts", "ц"), ("tz", "ц"), ("ya", "я"), ("yu", "ю"), ("yo", "ё"), ("ye", "е"),
             ("ph", "ф"), ("th", "т"), ("qu", "кв"), ("ck", "к")]
L2C_SINGLE = {"a": "а", "b": "б", "d": "д", "f": "ф", "g": "г", "i": "и", "k": "к", "l": "л",
              "m": "м", "n": "н", "o": "о", "p": "п", "q": "к", "r": "р", "s": "с", "t": "т",
              "u": "у", "v": "в", "z": "з"}
