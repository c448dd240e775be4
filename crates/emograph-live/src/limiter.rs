//! Requests per client, limited by a token bucket per IP address: a phone that loads the page
//! and sends a few times never notices it; a script hammering the port, or guessing codes, is
//! answered 429 after its burst.

use std::collections::HashMap;
use std::net::IpAddr;
use std::time::Instant;

/// How many requests one client may make: `burst` at once, then `per_second`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RateLimit {
    pub burst: f64,
    pub per_second: f64,
}

impl Default for RateLimit {
    /// Loading the page costs 5 requests and a send 1: 60 at once and 10 a second is far more
    /// than a person does, and slows a guesser of the 40-bit code to nothing.
    fn default() -> Self {
        Self {
            burst: 60.0,
            per_second: 10.0,
        }
    }
}

/// Beyond this many clients, the idle ones are forgotten (a full bucket is the same as none).
const MAX_CLIENTS: usize = 10_000;

#[derive(Debug)]
pub struct Limiter {
    limit: RateLimit,
    buckets: HashMap<IpAddr, Bucket>,
}

#[derive(Clone, Copy, Debug)]
struct Bucket {
    tokens: f64,
    at: Instant,
}

impl Limiter {
    pub fn new(limit: RateLimit) -> Self {
        Self {
            limit,
            buckets: HashMap::new(),
        }
    }

    /// Takes one token for a request from `client` at `now`; `false` means refuse it.
    pub fn allow(&mut self, client: IpAddr, now: Instant) -> bool {
        let limit = self.limit;
        let refill = |bucket: &Bucket| {
            let elapsed = now.saturating_duration_since(bucket.at).as_secs_f64();
            (bucket.tokens + elapsed * limit.per_second).min(limit.burst)
        };
        if self.buckets.len() >= MAX_CLIENTS && !self.buckets.contains_key(&client) {
            self.buckets.retain(|_, b| refill(b) < limit.burst);
        }
        let bucket = self.buckets.entry(client).or_insert(Bucket {
            tokens: limit.burst,
            at: now,
        });
        bucket.tokens = refill(bucket);
        bucket.at = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_burst_passes_then_the_rate_and_clients_are_counted_apart() {
        let mut limiter = Limiter::new(RateLimit {
            burst: 3.0,
            per_second: 2.0,
        });
        let a: IpAddr = "10.0.0.1".parse().unwrap();
        let b: IpAddr = "10.0.0.2".parse().unwrap();
        let t0 = Instant::now();
        assert!((0..3).all(|_| limiter.allow(a, t0)));
        assert!(!limiter.allow(a, t0));
        assert!(limiter.allow(b, t0), "another client has its own bucket");
        // Half a second later one token has come back.
        let t1 = t0 + Duration::from_millis(500);
        assert!(limiter.allow(a, t1));
        assert!(!limiter.allow(a, t1));
    }
}
