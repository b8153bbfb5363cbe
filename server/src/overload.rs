//! Load shedding. Under more requests than it can serve, the server answers the surplus after a
//! short, bounded wait with 503 and `Retry-After` instead of queueing them without bound, and a request that takes too
//! long (a slow client, a stuck query) is answered the same way. It recovers by itself: a permit
//! comes back with every answer.

use std::{
    sync::{
        Arc,
        atomic::{AtomicU64, Ordering},
    },
    time::{Duration, Instant},
};

use axum::{
    extract::{Request, State},
    middleware::Next,
    response::{IntoResponse, Response},
};
use tokio::sync::Semaphore;

use crate::error::AppError;

/// How much the server takes on at once.
#[derive(Debug, Clone, clap::Args)]
pub struct Limits {
    /// Requests handled at once; more wait 100 ms at most, then are answered 503 with
    /// `Retry-After`.
    #[arg(long, env = "VIP_MAX_IN_FLIGHT", default_value_t = Limits::default().max_in_flight)]
    pub max_in_flight: usize,
    /// A request not answered within this many milliseconds is answered 503 with `Retry-After`.
    #[arg(long, env = "VIP_REQUEST_TIMEOUT_MS", default_value_t = Limits::default().request_timeout_ms)]
    pub request_timeout_ms: u64,
}

impl Default for Limits {
    /// 256 at once: far above what the database serves in the time of one request on a small
    /// machine, so only a real surplus is shed. 15 s: a cheap phone on a slow connection still
    /// sends a form in far less.
    fn default() -> Self {
        Limits {
            max_in_flight: 256,
            request_timeout_ms: 15_000,
        }
    }
}

/// The permits and the time limit, shared by every request.
#[derive(Debug, Clone)]
pub struct Shedder {
    permits: Arc<Semaphore>,
    timeout: Duration,
    log: Arc<ShedLog>,
}

/// Shed requests are logged as a count at most once a second: a flood of them must not also
/// flood the log (one line per shed request cost more than answering it).
#[derive(Debug)]
struct ShedLog {
    started: Instant,
    /// Requests shed since the last line.
    shed: AtomicU64,
    /// The second (since `started`) of the last line.
    last_second: AtomicU64,
}

impl ShedLog {
    fn shed(&self, why: &'static str) {
        self.shed.fetch_add(1, Ordering::Relaxed);
        let second = self.started.elapsed().as_secs() + 1;
        if self.last_second.swap(second, Ordering::Relaxed) != second {
            let count = self.shed.swap(0, Ordering::Relaxed);
            tracing::warn!(count, "shed: {why}");
        }
    }
}

/// How long a request beyond the limit waits for a permit before it is shed.
const QUEUE_WAIT: Duration = Duration::from_millis(100);

/// Seconds a shed client is asked to wait before it tries again.
const RETRY_AFTER_SECS: u64 = 1;

impl Shedder {
    pub fn new(limits: &Limits) -> Self {
        Shedder {
            permits: Arc::new(Semaphore::new(limits.max_in_flight.max(1))),
            timeout: Duration::from_millis(limits.request_timeout_ms.max(1)),
            log: Arc::new(ShedLog {
                started: Instant::now(),
                shed: AtomicU64::new(0),
                last_second: AtomicU64::new(0),
            }),
        }
    }
}

/// The layer: a permit per request (waiting at most [`QUEUE_WAIT`] for one), or 503; 503 when the
/// answer takes too long. A write
/// cut off by the time limit is rolled back with its transaction, unless it had committed already:
/// a 503 never says that nothing changed, as with any lost answer.
pub async fn shed(State(shedder): State<Shedder>, request: Request, next: Next) -> Response {
    let permit = match shedder.permits.clone().try_acquire_owned() {
        Ok(permit) => Ok(permit),
        // A short, bounded wait: a burst is served a moment later instead of refused, and a
        // flood that ignores Retry-After is slowed down instead of answered as fast as it asks.
        Err(_) => tokio::time::timeout(QUEUE_WAIT, shedder.permits.clone().acquire_owned())
            .await
            .map_err(|_| ())
            .and_then(|acquired| acquired.map_err(|_| ())),
    };
    let Ok(_permit) = permit else {
        shedder.log.shed("too many requests at once");
        return busy();
    };
    match tokio::time::timeout(shedder.timeout, next.run(request)).await {
        Ok(response) => response,
        Err(_) => {
            shedder.log.shed("no answer within the time limit");
            busy()
        }
    }
}

fn busy() -> Response {
    AppError::Overloaded {
        retry_after_secs: RETRY_AFTER_SECS,
    }
    .into_response()
}
