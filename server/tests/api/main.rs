//! API tests: the real server on port 0 with its own SQLite file per test.

mod client;
mod helpers;

mod access;
mod accounts;
mod audit_log;
mod backup;
mod bodies;
mod calendar;
mod companies;
mod company_home;
mod compression;
mod concurrency;
mod consent;
mod events;
mod exports;
mod factors;
mod foundation;
mod history;
mod languages;
mod map;
mod matching;
mod openapi;
mod outcomes;
mod overload;
mod reports;
mod review;
mod rights;
mod security;
mod training;
