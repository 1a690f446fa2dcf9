//! The languages analysed, each a tree-sitter grammar behind ast-grep-core's `Language`.

use std::borrow::Cow;
use std::fmt;

use ast_grep_core::matcher::PatternBuilder;
use ast_grep_core::tree_sitter::{LanguageExt, StrDoc, TSLanguage};
use ast_grep_core::{Language, Pattern, PatternError};

/// A language palisade's SAST rules are written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// Python 3.
    Python,
    /// JavaScript, including JSX and ES modules.
    JavaScript,
    /// TypeScript (`.ts`); JavaScript rules run on it too.
    TypeScript,
    /// TypeScript with JSX (`.tsx`); JavaScript rules run on it too.
    Tsx,
    /// C (C99 to C23, headers included).
    C,
}

/// Every language, in the order rule files and docs list them.
pub const ALL: &[Lang] = &[
    Lang::Python,
    Lang::JavaScript,
    Lang::TypeScript,
    Lang::Tsx,
    Lang::C,
];

impl Lang {
    /// The name rule files use (`language: python`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Python => "python",
            Self::JavaScript => "javascript",
            Self::TypeScript => "typescript",
            Self::Tsx => "tsx",
            Self::C => "c",
        }
    }

    /// The other languages a rule written for this one also runs on (its patterns are
    /// parsed again with their grammar): JavaScript rules run on TypeScript and TSX.
    pub fn also(self) -> &'static [Self] {
        match self {
            Self::JavaScript => &[Self::TypeScript, Self::Tsx],
            Self::TypeScript => &[Self::Tsx],
            _ => &[],
        }
    }

    /// The language a rule file names.
    pub fn from_name(name: &str) -> Option<Self> {
        ALL.iter().copied().find(|l| l.name() == name)
    }

    /// The language of a file, from its extension (case-insensitive).
    pub fn from_path(path: &str) -> Option<Self> {
        let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "py" | "pyw" | "pyi" => Some(Self::Python),
            "js" | "mjs" | "cjs" | "jsx" => Some(Self::JavaScript),
            "ts" | "mts" | "cts" => Some(Self::TypeScript),
            "tsx" => Some(Self::Tsx),
            "c" | "h" => Some(Self::C),
            _ => None,
        }
    }

    /// Node kinds that hold a sequence of statements (for `follows` and `precedes`).
    pub fn is_block(self, kind: &str) -> bool {
        match self {
            Self::Python => matches!(kind, "module" | "block"),
            Self::JavaScript | Self::TypeScript | Self::Tsx => matches!(
                kind,
                "program" | "statement_block" | "switch_case" | "switch_default" | "class_body"
            ),
            Self::C => matches!(
                kind,
                "translation_unit" | "compound_statement" | "case_statement"
            ),
        }
    }

    /// The comment that starts a line comment, for fixture annotations.
    pub fn line_comment(self) -> &'static str {
        match self {
            Self::Python => "#",
            Self::JavaScript | Self::TypeScript | Self::Tsx | Self::C => "//",
        }
    }

    /// The extension of this language's rule fixtures.
    pub fn fixture_extension(self) -> &'static str {
        match self {
            Self::Python => "py",
            Self::JavaScript => "js",
            Self::TypeScript => "ts",
            Self::Tsx => "tsx",
            Self::C => "c",
        }
    }

    /// Where `$` cannot start an identifier, metavariables are written with this letter
    /// while the pattern is parsed (the rule author still writes `$X`).
    fn expando(self) -> char {
        match self {
            Self::JavaScript | Self::TypeScript | Self::Tsx => '$',
            Self::Python | Self::C => 'µ',
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Language for Lang {
    fn pre_process_pattern<'q>(&self, query: &'q str) -> Cow<'q, str> {
        let expando = self.expando();
        if expando == '$' {
            return Cow::Borrowed(query);
        }
        // `$X`, `$_` and `$$$X` become `µX`, `µ_`, `µµµX`; a `$` that does not start a
        // metavariable (inside a string, say) stays.
        let mut out = String::with_capacity(query.len());
        let chars: Vec<char> = query.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            if chars[i] != '$' {
                out.push(chars[i]);
                i += 1;
                continue;
            }
            let mut j = i;
            while j < chars.len() && chars[j] == '$' {
                j += 1;
            }
            let named = chars
                .get(j)
                .is_some_and(|n| n.is_ascii_uppercase() || *n == '_');
            let c = if named || j - i == 3 { expando } else { '$' };
            out.extend(std::iter::repeat_n(c, j - i));
            i = j;
        }
        Cow::Owned(out)
    }

    fn expando_char(&self) -> char {
        self.expando()
    }

    fn kind_to_id(&self, kind: &str) -> u16 {
        self.get_ts_language().id_for_node_kind(kind, true)
    }

    fn field_to_id(&self, field: &str) -> Option<u16> {
        self.get_ts_language()
            .field_id_for_name(field)
            .map(std::num::NonZero::get)
    }

    fn build_pattern(&self, builder: &PatternBuilder<'_>) -> Result<Pattern, PatternError> {
        builder.build(|src| StrDoc::try_new(src, *self))
    }
}

impl LanguageExt for Lang {
    fn get_ts_language(&self) -> TSLanguage {
        match self {
            Self::Python => tree_sitter_python::LANGUAGE.into(),
            Self::JavaScript => tree_sitter_javascript::LANGUAGE.into(),
            Self::TypeScript => tree_sitter_typescript::LANGUAGE_TYPESCRIPT.into(),
            Self::Tsx => tree_sitter_typescript::LANGUAGE_TSX.into(),
            Self::C => tree_sitter_c::LANGUAGE.into(),
        }
    }
}
