//! Login failures limited per account and per address, in a sliding window.

use std::{
    collections::{HashMap, VecDeque},
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

/// Failures allowed in the window per account.
pub const PER_ACCOUNT: usize = 5;
/// Failures allowed in the window per address.
pub const PER_ADDRESS: usize = 20;
/// The window.
pub const WINDOW: Duration = Duration::from_secs(15 * 60);

#[derive(Debug, Clone, Default)]
pub struct LoginLimiter {
    failures: Arc<Mutex<HashMap<String, VecDeque<Instant>>>>,
}

impl LoginLimiter {
    /// `Err(seconds)` when `key` has used up its `limit`: the seconds until a failure leaves the
    /// window.
    pub fn check(&self, key: &str, limit: usize) -> Result<(), u64> {
        let now = Instant::now();
        let mut map = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        let Some(times) = map.get_mut(key) else {
            return Ok(());
        };
        while times
            .front()
            .is_some_and(|t| now.duration_since(*t) >= WINDOW)
        {
            times.pop_front();
        }
        if times.len() < limit {
            return Ok(());
        }
        let oldest = times.front().copied().unwrap_or(now);
        let wait = WINDOW.saturating_sub(now.duration_since(oldest));
        Err(wait.as_secs().max(1))
    }

    pub fn record_failure(&self, key: &str) {
        let mut map = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        // Keep the map bounded: forget keys whose failures have all left the window.
        if map.len() > 100_000 {
            let now = Instant::now();
            map.retain(|_, t| {
                t.back()
                    .is_some_and(|last| now.duration_since(*last) < WINDOW)
            });
        }
        map.entry(key.to_owned())
            .or_default()
            .push_back(Instant::now());
    }

    pub fn clear(&self, key: &str) {
        let mut map = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        map.remove(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limit_is_reached_after_that_many_failures() {
        let limiter = LoginLimiter::default();
        for _ in 0..PER_ACCOUNT {
            assert!(limiter.check("a", PER_ACCOUNT).is_ok());
            limiter.record_failure("a");
        }
        let wait = limiter.check("a", PER_ACCOUNT).unwrap_err();
        assert!(wait > 0 && wait <= WINDOW.as_secs());
        assert!(limiter.check("b", PER_ACCOUNT).is_ok());
    }

    #[test]
    fn clearing_a_key_lifts_its_limit() {
        let limiter = LoginLimiter::default();
        for _ in 0..PER_ACCOUNT {
            limiter.record_failure("a");
        }
        limiter.clear("a");
        assert!(limiter.check("a", PER_ACCOUNT).is_ok());
    }
}
