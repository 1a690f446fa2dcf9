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
    /// C (C99 to C23, headers included); C rules also run on C++.
    C,
    /// C++ (`.cpp`, `.cc`, `.cxx`, `.hpp`, ...; `.h` is read as C).
    Cpp,
    /// Java.
    Java,
    /// Go.
    Go,
    /// C#.
    CSharp,
    /// Ruby.
    Ruby,
    /// PHP (files with `<?php` tags; HTML around them is skipped).
    Php,
    /// Rust.
    Rust,
}

/// Every language, in the order rule files and docs list them.
pub const ALL: &[Lang] = &[
    Lang::Python,
    Lang::JavaScript,
    Lang::TypeScript,
    Lang::Tsx,
    Lang::C,
    Lang::Cpp,
    Lang::Java,
    Lang::Go,
    Lang::CSharp,
    Lang::Ruby,
    Lang::Php,
    Lang::Rust,
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
            Self::Cpp => "cpp",
            Self::Java => "java",
            Self::Go => "go",
            Self::CSharp => "csharp",
            Self::Ruby => "ruby",
            Self::Php => "php",
            Self::Rust => "rust",
        }
    }

    /// The other languages a rule written for this one also runs on (its patterns are
    /// parsed again with their grammar): JavaScript rules run on TypeScript and TSX, C
    /// rules on C++.
    pub fn also(self) -> &'static [Self] {
        match self {
            Self::JavaScript => &[Self::TypeScript, Self::Tsx],
            Self::TypeScript => &[Self::Tsx],
            Self::C => &[Self::Cpp],
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
            "cpp" | "cc" | "cxx" | "c++" | "hpp" | "hh" | "hxx" | "h++" | "ipp" | "tpp" => {
                Some(Self::Cpp)
            }
            "java" => Some(Self::Java),
            "go" => Some(Self::Go),
            "cs" => Some(Self::CSharp),
            "rb" | "rake" | "gemspec" | "ru" => Some(Self::Ruby),
            "php" | "phtml" | "php8" | "inc" => Some(Self::Php),
            "rs" => Some(Self::Rust),
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
            Self::Cpp => matches!(
                kind,
                "translation_unit"
                    | "compound_statement"
                    | "case_statement"
                    | "declaration_list"
                    | "field_declaration_list"
            ),
            Self::Java => matches!(
                kind,
                "program"
                    | "block"
                    | "constructor_body"
                    | "class_body"
                    | "switch_block_statement_group"
            ),
            Self::Go => matches!(
                kind,
                "source_file"
                    | "block"
                    | "statement_list"
                    | "expression_case"
                    | "default_case"
                    | "type_case"
                    | "communication_case"
            ),
            Self::CSharp => matches!(
                kind,
                "compilation_unit" | "block" | "switch_section" | "declaration_list"
            ),
            Self::Ruby => matches!(
                kind,
                "program" | "body_statement" | "then" | "else" | "do" | "block_body" | "begin"
            ),
            Self::Php => matches!(
                kind,
                "program" | "compound_statement" | "case_statement" | "default_statement"
            ),
            Self::Rust => matches!(kind, "source_file" | "block" | "declaration_list"),
        }
    }

    /// The id of a field name of the grammar (`declarator`, `body`), if it has one.
    pub fn get_ts_language_field(self, name: &str) -> Option<u16> {
        self.get_ts_language()
            .field_id_for_name(name)
            .map(std::num::NonZero::get)
    }

    /// The comment that starts a line comment, for fixture annotations.
    pub fn line_comment(self) -> &'static str {
        match self {
            Self::Python | Self::Ruby => "#",
            _ => "//",
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
            Self::Cpp => "cpp",
            Self::Java => "java",
            Self::Go => "go",
            Self::CSharp => "cs",
            Self::Ruby => "rb",
            Self::Php => "php",
            Self::Rust => "rs",
        }
    }

    /// Code to parse a pattern in when it does not parse on its own (`@` marks where the
    /// pattern goes): languages whose files hold only declarations at the top level.
    pub fn pattern_contexts(self) -> &'static [&'static str] {
        match self {
            Self::C | Self::Cpp => &[
                "void __palisade_pattern(void) { @; }",
                "void __palisade_pattern(void) { __palisade = @; }",
            ],
            Self::Java => &[
                "class __Palisade { void __palisade() { @; } }",
                "class __Palisade { void __palisade() { Object __palisade = @; } }",
                "class __Palisade { @ }",
            ],
            Self::CSharp => &[
                "class __Palisade { void __Palisade() { @; } }",
                "class __Palisade { void __Palisade() { var __palisade = @; } }",
                "class __Palisade { @ }",
            ],
            Self::Go => &[
                "package p\nfunc __palisade() {\n@\n}",
                "package p\nfunc __palisade() {\n_ = @\n}",
            ],
            Self::Rust => &[
                "fn __palisade() { @; }",
                "fn __palisade() { let _ = @; }",
                "fn __palisade() { @ }",
            ],
            Self::Php => &["<?php @;", "<?php @"],
            _ => &[],
        }
    }

    /// Whether `$` followed by `rest` is a variable of the language that reads like a
    /// metavariable and stays as written: PHP's superglobals (`$_GET`, `$GLOBALS`).
    fn keeps_variable(self, rest: &[char]) -> bool {
        const PHP: &[&str] = &[
            "_GET", "_POST", "_REQUEST", "_COOKIE", "_SERVER", "_FILES", "_ENV", "_SESSION",
            "GLOBALS",
        ];
        self == Self::Php
            && PHP.iter().any(|v| {
                let n = v.chars().count();
                rest.len() >= n
                    && rest[..n].iter().copied().eq(v.chars())
                    && !rest
                        .get(n)
                        .is_some_and(|c| c.is_alphanumeric() || *c == '_')
            })
    }

    /// Where `$` cannot start an identifier, metavariables are written with this letter
    /// while the pattern is parsed (the rule author still writes `$X`).
    fn expando(self) -> char {
        match self {
            Self::JavaScript | Self::TypeScript | Self::Tsx | Self::Java => '$',
            _ => 'µ',
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
                .is_some_and(|n| n.is_ascii_uppercase() || *n == '_')
                && !(j - i == 1 && self.keeps_variable(&chars[j..]));
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
            Self::Cpp => tree_sitter_cpp::LANGUAGE.into(),
            Self::Java => tree_sitter_java::LANGUAGE.into(),
            Self::Go => tree_sitter_go::LANGUAGE.into(),
            Self::CSharp => tree_sitter_c_sharp::LANGUAGE.into(),
            Self::Ruby => tree_sitter_ruby::LANGUAGE.into(),
            Self::Php => tree_sitter_php::LANGUAGE_PHP.into(),
            Self::Rust => tree_sitter_rust::LANGUAGE.into(),
        }
    }
}
