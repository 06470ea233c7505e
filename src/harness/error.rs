//! The harness's error type. Every message ends with what to do about it, because the people who
//! read it are usually running someone else's test suite on a machine they just set up.

use std::io;
use std::path::PathBuf;

/// Why the harness could not provide a PostgreSQL server or database.
///
/// The `Display` text is meant to be shown as is: it names the command, statement or path that
/// failed, the relevant output (for a server that did not start, the tail of its log) and what to
/// do next. URLs in it are always redacted with [`crate::url::redact`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum HarnessError {
    /// `DATABASE_URL` is not set and no PostgreSQL server binaries were found.
    #[error(
        "no PostgreSQL server available: DATABASE_URL is not set and {searched}. Install the \
         PostgreSQL server (Debian/Ubuntu: `apt-get install postgresql`; Fedora: `dnf install \
         postgresql-server`; macOS: `brew install postgresql`), or set DATABASE_URL to a server \
         on which you may create databases, e.g. \
         DATABASE_URL=postgres://user:password@localhost:5432/postgres"
    )]
    NoServer {
        /// Where the binaries were looked for.
        searched: String,
    },

    /// The process runs as root, PostgreSQL refuses to, and there is no `postgres` user to run
    /// the throwaway cluster as.
    #[error(
        "running as root, but PostgreSQL refuses to run as root and there is no `postgres` system \
         user to run the throwaway cluster as: create one (Debian: `adduser --system --group \
         postgres`; installing the `postgresql` package also does it) or set DATABASE_URL to an \
         existing server"
    )]
    NoUnprivilegedUser,

    /// A helper program (`initdb`, `pg_ctl`, `sh`, ...) could not be run or failed.
    #[error("`{command}` failed: {problem}{output}{hint}")]
    Command {
        /// The command line that failed.
        command: String,
        /// Exit status or the reason it could not be started.
        problem: String,
        /// Its standard output and error (prefixed with a newline), if any.
        output: String,
        /// What to do about it (prefixed with a newline), if anything useful can be said.
        hint: String,
    },

    /// The throwaway server did not start.
    #[error(
        "the throwaway PostgreSQL server did not start: `{command}` failed: {problem}\n\
         last lines of the server log {log}:\n{log_tail}\n{hint}",
        log = log.display()
    )]
    ServerStart {
        /// The command line that failed.
        command: String,
        /// Exit status or the reason it could not be started, then its standard output and
        /// error, if any.
        problem: String,
        /// The server log file.
        log: PathBuf,
        /// The last lines of the server log.
        log_tail: String,
        /// What to do about it.
        hint: String,
    },

    /// A file-system operation failed.
    #[error("could not {action} {path}: {source}{hint}", path = path.display())]
    Io {
        /// What was being done, e.g. "create directory".
        action: &'static str,
        /// The file or directory.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
        /// What to do about it (prefixed with a space), if anything useful can be said.
        hint: String,
    },

    /// A directory the harness needs exists but cannot be used safely.
    #[error("{path} cannot be used: {problem}. {hint}", path = path.display())]
    Directory {
        /// The directory.
        path: PathBuf,
        /// What is wrong with it.
        problem: String,
        /// What to do about it.
        hint: String,
    },

    /// Connecting to a server failed.
    #[error("could not connect to {url}: {}{hint}", source.to_string().trim_end())]
    Connect {
        /// The redacted URL.
        url: String,
        /// The underlying error.
        source: diesel::ConnectionError,
        /// What to do about it (prefixed with a newline), if anything useful can be said.
        hint: String,
    },

    /// An SQL statement failed.
    #[error("`{statement}` failed on {url}: {}{hint}", source.to_string().trim_end())]
    Sql {
        /// The statement (it never contains a password).
        statement: String,
        /// The redacted URL of the connection it ran on.
        url: String,
        /// The underlying error.
        source: diesel::result::Error,
        /// What to do about it (prefixed with a newline), if anything useful can be said.
        hint: String,
    },

    /// Applying the migrations to the template database failed.
    #[error(
        "applying the migrations to {url} failed: {message}\nfix the migration; the same \
         migrations can be run by hand with `diesel migration run --database-url <url of an empty \
         database>` to see the error in context"
    )]
    Migration {
        /// The redacted URL of the database being migrated.
        url: String,
        /// The migration error.
        message: String,
    },

    /// A database name given to [`super::Server::ensure_database`] is not acceptable.
    #[error("invalid database name {name:?}: use 1 to 63 ASCII letters, digits or underscores")]
    InvalidDatabaseName {
        /// The rejected name.
        name: String,
    },

    /// A Citus cluster was asked for, but the PostgreSQL installation the harness found cannot
    /// load Citus.
    #[error(
        "citus.so is not installed ({library} does not exist), so the harness cannot start a \
         Citus cluster: run ../shared/citus/install.sh (it builds Citus 13.2.2 for PostgreSQL 15 \
         and installs it into the PostgreSQL that pg_config names)",
        library = library.display()
    )]
    CitusNotInstalled {
        /// Where `citus.so` was looked for.
        library: PathBuf,
    },

    /// The throwaway Citus cluster is inconsistent in a way the harness does not repair itself.
    #[error("the throwaway Citus cluster cannot be used: {problem}")]
    Citus {
        /// What is wrong.
        problem: String,
    },

    /// The shared server failed to open on an earlier call in this process; it is not retried,
    /// so that a suite of many tests fails fast instead of retrying a slow start in every test.
    #[error(
        "{message}\n(this failure happened on an earlier call in this process and is not retried)"
    )]
    Earlier {
        /// The message of the original error.
        message: String,
    },
}

impl HarnessError {
    pub(super) fn io(action: &'static str, path: impl Into<PathBuf>, source: io::Error) -> Self {
        HarnessError::Io {
            action,
            path: path.into(),
            source,
            hint: String::new(),
        }
    }
}
