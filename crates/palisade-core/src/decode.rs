//! Text encodings scanners read: UTF-8 (with or without a byte-order mark) as it is, and
//! UTF-16 with a byte-order mark (little or big endian: .NET and PowerShell configs, `.reg`
//! exports) transcoded to UTF-8 as it streams, so line and column numbers refer to the
//! decoded text. UTF-16 without a byte-order mark cannot be told from binary data reliably
//! and is left to the binary check.

use std::io::Read;

/// An encoding announced by a byte-order mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (or anything else without a UTF-16 byte-order mark): read as it is.
    Utf8,
    /// UTF-16, little endian.
    Utf16Le,
    /// UTF-16, big endian.
    Utf16Be,
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Bytes after a UTF-16 byte-order mark that must hold a NUL for the text to be read as
/// UTF-16.
pub const PROBE: usize = 4096;

/// The encoding of text starting with `head` (at least [`PROBE`] bytes of it when there
/// are that many), and the length of its byte-order mark.
///
/// A UTF-16 byte-order mark counts only when a NUL byte follows within [`PROBE`] bytes:
/// real UTF-16 config text holds ASCII (newlines, `=`, quotes), each with a NUL byte. Two
/// bytes `FF FE` in front of plain text must not turn it into unreadable UTF-16 that
/// hides the secrets in it: such a file is read as it is.
pub fn sniff(head: &[u8]) -> (Encoding, usize) {
    let utf16 = || head[2..head.len().min(2 + PROBE)].contains(&0);
    if head.starts_with(UTF8_BOM) {
        (Encoding::Utf8, UTF8_BOM.len())
    } else if head.starts_with(b"\xFF\xFE") && utf16() {
        (Encoding::Utf16Le, 2)
    } else if head.starts_with(b"\xFE\xFF") && utf16() {
        (Encoding::Utf16Be, 2)
    } else {
        (Encoding::Utf8, 0)
    }
}

/// Decode a whole buffer: the text without its byte-order mark, as UTF-8. Borrowed when
/// nothing needs transcoding.
pub fn decode(data: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    match sniff(data) {
        (Encoding::Utf8, bom) => std::borrow::Cow::Borrowed(&data[bom..]),
        (enc, bom) => {
            let mut d = Utf16::new(enc == Encoding::Utf16Be);
            let mut out = Vec::with_capacity(data.len());
            d.push(&data[bom..], &mut out);
            d.finish(&mut out);
            std::borrow::Cow::Owned(out)
        }
    }
}

/// A streaming UTF-16 to UTF-8 transcoder: code units and surrogate pairs may be split
/// across calls to [`Utf16::push`]. Unpaired surrogates become U+FFFD.
#[derive(Debug)]
struct Utf16 {
    big_endian: bool,
    /// The first byte of a code unit split across pushes.
    odd: Option<u8>,
    /// A high surrogate waiting for its low half.
    high: Option<u16>,
}

impl Utf16 {
    fn new(big_endian: bool) -> Self {
        Self {
            big_endian,
            odd: None,
            high: None,
        }
    }

    fn push(&mut self, mut bytes: &[u8], out: &mut Vec<u8>) {
        if let Some(first) = self.odd.take() {
            let Some((&second, rest)) = bytes.split_first() else {
                self.odd = Some(first);
                return;
            };
            self.unit(self.join(first, second), out);
            bytes = rest;
        }
        let mut pairs = bytes.chunks_exact(2);
        for p in &mut pairs {
            self.unit(self.join(p[0], p[1]), out);
        }
        if let [last] = pairs.remainder() {
            self.odd = Some(*last);
        }
    }

    fn join(&self, a: u8, b: u8) -> u16 {
        if self.big_endian {
            u16::from_be_bytes([a, b])
        } else {
            u16::from_le_bytes([a, b])
        }
    }

    fn unit(&mut self, u: u16, out: &mut Vec<u8>) {
        let c = match (self.high.take(), u) {
            (Some(h), 0xDC00..=0xDFFF) => {
                let cp = 0x10000 + ((u32::from(h) - 0xD800) << 10) + (u32::from(u) - 0xDC00);
                char::from_u32(cp).unwrap_or(char::REPLACEMENT_CHARACTER)
            }
            (high, _) => {
                if high.is_some() {
                    push_char(char::REPLACEMENT_CHARACTER, out);
                }
                match u {
                    0xD800..=0xDBFF => {
                        self.high = Some(u);
                        return;
                    }
                    0xDC00..=0xDFFF => char::REPLACEMENT_CHARACTER,
                    _ => char::from_u32(u32::from(u)).unwrap_or(char::REPLACEMENT_CHARACTER),
                }
            }
        };
        push_char(c, out);
    }

    /// End of input: a dangling byte or high surrogate is U+FFFD.
    fn finish(&mut self, out: &mut Vec<u8>) {
        if self.high.take().is_some() {
            push_char(char::REPLACEMENT_CHARACTER, out);
        }
        if self.odd.take().is_some() {
            push_char(char::REPLACEMENT_CHARACTER, out);
        }
    }
}

fn push_char(c: char, out: &mut Vec<u8>) {
    let mut b = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut b).as_bytes());
}

/// A reader that yields the text of `inner` as UTF-8 without a byte-order mark, counting
/// the raw bytes it read (the size cap and coverage count those).
pub struct Decoder<'a> {
    inner: &'a mut dyn Read,
    /// What the first bytes said.
    state: State,
    /// Decoded bytes not handed out yet.
    out: Vec<u8>,
    out_pos: usize,
    raw: Vec<u8>,
    raw_read: u64,
    eof: bool,
}

impl std::fmt::Debug for Decoder<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Decoder")
            .field("raw_read", &self.raw_read)
            .finish_non_exhaustive()
    }
}

/// The encoding of a [`Decoder`]'s input, once known.
#[derive(Debug)]
enum State {
    /// Nothing read yet.
    Unknown,
    /// UTF-8: passed through.
    Utf8,
    /// UTF-16: transcoded.
    Utf16(Utf16),
}

/// Raw bytes read from the inner reader per step.
const RAW_STEP: usize = 64 * 1024;

impl<'a> Decoder<'a> {
    /// Wrap `inner`.
    pub fn new(inner: &'a mut dyn Read) -> Self {
        Self {
            inner,
            state: State::Unknown,
            out: Vec::new(),
            out_pos: 0,
            raw: vec![0; RAW_STEP],
            raw_read: 0,
            eof: false,
        }
    }

    /// Raw bytes read so far.
    pub fn raw_bytes(&self) -> u64 {
        self.raw_read
    }

    /// The encoding found (UTF-8 until the first read).
    pub fn encoding(&self) -> Encoding {
        match &self.state {
            State::Utf16(d) if d.big_endian => Encoding::Utf16Be,
            State::Utf16(_) => Encoding::Utf16Le,
            State::Unknown | State::Utf8 => Encoding::Utf8,
        }
    }

    /// Read raw bytes until `want` are there or the input ends.
    fn read_raw(&mut self, want: usize) -> std::io::Result<usize> {
        let mut n = 0;
        while n < want {
            match self.inner.read(&mut self.raw[n..want]) {
                Ok(0) => {
                    self.eof = true;
                    break;
                }
                Ok(k) => n += k,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        self.raw_read += n as u64;
        Ok(n)
    }

    /// Decode the next step of input into `out`.
    fn step(&mut self) -> std::io::Result<()> {
        self.out.clear();
        self.out_pos = 0;
        if matches!(self.state, State::Unknown) {
            // The first step: the byte-order mark and a probe decide the encoding.
            let n = self.read_raw(2 + PROBE)?;
            let (enc, bom) = sniff(&self.raw[..n]);
            let mut state = match enc {
                Encoding::Utf8 => State::Utf8,
                Encoding::Utf16Le => State::Utf16(Utf16::new(false)),
                Encoding::Utf16Be => State::Utf16(Utf16::new(true)),
            };
            let rest = &self.raw[bom..n];
            match &mut state {
                State::Utf16(d) => d.push(rest, &mut self.out),
                State::Unknown | State::Utf8 => self.out.extend_from_slice(rest),
            }
            self.state = state;
            if !self.out.is_empty() || self.eof {
                return Ok(());
            }
        }
        while self.out.is_empty() && !self.eof {
            let n = self.read_raw(RAW_STEP)?;
            match &mut self.state {
                State::Utf16(d) => {
                    d.push(&self.raw[..n], &mut self.out);
                    if self.eof {
                        d.finish(&mut self.out);
                    }
                }
                State::Unknown | State::Utf8 => self.out.extend_from_slice(&self.raw[..n]),
            }
        }
        Ok(())
    }
}

impl Read for Decoder<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        if self.out_pos >= self.out.len() {
            if self.eof && !matches!(self.state, State::Unknown) {
                return Ok(0);
            }
            if matches!(self.state, State::Utf8) {
                // Plain text: straight into the caller's buffer, no copy.
                let n = loop {
                    match self.inner.read(buf) {
                        Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                        other => break other?,
                    }
                };
                self.eof = n == 0;
                self.raw_read += n as u64;
                return Ok(n);
            }
            self.step()?;
        }
        let avail = &self.out[self.out_pos..];
        let n = avail.len().min(buf.len());
        buf[..n].copy_from_slice(&avail[..n]);
        self.out_pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, big: bool) -> Vec<u8> {
        let mut out = if big {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for u in text.encode_utf16() {
            out.extend(if big {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            });
        }
        out
    }

    fn read_all(data: &[u8], step: usize) -> (Vec<u8>, u64) {
        struct Slow<'a>(&'a [u8], usize);
        impl Read for Slow<'_> {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                let n = self.0.len().min(buf.len()).min(self.1);
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let mut slow = Slow(data, step);
        let mut d = Decoder::new(&mut slow);
        let mut out = Vec::new();
        let mut buf = [0u8; 5];
        loop {
            let n = d.read(&mut buf).expect("read");
            if n == 0 {
                break;
            }
            out.extend_from_slice(&buf[..n]);
        }
        (out, d.raw_bytes())
    }

    #[test]
    fn decodes_boms_in_any_split() {
        let text = "a=1\r\nkey = \"x😀é\"\n";
        for big in [false, true] {
            let raw = utf16(text, big);
            assert_eq!(&*decode(&raw), text.as_bytes());
            for step in 1..8 {
                let (out, n) = read_all(&raw, step);
                assert_eq!(out, text.as_bytes(), "step {step}");
                assert_eq!(n, raw.len() as u64);
            }
        }
        let mut bom8 = UTF8_BOM.to_vec();
        bom8.extend_from_slice(b"k=v\n");
        assert_eq!(&*decode(&bom8), b"k=v\n");
        assert_eq!(read_all(&bom8, 1).0, b"k=v\n");
        assert_eq!(read_all(b"plain", 2).0, b"plain");
        assert_eq!(read_all(b"", 2).0, b"");
        assert_eq!(read_all(b"ab", 2).0, b"ab");
    }

    #[test]
    fn unpaired_surrogates_and_odd_bytes_are_replacement_characters() {
        // High surrogate then 'a'; lone low surrogate; a dangling last byte.
        let raw = [0xFF, 0xFE, 0x3D, 0xD8, 0x61, 0x00, 0x00, 0xDC, 0x62];
        assert_eq!(
            String::from_utf8(decode(&raw).into_owned()).expect("utf8"),
            "\u{FFFD}a\u{FFFD}\u{FFFD}"
        );
    }
}
