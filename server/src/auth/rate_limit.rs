//! Failures limited per key (an account, an address) in a sliding window: logins per account and
//! per address, invitation tokens per address.
//!
//! An attempt is *reserved* before the slow part of the request (the password hash, the token
//! lookup): checking the limits and counting the attempt happen together under the limiter's
//! lock, so parallel requests cannot all pass a check that only sequential ones would fail. A
//! reservation stays counted as a failure unless the request [releases](LoginLimiter::release)
//! it once it has succeeded.

use std::{
    collections::{HashMap, VecDeque},
    sync::{Arc, Mutex, MutexGuard},
    time::{Duration, Instant},
};

/// Failures allowed in the window per account.
pub const PER_ACCOUNT: usize = 5;
/// Failures allowed in the window per address.
pub const PER_ADDRESS: usize = 20;
/// Refused invitation tokens allowed in the window per address.
pub const INVITATIONS_PER_ADDRESS: usize = 20;
/// The window.
pub const WINDOW: Duration = Duration::from_secs(15 * 60);

/// Keys kept before those whose attempts have all left the window are forgotten.
const MAX_KEYS: usize = 100_000;

#[derive(Debug, Clone, Default)]
pub struct LoginLimiter {
    attempts: Arc<Mutex<HashMap<String, VecDeque<Instant>>>>,
}

/// Attempts counted in advance by [`LoginLimiter::reserve`]: they stay counted as failures
/// unless given back with [`LoginLimiter::release`].
#[derive(Debug)]
#[must_use = "a reservation counts as a failure unless it is released"]
pub struct Reservation {
    keys: Vec<String>,
    at: Instant,
}

impl LoginLimiter {
    fn lock(&self) -> MutexGuard<'_, HashMap<String, VecDeque<Instant>>> {
        self.attempts.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Counts one attempt under every `(key, limit)` at once, unless one of the keys has used up
    /// its limit: then nothing is counted and the answer is `Err(seconds)`, the longest wait
    /// until an attempt of a refusing key leaves the window.
    pub fn reserve(&self, limits: &[(&str, usize)]) -> Result<Reservation, u64> {
        let now = Instant::now();
        let mut map = self.lock();
        let mut wait: Option<Duration> = None;
        for &(key, limit) in limits {
            let Some(times) = map.get_mut(key) else {
                if limit == 0 {
                    wait = Some(WINDOW);
                }
                continue;
            };
            while times
                .front()
                .is_some_and(|t| now.duration_since(*t) >= WINDOW)
            {
                times.pop_front();
            }
            if times.len() >= limit {
                let oldest = times.front().copied().unwrap_or(now);
                let this = WINDOW.saturating_sub(now.duration_since(oldest));
                wait = Some(wait.map_or(this, |w| w.max(this)));
            }
        }
        if let Some(wait) = wait {
            return Err(wait.as_secs().max(1));
        }
        // Keep the map bounded: forget keys whose attempts have all left the window.
        if map.len() > MAX_KEYS {
            map.retain(|_, t| {
                t.back()
                    .is_some_and(|last| now.duration_since(*last) < WINDOW)
            });
        }
        for &(key, _) in limits {
            map.entry(key.to_owned()).or_default().push_back(now);
        }
        Ok(Reservation {
            keys: limits.iter().map(|&(key, _)| key.to_owned()).collect(),
            at: now,
        })
    }

    /// Gives the attempts of a reservation back: the request did not fail.
    pub fn release(&self, reservation: Reservation) {
        let mut map = self.lock();
        for key in &reservation.keys {
            let Some(times) = map.get_mut(key) else {
                continue;
            };
            // Equal instants cannot be told apart, so any one of them is this reservation's.
            if let Some(i) = times.iter().rposition(|t| *t == reservation.at) {
                times.remove(i);
            }
            if times.is_empty() {
                map.remove(key);
            }
        }
    }

    /// Forgets every attempt counted under `key`.
    pub fn clear(&self, key: &str) {
        self.lock().remove(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limit_is_reached_after_that_many_reservations() {
        let limiter = LoginLimiter::default();
        for _ in 0..PER_ACCOUNT {
            let _failure = limiter.reserve(&[("a", PER_ACCOUNT)]).unwrap();
        }
        let wait = limiter.reserve(&[("a", PER_ACCOUNT)]).unwrap_err();
        assert!(wait > 0 && wait <= WINDOW.as_secs());
        assert!(limiter.reserve(&[("b", PER_ACCOUNT)]).is_ok());
    }

    #[test]
    fn a_refused_reservation_counts_under_no_key() {
        let limiter = LoginLimiter::default();
        let _failure = limiter.reserve(&[("account", 1)]).unwrap();
        assert!(limiter.reserve(&[("address", 2), ("account", 1)]).is_err());
        // Had the refusal counted under "address", this would be its third attempt.
        let _first = limiter.reserve(&[("address", 2)]).unwrap();
        assert!(limiter.reserve(&[("address", 2)]).is_ok());
    }

    #[test]
    fn a_released_reservation_no_longer_counts() {
        let limiter = LoginLimiter::default();
        for _ in 0..3 {
            let success = limiter.reserve(&[("a", 3), ("b", 3)]).unwrap();
            limiter.release(success);
        }
        let _failure = limiter.reserve(&[("a", 1)]).unwrap();
        assert!(limiter.reserve(&[("a", 1)]).is_err());
        assert!(limiter.reserve(&[("b", 1)]).is_ok());
    }

    #[test]
    fn clearing_a_key_lifts_its_limit() {
        let limiter = LoginLimiter::default();
        for _ in 0..PER_ACCOUNT {
            let _failure = limiter.reserve(&[("a", PER_ACCOUNT)]).unwrap();
        }
        limiter.clear("a");
        assert!(limiter.reserve(&[("a", PER_ACCOUNT)]).is_ok());
    }

    #[test]
    fn a_limit_of_zero_refuses_at_once() {
        let limiter = LoginLimiter::default();
        assert_eq!(limiter.reserve(&[("a", 0)]).unwrap_err(), WINDOW.as_secs());
    }

    #[test]
    fn parallel_reservations_never_pass_the_limit() {
        let limiter = LoginLimiter::default();
        let granted = std::sync::atomic::AtomicUsize::new(0);
        let start = std::sync::Barrier::new(8);
        std::thread::scope(|s| {
            for _ in 0..8 {
                s.spawn(|| {
                    start.wait();
                    for _ in 0..50 {
                        if let Ok(_failure) =
                            limiter.reserve(&[("address", PER_ADDRESS), ("account", PER_ACCOUNT)])
                        {
                            granted.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        }
                    }
                });
            }
        });
        assert_eq!(granted.into_inner(), PER_ACCOUNT);
    }
}
