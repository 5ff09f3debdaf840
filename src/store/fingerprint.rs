//! Content fingerprints of plan files: what the file held when it was loaded, so a save
//! can tell whether someone else changed it since (content, not modification time).

use std::fs::File;
use std::hash::Hasher;
use std::io::{self, Read};
use std::path::Path;

/// Length plus a 64-bit SipHash of a file's bytes. Not cryptographic: it guards
/// against accidental overwrites of an outside edit, not against an attacker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Fingerprint {
    len: u64,
    hash: u64,
}

impl Fingerprint {
    /// The fingerprint of bytes already in memory (e.g. the text the loader parsed).
    pub fn of_bytes(bytes: &[u8]) -> Self {
        let mut h = Sip::new();
        h.write(bytes);
        Fingerprint {
            len: bytes.len() as u64,
            hash: h.finish(),
        }
    }

    /// The fingerprint of a file on disk, streamed in chunks; `Ok(None)` when it does not exist.
    pub fn of_file(path: &Path) -> io::Result<Option<Self>> {
        let mut file = match File::open(path) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        let mut h = Sip::new();
        let mut len = 0u64;
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            let n = match file.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            h.write(&buf[..n]);
            len += n as u64;
        }
        Ok(Some(Fingerprint {
            len,
            hash: h.finish(),
        }))
    }

    /// Size in bytes of the content this fingerprint was taken from.
    pub fn len(&self) -> u64 {
        self.len
    }

    /// Whether the content was empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl std::fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} bytes, #{:016x}", self.len, self.hash)
    }
}

/// std's SipHash (fixed keys). Fingerprints are only compared within one process, so
/// the algorithm changing between Rust releases does not matter. Streaming writes in any
/// chunking give the same result as one write of the whole input, which `of_file` relies on.
type Sip = std::collections::hash_map::DefaultHasher;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_and_bytes_agree_and_detect_one_changed_byte() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        // Bigger than one read chunk, so the streamed hash covers several writes.
        let mut text = "Plan(title: \"x\")\n".repeat(10_000).into_bytes();
        std::fs::write(&path, &text).unwrap();
        let on_disk = Fingerprint::of_file(&path).unwrap().unwrap();
        assert_eq!(on_disk, Fingerprint::of_bytes(&text));
        assert_eq!(on_disk.len(), text.len() as u64);

        let mid = text.len() / 2;
        text[mid] ^= 1;
        std::fs::write(&path, &text).unwrap();
        assert_ne!(Fingerprint::of_file(&path).unwrap().unwrap(), on_disk);
    }

    #[test]
    fn same_length_different_content_differs_and_missing_file_is_none() {
        assert_ne!(Fingerprint::of_bytes(b"ab"), Fingerprint::of_bytes(b"ba"));
        assert!(Fingerprint::of_bytes(b"").is_empty());
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            Fingerprint::of_file(&dir.path().join("nope")).unwrap(),
            None
        );
    }
}
