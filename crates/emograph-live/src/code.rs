//! The session code: the secret part of every URL of a session. Anyone on the network can
//! reach the port; only those who scanned the QR code (or read the code off the projector)
//! can reach the session.

use std::fmt;

/// Letters and digits that cannot be mistaken for one another when read off a projector: no
/// 0/O, no 1/I. 32 symbols, 5 bits each.
const ALPHABET: &[u8; 32] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
/// 8 symbols: 40 random bits. At the server's rate limit a guesser on the network would need
/// thousands of years to find a session.
const LENGTH: usize = 8;

#[derive(Clone, PartialEq, Eq)]
pub struct SessionCode(String);

impl SessionCode {
    /// A fresh code from the operating system's random source.
    pub fn random() -> std::io::Result<Self> {
        let mut bytes = [0u8; LENGTH];
        getrandom::fill(&mut bytes).map_err(|e| std::io::Error::other(e.to_string()))?;
        let text = bytes
            .iter()
            .map(|b| char::from(ALPHABET[usize::from(b % 32)]))
            .collect();
        Ok(Self(text))
    }

    /// A code written earlier (the journal of a session that crashed), if it is one of ours.
    pub fn parse(text: &str) -> Option<Self> {
        let upper = text.trim().to_ascii_uppercase();
        (upper.len() == LENGTH && upper.bytes().all(|b| ALPHABET.contains(&b)))
            .then_some(Self(upper))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `candidate` (from a request path) is this code; case-insensitive (a code typed
    /// on a phone may come in small letters), and in time that does not depend on where the
    /// first difference is.
    pub fn matches(&self, candidate: &str) -> bool {
        let ours = self.0.as_bytes();
        let theirs = candidate.as_bytes();
        if ours.len() != theirs.len() {
            return false;
        }
        ours.iter()
            .zip(theirs)
            .fold(0u8, |diff, (a, b)| diff | (a ^ b.to_ascii_uppercase()))
            == 0
    }
}

impl fmt::Display for SessionCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for SessionCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SessionCode({})", self.0)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    #[test]
    fn codes_are_random_readable_and_match_case_insensitively() {
        let a = SessionCode::random().unwrap();
        let b = SessionCode::random().unwrap();
        assert_ne!(a, b);
        assert_eq!(a.as_str().len(), 8);
        assert!(a.as_str().bytes().all(|c| ALPHABET.contains(&c)));
        assert!(a.matches(&a.as_str().to_ascii_lowercase()));
        assert!(!a.matches(b.as_str()));
        assert!(!a.matches(""));
        assert_eq!(SessionCode::parse(&a.as_str().to_lowercase()), Some(a));
        assert_eq!(
            SessionCode::parse("ABCD0000"),
            None,
            "0 is not in the alphabet"
        );
    }
}
