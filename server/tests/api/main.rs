//! API tests: the real server on port 0 with its own SQLite file per test.

mod client;
mod helpers;

mod access;
mod accounts;
mod backup;
mod bodies;
mod calendar;
mod companies;
mod concurrency;
mod exports;
mod factors;
mod foundation;
mod history;
mod openapi;
mod outcomes;
mod overload;
mod review;
mod rights;
mod security;
mod training;
