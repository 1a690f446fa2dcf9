//! JUnit XML test results, as any test runner writes them (`<testsuites>`, `<testsuite>`,
//! `<testcase name classname>` with `<failure>`, `<error>` or `<skipped>`). Read without
//! DTDs or entity expansion beyond XML's five predefined entities.

use quick_xml::Reader;
use quick_xml::events::Event;
use serde::Serialize;

use crate::item::ReadProblem;

/// One test case's outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// It passed.
    Passed,
    /// It was skipped.
    Skipped,
    /// It failed or errored.
    Failed,
}

/// One test case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TestCase {
    /// `name`.
    pub name: String,
    /// `classname`.
    pub classname: String,
    /// Outcome.
    pub outcome: Outcome,
    /// The results file.
    pub file: String,
}

/// Most test cases read from one file.
const MAX_CASES: usize = 1_000_000;

/// The 1-based line of byte offset `pos`.
fn line_at(text: &str, pos: usize) -> u32 {
    // Byte-wise: `pos` need not fall on a character boundary.
    text.as_bytes()[..pos.min(text.len())]
        .split(|&b| b == b'\n')
        .count() as u32
}

/// Read the test cases of one JUnit XML file. A malformed file yields the cases before the
/// error and a problem naming the line.
pub fn parse(path: &str, text: &str) -> (Vec<TestCase>, Option<ReadProblem>) {
    let mut reader = Reader::from_str(text);
    let mut out: Vec<TestCase> = Vec::new();
    let mut open: Option<TestCase> = None;
    loop {
        let pos = reader.buffer_position() as usize;
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.name().as_ref() == b"testcase" => {
                if let Some(done) = open.take() {
                    out.push(done);
                }
                let mut case = TestCase {
                    name: String::new(),
                    classname: String::new(),
                    outcome: Outcome::Passed,
                    file: path.to_owned(),
                };
                for a in e.attributes().flatten() {
                    let v = a
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .map(std::borrow::Cow::into_owned)
                        .unwrap_or_default();
                    match a.key.as_ref() {
                        b"name" => case.name = v,
                        b"classname" => case.classname = v,
                        _ => {}
                    }
                }
                open = Some(case);
            }
            Ok(Event::Start(e) | Event::Empty(e))
                if matches!(e.name().as_ref(), b"failure" | b"error") =>
            {
                if let Some(c) = open.as_mut() {
                    c.outcome = Outcome::Failed;
                }
            }
            Ok(Event::Start(e) | Event::Empty(e)) if e.name().as_ref() == b"skipped" => {
                if let Some(c) = open.as_mut()
                    && c.outcome == Outcome::Passed
                {
                    c.outcome = Outcome::Skipped;
                }
            }
            Ok(Event::End(e)) if e.name().as_ref() == b"testcase" => {
                if let Some(done) = open.take() {
                    out.push(done);
                }
            }
            Ok(Event::DocType(_)) => {
                let line = line_at(text, pos);
                return (
                    out,
                    Some(ReadProblem {
                        path: path.to_owned(),
                        line,
                        message: "a DOCTYPE in test results is not read (no DTDs or entities)"
                            .to_owned(),
                    }),
                );
            }
            Ok(Event::Eof) => break,
            Err(e) => {
                let line = line_at(text, pos);
                return (
                    out,
                    Some(ReadProblem {
                        path: path.to_owned(),
                        line,
                        message: format!("invalid JUnit XML: {e}"),
                    }),
                );
            }
            Ok(_) => {}
        }
        if out.len() > MAX_CASES {
            return (
                out,
                Some(ReadProblem {
                    path: path.to_owned(),
                    line: 0,
                    message: format!("more than {MAX_CASES} test cases; the rest were not read"),
                }),
            );
        }
    }
    if let Some(done) = open.take() {
        out.push(done);
    }
    (out, None)
}
