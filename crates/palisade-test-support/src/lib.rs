//! Helpers shared by palisade's tests (a dev-dependency only).
//!
//! Secret-shaped values are built at run time, so no test file holds one that push
//! protection or palisade's own scan of this repository would flag.
#![warn(missing_docs)]
#![allow(clippy::missing_panics_doc)]

use std::path::{Path, PathBuf};

const BASE62: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// CRC-32 (IEEE), as GitHub computes the checksum of its tokens.
fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A GitHub classic token (`ghp_`) with a 30-character `body` and a valid checksum.
pub fn gh_token(body: &str) -> String {
    assert_eq!(body.len(), 30, "a GitHub token body has 30 characters");
    let mut n = crc32(body.as_bytes());
    let mut sum = Vec::with_capacity(6);
    while n > 0 {
        sum.push(BASE62[(n % 62) as usize]);
        n /= 62;
    }
    sum.resize(6, b'0');
    sum.reverse();
    format!(
        "{}{body}{}",
        concat!("gh", "p_"),
        String::from_utf8_lossy(&sum)
    )
}

/// Assert that no 8 characters in a row of `secret` appear in `text`: a secret shown even in
/// part is a leak.
pub fn assert_no_part_of(text: &str, secret: &str) {
    let chars: Vec<char> = secret.chars().collect();
    for w in chars.windows(8) {
        let part: String = w.iter().collect();
        assert!(
            !text.contains(&part),
            "`{part}` of a secret shown in:\n{text}"
        );
    }
}

/// Make a named pipe at `path` with `mkfifo`.
pub fn mkfifo(path: &Path) {
    let st = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(st.success(), "mkfifo {}", path.display());
}

/// Feeds a FIFO, so that code which wrongly opens it gets data and ends instead of hanging
/// the test. On drop, a writer still waiting for a reader is released.
#[derive(Debug)]
pub struct FifoWriter {
    path: PathBuf,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl FifoWriter {
    /// Start writing `data` into the FIFO at `path` (the write waits for a reader).
    pub fn new(path: &Path, data: Vec<u8>) -> Self {
        let p = path.to_owned();
        let thread = std::thread::spawn(move || {
            use std::io::Write;
            if let Ok(mut f) = std::fs::OpenOptions::new().write(true).open(&p) {
                let _ = f.write_all(&data);
            }
        });
        Self {
            path: path.to_owned(),
            thread: Some(thread),
        }
    }
}

impl Drop for FifoWriter {
    fn drop(&mut self) {
        // Opening a FIFO read-write never waits, and lets a writer blocked in `open` go on.
        let reader = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(&self.path);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
        drop(reader);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn token_checksum() {
        let t = super::gh_token("PaLiSaDeTeStToKeN0123456789abc");
        assert_eq!(t.len(), 40);
        assert!(t.starts_with("ghp_PaLiSaDe"));
    }
}
