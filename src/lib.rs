//! # customer-success-db
//!
//! The compile-time-checked PostgreSQL data layer of a Customer Success platform, on Diesel 2.3:
//! the 24-table schema of the original system as embedded migrations, typed models whose fields
//! make invalid values unrepresentable, and the queries the platform's dashboards run.
//!
//! ```no_run
//! use customer_success_db::{connection, migrations};
//! let mut conn = connection::connect_from_env()?;
//! migrations::run_pending(&mut conn)?;
//! # Ok::<(), customer_success_db::Error>(())
//! ```
#![warn(missing_docs)]

pub mod adopt;
#[cfg(feature = "async")]
pub mod async_pool;
pub mod connection;
pub mod crud;
pub mod demo;
pub mod error;
pub mod harness;
pub mod maintenance;
pub mod migrations;
pub mod models;
pub mod queries;
#[allow(missing_docs)]
pub mod schema;
pub mod types;
pub mod url;

pub use error::{Error, Result};
