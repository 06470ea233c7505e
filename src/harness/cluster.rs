//! The throwaway cluster: a private PostgreSQL instance in a directory under the temp dir,
//! reachable only through a unix socket in that directory, shared by every process of the same
//! user, and stopped (and, unless persistent, deleted) by a detached supervisor once no process
//! has used it for a few seconds.
//!
//! Files in the private directory:
//!
//! | file | purpose |
//! |---|---|
//! | `setup.lock` | exclusive while a process checks/starts the server, or the supervisor checks/stops it |
//! | `users.lock` | every process using the server holds a shared lock on it until it exits |
//! | `supervisor.lock` | held by the live supervisor, so a dead one can be detected and replaced |
//! | `supervisor.pid`, `supervisor.log` | the supervisor's pid and output, for debugging |
//! | `data/` | the cluster (`PGDATA`) |
//! | `server.log` | the server's log |
//! | `.s.PGSQL.5432` | the server's socket |
//! | `.customer-success-db-harness` | marks the directory as the harness's own |
//!
//! Locks are `flock(2)` locks (what `std::fs::File::lock` and `flock(1)` use), which the kernel
//! drops when their holder exits, however it exits: a crashed or killed test cannot keep the
//! server alive forever nor leave a lock behind.

use std::ffi::{CString, OsStr};
use std::fs::{self, DirBuilder, File, OpenOptions, TryLockError};
use std::io;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use diesel::{Connection, PgConnection};

use super::names::{quote_literal, socket_url};
use super::HarnessError;

/// The socket file is named after the port; the directory is private, so the default port never
/// collides with anything and no free port has to be searched for.
pub(super) const PORT: u16 = 5432;

/// Seconds without any user before the supervisor stops the server: long enough for the next
/// test binary of the same `cargo test` run to start and reuse it.
const IDLE_SECONDS: u32 = 5;

/// Overrides the directory of the temporary cluster.
pub(super) const DIR_ENV: &str = "CSDB_HARNESS_DIR";
/// Overrides the directory of the persistent cluster.
pub(super) const KEEP_DIR_ENV: &str = "CSDB_HARNESS_KEEP_DIR";

const MARKER: &str = ".customer-success-db-harness";
const CONF_FILE: &str = "customer_success_db_harness.conf";

/// Environment variables that would make the PostgreSQL tools or libpq use another cluster,
/// port or database than the one given on the command line or in the URL.
const SCRUBBED_ENV: &[&str] = &[
    "PGDATA",
    "PGPORT",
    "PGHOST",
    "PGHOSTADDR",
    "PGUSER",
    "PGDATABASE",
    "PGOPTIONS",
    "PGSERVICE",
    "PGSERVICEFILE",
    "PGPASSFILE",
    "PGTZ",
];

/// The running throwaway cluster as seen by one process.
pub(super) struct Cluster {
    dir: PathBuf,
    dir_str: String,
    persistent: bool,
    /// The shared lock that tells the supervisor this process uses the server. Never read, only
    /// held: it is released by the kernel when the process ends.
    _users: File,
}

/// One node of the throwaway Citus cluster (see [`super::citus`]): each node is a throwaway
/// cluster of its own, in a private directory of its own, with Citus preloaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CitusNode {
    Coordinator,
    /// Worker 1, 2, ...
    Worker(u8),
}

impl CitusNode {
    /// The suffix of the node's private directory (short: the socket path is limited).
    fn dir_suffix(self) -> String {
        match self {
            CitusNode::Coordinator => "citus-coordinator".into(),
            CitusNode::Worker(n) => format!("citus-worker{n}"),
        }
    }
}

impl Cluster {
    /// Starts the cluster or joins the one already running.
    pub(super) fn open(persistent: bool) -> Result<Cluster, HarnessError> {
        Cluster::open_node(persistent, None)
    }

    /// Starts (or joins) one node of the throwaway Citus cluster: a temporary cluster like the
    /// plain one, in a directory of its own, with `shared_preload_libraries = 'citus'`.
    ///
    /// Fails with [`HarnessError::CitusNotInstalled`] before touching anything when the
    /// PostgreSQL installation the harness found has no `citus.so`.
    pub(super) fn open_citus(node: CitusNode) -> Result<Cluster, HarnessError> {
        Cluster::open_node(false, Some(node))
    }

    fn open_node(persistent: bool, citus: Option<CitusNode>) -> Result<Cluster, HarnessError> {
        let tools = Tools::find()?;
        if citus.is_some() {
            tools.check_citus()?;
        }
        let owner = Owner::determine()?;
        let dir = private_dir(persistent, &owner, citus)?;
        let dir_str = dir
            .to_str()
            .ok_or_else(|| HarnessError::Directory {
                path: dir.clone(),
                problem: "the path is not valid UTF-8, so it cannot be put in a connection URL"
                    .into(),
                hint: "Set TMPDIR to a plain directory such as /tmp.".into(),
            })?
            .to_owned();
        let ctx = Context {
            tools: &tools,
            owner: &owner,
            dir: &dir,
            dir_str: &dir_str,
            persistent,
            citus,
        };
        // The supervisor may delete the directory at any moment this process does not hold
        // setup.lock: between our mkdir and our open (ENOENT), or while we wait for the lock
        // (we then hold a lock on a deleted file). Either way, start over with a new directory.
        let deadline = Instant::now() + Duration::from_secs(120);
        loop {
            match ctx.join() {
                Ok(Some(users)) => {
                    return Ok(Cluster {
                        dir,
                        dir_str,
                        persistent,
                        _users: users,
                    })
                }
                Ok(None) => {}
                Err(e) => return Err(e),
            }
            if Instant::now() > deadline {
                return Err(HarnessError::Directory {
                    path: dir.clone(),
                    problem: "it keeps being deleted while this process tries to use it".into(),
                    hint: "Check for another program removing it.".into(),
                });
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// The private directory (also the socket directory).
    pub(super) fn dir(&self) -> &Path {
        &self.dir
    }

    pub(super) fn is_persistent(&self) -> bool {
        self.persistent
    }

    pub(super) fn url_for(&self, dbname: &str) -> String {
        socket_url(&self.dir_str, PORT, dbname)
    }

    /// The socket directory as a string: what Citus's `pg_dist_node.nodename` holds for this
    /// node (libpq takes a host starting with `/` as a unix-socket directory).
    pub(super) fn socket_dir(&self) -> &str {
        &self.dir_str
    }

    pub(super) fn port(&self) -> u16 {
        PORT
    }
}

/// The PostgreSQL and util-linux programs the cluster needs.
struct Tools {
    bindir: PathBuf,
    initdb: PathBuf,
    pg_ctl: PathBuf,
    flock: PathBuf,
}

impl Tools {
    /// `pg_config --bindir` first (it names the installation the user chose), then `PATH`, then
    /// the newest Debian/Ubuntu versioned directory, which is not on `PATH` by default.
    fn find() -> Result<Tools, HarnessError> {
        let mut candidates: Vec<PathBuf> = Vec::new();
        if let Ok(out) = Command::new("pg_config")
            .arg("--bindir")
            .stdin(Stdio::null())
            .output()
        {
            if out.status.success() {
                let dir = String::from_utf8_lossy(&out.stdout).trim().to_owned();
                if !dir.is_empty() {
                    candidates.push(PathBuf::from(dir));
                }
            }
        }
        if let Some(path) = std::env::var_os("PATH") {
            candidates.extend(std::env::split_paths(&path));
        }
        candidates.extend(debian_bindirs());
        let bindir = candidates
            .into_iter()
            .find(|dir| is_executable(&dir.join("initdb")) && is_executable(&dir.join("pg_ctl")))
            .ok_or_else(|| HarnessError::NoServer {
                searched: "no `initdb`/`pg_ctl` was found (looked in `pg_config --bindir`, PATH \
                           and /usr/lib/postgresql/*/bin)"
                    .into(),
            })?;
        let flock = find_in_path("flock")
            .or_else(|| {
                let p = PathBuf::from("/usr/bin/flock");
                is_executable(&p).then_some(p)
            })
            .ok_or_else(|| HarnessError::Command {
                command: "flock".into(),
                problem: "not found on PATH".into(),
                output: String::new(),
                hint: "\ninstall util-linux (Debian: `apt-get install util-linux`), which the \
                       throwaway cluster's supervisor uses, or set DATABASE_URL"
                    .into(),
            })?;
        Ok(Tools {
            initdb: bindir.join("initdb"),
            bindir: bindir.clone(),
            pg_ctl: bindir.join("pg_ctl"),
            flock,
        })
    }
}

impl Tools {
    /// Checks that the server these binaries belong to can load Citus: `citus.so` in the
    /// installation's library directory (`pg_config --pkglibdir` of the same installation,
    /// or `<bindir>/../lib` where there is no `pg_config` beside the binaries).
    fn check_citus(&self) -> Result<(), HarnessError> {
        let pg_config = self.bindir.join("pg_config");
        let pkglibdir = Command::new(&pg_config)
            .arg("--pkglibdir")
            .stdin(Stdio::null())
            .output()
            .ok()
            .filter(|out| out.status.success())
            .map(|out| PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()))
            .filter(|dir| !dir.as_os_str().is_empty())
            .unwrap_or_else(|| self.bindir.join("../lib"));
        let library = pkglibdir.join("citus.so");
        if library.is_file() {
            Ok(())
        } else {
            Err(HarnessError::CitusNotInstalled { library })
        }
    }
}

/// `/usr/lib/postgresql/<version>/bin`, newest version first.
fn debian_bindirs() -> Vec<PathBuf> {
    let mut versions: Vec<(Vec<u32>, PathBuf)> = fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let key: Option<Vec<u32>> = name.split('.').map(|p| p.parse().ok()).collect();
            Some((key?, entry.path().join("bin")))
        })
        .collect();
    versions.sort();
    versions.into_iter().rev().map(|(_, p)| p).collect()
}

fn find_in_path(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|p| is_executable(p))
}

fn is_executable(path: &Path) -> bool {
    fs::metadata(path)
        .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        .unwrap_or(false)
}

/// Who the server runs as: PostgreSQL refuses to run as root, so root hands the cluster to the
/// `postgres` system user; everybody else runs it as themselves.
struct Owner {
    uid: u32,
    gid: u32,
    /// True when this process is root and must switch to `uid`/`gid` for the server's programs.
    switch: bool,
}

impl Owner {
    fn determine() -> Result<Owner, HarnessError> {
        // SAFETY: geteuid/getegid have no preconditions and cannot fail.
        let (euid, egid) = unsafe { (libc::geteuid(), libc::getegid()) };
        if euid != 0 {
            return Ok(Owner {
                uid: euid,
                gid: egid,
                switch: false,
            });
        }
        let (uid, gid) = lookup_user("postgres").ok_or(HarnessError::NoUnprivilegedUser)?;
        if uid == 0 {
            return Err(HarnessError::NoUnprivilegedUser);
        }
        Ok(Owner {
            uid,
            gid,
            switch: true,
        })
    }

    /// A command for one of the server's programs, as the server's user, in a directory that
    /// user can read (root's working directory often is not, and initdb/pg_ctl then fail), with
    /// messages in English so that they can be matched and quoted.
    fn command(&self, program: &Path, cwd: &Path) -> Command {
        let mut cmd = Command::new(program);
        cmd.current_dir(cwd).stdin(Stdio::null()).env("LC_ALL", "C");
        for var in SCRUBBED_ENV {
            cmd.env_remove(var);
        }
        if self.switch {
            cmd.uid(self.uid).gid(self.gid);
        }
        cmd
    }

    /// Gives `path` to the server's user when running as root; a no-op otherwise.
    fn chown(&self, path: &Path) -> Result<(), HarnessError> {
        if self.switch {
            std::os::unix::fs::chown(path, Some(self.uid), Some(self.gid))
                .map_err(|e| HarnessError::io("change the owner of", path, e))?;
        }
        Ok(())
    }
}

/// uid and gid of a user, via the reentrant getpwnam_r (tests run on many threads).
fn lookup_user(name: &str) -> Option<(u32, u32)> {
    let cname = CString::new(name).ok()?;
    let mut buf_len = 4096;
    loop {
        let mut buf = vec![0u8; buf_len];
        // SAFETY: passwd is plain old data; all-zero is a valid (if meaningless) value that
        // getpwnam_r overwrites.
        let mut pwd: libc::passwd = unsafe { std::mem::zeroed() };
        let mut result: *mut libc::passwd = std::ptr::null_mut();
        // SAFETY: every pointer is valid for the duration of the call and buf_len is the real
        // length of buf; the strings in pwd point into buf, which we do not read.
        let rc = unsafe {
            libc::getpwnam_r(
                cname.as_ptr(),
                &mut pwd,
                buf.as_mut_ptr().cast(),
                buf.len(),
                &mut result,
            )
        };
        if rc == libc::ERANGE && buf_len < 1 << 20 {
            buf_len *= 4;
            continue;
        }
        if rc != 0 || result.is_null() {
            return None;
        }
        return Some((pwd.pw_uid, pwd.pw_gid));
    }
}

/// The private directory: one per effective user (so two users of a machine never share a
/// trust-authenticated superuser), under [`base_dir`] unless [`DIR_ENV`] or [`KEEP_DIR_ENV`]
/// says otherwise.
///
/// A Citus node's directory is a sibling of the plain cluster's: `<CSDB_HARNESS_DIR>-<suffix>`
/// when the variable is set, `customer-success-db-<suffix>-<euid>` otherwise, so that the
/// plain cluster's directory keeps holding only its own files.
fn private_dir(
    persistent: bool,
    owner: &Owner,
    citus: Option<CitusNode>,
) -> Result<PathBuf, HarnessError> {
    // SAFETY: geteuid has no preconditions and cannot fail.
    let euid = unsafe { libc::geteuid() };
    let name = match citus {
        Some(node) => format!("customer-success-db-{}-{euid}", node.dir_suffix()),
        None if persistent => format!("customer-success-db-keep-{euid}"),
        None => format!("customer-success-db-pg-{euid}"),
    };
    let override_var = if persistent { KEEP_DIR_ENV } else { DIR_ENV };
    let explicit = std::env::var_os(override_var)
        .filter(|v| !v.is_empty())
        .map(|v| match citus {
            Some(node) => {
                let mut v = v;
                v.push(format!("-{}", node.dir_suffix()));
                PathBuf::from(v)
            }
            None => PathBuf::from(v),
        });
    let dir = match explicit {
        Some(dir) => absolute(dir)?,
        None => {
            let preferred = absolute(base_dir(persistent))?.join(&name);
            // When root hands the cluster to `postgres`, that user must be able to reach it;
            // a TMPDIR under /root would not do, and /tmp always does.
            if owner.switch && !traversable_by(&preferred, owner) {
                let fallback = Path::new("/tmp").join(&name);
                log::warn!(
                    "{} is not reachable by the postgres user; using {} instead",
                    preferred.display(),
                    fallback.display()
                );
                fallback
            } else {
                preferred
            }
        }
    };
    if owner.switch && !traversable_by(&dir, owner) {
        return Err(HarnessError::Directory {
            path: dir,
            problem: "the `postgres` user cannot reach it (a parent directory lacks execute \
                      permission for it)"
                .into(),
            hint: format!("Point {override_var} or TMPDIR to a directory such as /tmp."),
        });
    }
    // sun_path is 108 bytes; the socket is `<dir>/.s.PGSQL.5432`.
    if dir.as_os_str().len() + "/.s.PGSQL.5432".len() > 107 {
        return Err(HarnessError::Directory {
            path: dir,
            problem: "the path is too long for a unix socket (at most 93 bytes)".into(),
            hint: format!("Point {override_var} or TMPDIR to a shorter directory such as /tmp."),
        });
    }
    Ok(dir)
}

/// Where the private directory goes: the temp dir, except that a temporary cluster prefers a
/// roomy tmpfs at /dev/shm when TMPDIR does not ask for a particular place. PostgreSQL creates a
/// database as some 300 files, and on a VM disk where creating a file costs about a millisecond
/// that makes each `CREATE DATABASE` take 100-300 ms, against 6 ms on tmpfs. A persistent cluster
/// stays in the temp dir, which survives reboots on most systems.
fn base_dir(persistent: bool) -> PathBuf {
    if !persistent && std::env::var_os("TMPDIR").is_none() {
        if let Some(dir) = roomy_tmpfs() {
            return dir;
        }
    }
    std::env::temp_dir()
}

/// /dev/shm if it is a world-writable tmpfs with at least 1 GiB free (containers often give it
/// only 64 MiB, too little for a cluster).
#[cfg(target_os = "linux")]
fn roomy_tmpfs() -> Option<PathBuf> {
    const TMPFS_MAGIC: i64 = 0x0102_1994;
    let path = Path::new("/dev/shm");
    let meta = fs::metadata(path).ok()?;
    if !meta.is_dir() || meta.mode() & 0o1777 != 0o1777 {
        return None;
    }
    let cpath = CString::new(path.as_os_str().as_bytes()).ok()?;
    // SAFETY: statfs is plain old data that statfs(2) fills in; the path is NUL-terminated.
    let mut stat: libc::statfs = unsafe { std::mem::zeroed() };
    // SAFETY: both pointers are valid for the duration of the call.
    if unsafe { libc::statfs(cpath.as_ptr(), &mut stat) } != 0 {
        return None;
    }
    // The field types differ between architectures.
    #[allow(clippy::unnecessary_cast, clippy::useless_conversion)]
    let (kind, free) = (
        stat.f_type as i64,
        u64::from(stat.f_bavail as u64).saturating_mul(stat.f_bsize as u64),
    );
    (kind == TMPFS_MAGIC && free >= 1 << 30).then(|| path.to_owned())
}

#[cfg(not(target_os = "linux"))]
fn roomy_tmpfs() -> Option<PathBuf> {
    None
}

fn absolute(path: PathBuf) -> Result<PathBuf, HarnessError> {
    std::path::absolute(&path).map_err(|e| HarnessError::io("resolve", path, e))
}

/// Whether every existing ancestor of `path` lets `owner` through (execute permission).
fn traversable_by(path: &Path, owner: &Owner) -> bool {
    path.ancestors().skip(1).all(|dir| match fs::metadata(dir) {
        Ok(m) => {
            let mode = m.mode();
            if m.uid() == owner.uid {
                mode & 0o100 != 0
            } else if m.gid() == owner.gid {
                mode & 0o010 != 0
            } else {
                mode & 0o001 != 0
            }
        }
        // A missing ancestor will be created by us with permissions we choose.
        Err(_) => true,
    })
}

/// Creates the private directory (mode 0700: the server trusts every local connection, so no
/// other user may reach the socket), or checks that an existing one is safe to use: a real
/// directory, owned by the server's user, not open to others, and the harness's own.
fn prepare_dir(ctx: &Context<'_>) -> Result<(), HarnessError> {
    let dir = ctx.dir;
    if let Some(parent) = dir.parent() {
        fs::create_dir_all(parent).map_err(|e| HarnessError::io("create directory", parent, e))?;
    }
    let created = match DirBuilder::new().mode(0o700).create(dir) {
        Ok(()) => true,
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => false,
        Err(e) => return Err(HarnessError::io("create directory", dir, e)),
    };
    let meta = fs::symlink_metadata(dir).map_err(|e| HarnessError::io("inspect", dir, e))?;
    if !meta.is_dir() {
        return Err(HarnessError::Directory {
            path: dir.to_owned(),
            problem: "it is not a directory (a symlink or file placed there by someone else?)"
                .into(),
            hint: "Remove it and run again.".into(),
        });
    }
    if meta.uid() != ctx.owner.uid {
        // SAFETY: geteuid has no preconditions and cannot fail.
        let euid = unsafe { libc::geteuid() };
        if meta.uid() == euid && ctx.owner.switch {
            ctx.owner.chown(dir)?;
        } else {
            return Err(HarnessError::Directory {
                path: dir.to_owned(),
                problem: format!(
                    "it belongs to uid {}, not to uid {}",
                    meta.uid(),
                    ctx.owner.uid
                ),
                hint: format!(
                    "Remove it if it is stale, or point {DIR_ENV}/{KEEP_DIR_ENV} or TMPDIR \
                     elsewhere."
                ),
            });
        }
    }
    if meta.mode() & 0o077 != 0 {
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))
            .map_err(|e| HarnessError::io("restrict the permissions of", dir, e))?;
    }
    let marker = dir.join(MARKER);
    if created || !marker.exists() {
        // Only files the harness makes are ever deleted, but a directory holding anything else
        // (e.g. a mistyped CSDB_HARNESS_DIR) should not receive a cluster at all. Checking the
        // names rather than only the marker also accepts a directory caught half-way through
        // the supervisor's clean-up.
        let entries = fs::read_dir(dir).map_err(|e| HarnessError::io("list", dir, e))?;
        let foreign: Vec<String> = entries
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| !is_harness_file(name))
            .collect();
        if !foreign.is_empty() {
            return Err(HarnessError::Directory {
                path: dir.to_owned(),
                problem: format!(
                    "it holds files the harness did not create ({})",
                    foreign.join(", ")
                ),
                hint: format!(
                    "Point {DIR_ENV}/{KEEP_DIR_ENV} or TMPDIR to a new or empty directory."
                ),
            });
        }
        fs::write(&marker, b"").map_err(|e| HarnessError::io("create", &marker, e))?;
        ctx.owner.chown(&marker)?;
    }
    Ok(())
}

fn is_harness_file(name: &str) -> bool {
    matches!(
        name,
        MARKER
            | "setup.lock"
            | "users.lock"
            | "supervisor.lock"
            | "supervisor.pid"
            | "supervisor.log"
            | "server.log"
            | "data"
    ) || name.starts_with(".s.PGSQL.")
}

fn open_lock_file(path: &Path, owner: &Owner) -> Result<File, HarnessError> {
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(path)
        .map_err(|e| HarnessError::io("open", path, e))?;
    // The supervisor runs as the server's user and must be able to open these too.
    if owner.switch {
        let meta = file
            .metadata()
            .map_err(|e| HarnessError::io("inspect", path, e))?;
        if meta.uid() != owner.uid {
            owner.chown(path)?;
        }
    }
    Ok(file)
}

/// Whether `file` is still what `path` names (it is not if the directory was deleted and
/// recreated since `file` was opened).
fn is_same_file(file: &File, path: &Path) -> bool {
    match (file.metadata(), fs::symlink_metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// Everything the start-up steps need; they all run with `setup.lock` held.
struct Context<'a> {
    tools: &'a Tools,
    owner: &'a Owner,
    dir: &'a Path,
    dir_str: &'a str,
    persistent: bool,
    citus: Option<CitusNode>,
}

impl Context<'_> {
    /// One attempt to join (starting if needed) the cluster. Returns the users.lock file, held
    /// shared, or `None` if the directory was deleted before this process got setup.lock.
    fn join(&self) -> Result<Option<File>, HarnessError> {
        let setup_path = self.dir.join("setup.lock");
        let setup = match prepare_dir(self).and_then(|()| open_lock_file(&setup_path, self.owner)) {
            Ok(file) => file,
            Err(HarnessError::Io { source, .. }) if source.kind() == io::ErrorKind::NotFound => {
                return Ok(None)
            }
            Err(e) => return Err(e),
        };
        setup
            .lock()
            .map_err(|e| HarnessError::io("lock", &setup_path, e))?;
        if !is_same_file(&setup, &setup_path) {
            return Ok(None);
        }
        let users_path = self.dir.join("users.lock");
        let users = open_lock_file(&users_path, self.owner)?;
        users
            .lock_shared()
            .map_err(|e| HarnessError::io("lock", &users_path, e))?;
        self.ensure_running()?;
        self.ensure_supervisor()?;
        // setup.lock is released when `setup` is dropped here; `users` stays locked.
        Ok(Some(users))
    }

    fn data(&self) -> PathBuf {
        self.dir.join("data")
    }

    fn log(&self) -> PathBuf {
        self.dir.join("server.log")
    }

    fn ensure_running(&self) -> Result<(), HarnessError> {
        if self.answers() {
            return Ok(());
        }
        if let Some(pid) = self.live_postmaster() {
            // A postmaster that exists but does not answer may still be recovering after a
            // crash; give it a moment before treating it as broken.
            let until = Instant::now() + Duration::from_secs(10);
            while Instant::now() < until {
                if self.answers() {
                    return Ok(());
                }
                if self.live_postmaster().is_none() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(200));
            }
            log::warn!(
                "the throwaway PostgreSQL server in {} (pid {pid}) does not answer; stopping it",
                self.dir.display()
            );
            let _ = self.pg_ctl(&["stop", "-m", "immediate", "-w", "-t", "30"]);
            if self.live_postmaster().is_some() {
                // SAFETY: kill has no memory-safety preconditions; the pid was just checked
                // to be a `postgres` process running in our data directory.
                unsafe {
                    libc::kill(pid as libc::pid_t, libc::SIGKILL);
                }
                std::thread::sleep(Duration::from_millis(500));
            }
        }
        if self.live_postmaster().is_none() && self.data().join("postmaster.pid").exists() {
            // The server was killed (SIGKILL, OOM): its shared memory (a System V segment and
            // the POSIX segments /dev/shm/PostgreSQL.*) outlives it. Only PostgreSQL knows
            // which segments were this cluster's; it removes them when it starts again on
            // the same data directory, so it is started once before the directory goes.
            self.release_shared_memory_of_dead_server();
        }
        if self.live_postmaster().is_none() {
            // postgres itself refuses to start over a lock file whose pid now belongs to some
            // other process (likely after a reboot), so stale lock files go.
            for stale in [
                self.data().join("postmaster.pid"),
                self.dir.join(format!(".s.PGSQL.{PORT}.lock")),
                self.dir.join(format!(".s.PGSQL.{PORT}")),
            ] {
                remove_path(&stale)?;
            }
        }
        if !self.persistent {
            self.wipe()?;
        }
        let data = self.data();
        if !data.join("PG_VERSION").exists() {
            // A data directory without PG_VERSION is an interrupted initdb.
            remove_path(&data)?;
            self.initdb()?;
        }
        self.write_conf()?;
        self.start()
    }

    /// Starts and at once stops (immediate mode, which still releases shared memory) a server
    /// on the data directory of one that was killed: at start-up PostgreSQL finds the killed
    /// server's System V segment (its key is derived from the data directory), and when no
    /// process is attached to it any more, removes it together with the dynamic shared memory
    /// segments it lists. Failures are only logged: the directory is wiped anyway, and what is
    /// left costs memory, not correctness.
    fn release_shared_memory_of_dead_server(&self) {
        let data = self.data();
        if !data.join("PG_VERSION").exists() {
            return;
        }
        let started = Instant::now();
        // The killed server's backends exit once they notice its death; until then its segment
        // is still attached and the start refuses ("pre-existing shared memory block is still
        // in use").
        let mut last = None;
        for _ in 0..20 {
            let attempt = self.write_conf().and_then(|()| self.pg_ctl_logged_start());
            match attempt {
                Ok(_) => {
                    let _ = self.pg_ctl(&["stop", "-m", "immediate", "-w", "-t", "30"]);
                    log::info!(
                        "released the shared memory of the killed server in {} in {:?}",
                        self.dir.display(),
                        started.elapsed()
                    );
                    return;
                }
                Err(e) => last = Some(e),
            }
            std::thread::sleep(Duration::from_millis(250));
        }
        if let Some(e) = last {
            log::warn!(
                "could not restart the killed server in {} to release its shared memory: {e}",
                self.dir.display()
            );
        }
    }

    /// `pg_ctl start` with the server's log in the usual place.
    fn pg_ctl_logged_start(&self) -> Result<Output, HarnessError> {
        let mut cmd = self.owner.command(&self.tools.pg_ctl, self.dir);
        cmd.args(["start", "-w", "-t", "30", "-D"])
            .arg(self.data())
            .arg("-l")
            .arg(self.log());
        run(&mut cmd, "")
    }

    /// Whether the server accepts connections. "Too many clients" counts: the server is alive
    /// and busy, and wiping it then would pull it from under its users.
    fn answers(&self) -> bool {
        if !self.dir.join(format!(".s.PGSQL.{PORT}")).exists() {
            return false;
        }
        match PgConnection::establish(&socket_url(self.dir_str, PORT, "postgres")) {
            Ok(_) => true,
            Err(e) => e.to_string().contains("too many clients"),
        }
    }

    /// The pid in `postmaster.pid`, if that process is alive and is the postmaster of this data
    /// directory: after a reboot the pid may belong to anything, even another cluster's server,
    /// and it must not be signalled then.
    fn live_postmaster(&self) -> Option<u32> {
        let data = self.data();
        let text = fs::read_to_string(data.join("postmaster.pid")).ok()?;
        let pid: u32 = text.lines().next()?.trim().parse().ok()?;
        let proc_dir = Path::new("/proc").join(pid.to_string());
        if Path::new("/proc/self").exists() {
            let comm = fs::read_to_string(proc_dir.join("comm")).ok()?;
            let cmdline = fs::read(proc_dir.join("cmdline")).ok()?;
            let ours = cmdline
                .split(|&b| b == 0)
                .any(|arg| arg == data.as_os_str().as_bytes());
            (comm.trim() == "postgres" && ours).then_some(pid)
        } else {
            // SAFETY: signal 0 only checks that the process exists.
            let alive = unsafe { libc::kill(pid as libc::pid_t, 0) } == 0
                || io::Error::last_os_error().raw_os_error() == Some(libc::EPERM);
            alive.then_some(pid)
        }
    }

    /// Removes what a previous, killed run left: the data directory, the log, stale sockets.
    /// Only names the harness creates are touched.
    fn wipe(&self) -> Result<(), HarnessError> {
        remove_path(&self.data())?;
        for name in [
            "server.log".to_owned(),
            format!(".s.PGSQL.{PORT}"),
            format!(".s.PGSQL.{PORT}.lock"),
        ] {
            remove_path(&self.dir.join(name))?;
        }
        Ok(())
    }

    fn initdb(&self) -> Result<(), HarnessError> {
        let data = self.data();
        let mut cmd = self.owner.command(&self.tools.initdb, self.dir);
        cmd.arg("-D").arg(&data).args([
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C",
        ]);
        if !self.persistent {
            // Nothing of a temporary cluster has to survive a power cut.
            cmd.arg("--no-sync");
        }
        let started = Instant::now();
        run(&mut cmd, "")?;
        log::info!(
            "initialised a throwaway PostgreSQL cluster in {} in {:?}",
            data.display(),
            started.elapsed()
        );
        // The settings live in a file of their own that is rewritten at every start, so a kept
        // cluster follows changes of this code (and of the directory's path).
        let conf = data.join("postgresql.conf");
        let mut text = fs::read_to_string(&conf).map_err(|e| HarnessError::io("read", &conf, e))?;
        text.push_str(&format!(
            "\ninclude_if_exists = {}\n",
            quote_literal(CONF_FILE)
        ));
        fs::write(&conf, text).map_err(|e| HarnessError::io("write", &conf, e))
    }

    fn write_conf(&self) -> Result<(), HarnessError> {
        // Durability settings: a temporary cluster is deleted after the run, so losing it in a
        // crash costs nothing and fsync is pure overhead; a kept one keeps crash safety and only
        // gives up waiting for commits to reach disk.
        let durability = if self.persistent {
            "synchronous_commit = off\n"
        } else {
            "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
        };
        let text = format!(
            "# Written by customer_success_db::harness at every start; edits are overwritten.\n\
             # No TCP at all: the socket in the private directory is the only way in.\n\
             listen_addresses = ''\n\
             port = {PORT}\n\
             unix_socket_directories = {socket_dir}\n\
             unix_socket_permissions = 0700\n\
             # Parallel tests each hold a few connections.\n\
             max_connections = 200\n\
             shared_buffers = '32MB'\n\
             {durability}\
             wal_level = minimal\n\
             max_wal_senders = 0\n\
             max_wal_size = '512MB'\n\
             {citus}",
            socket_dir = quote_literal(self.dir_str),
            citus = match self.citus {
                // Citus connects to its own node by `citus.local_hostname` (shard moves and
                // splits, EXPLAIN ANALYZE of some queries on the coordinator), `localhost` by
                // default: TCP, which these nodes do not listen on.
                Some(_) => format!(
                    "{CITUS_CONF}citus.local_hostname = {}\n",
                    quote_literal(self.dir_str)
                ),
                None => String::new(),
            },
        );
        let path = self.data().join(CONF_FILE);
        fs::write(&path, text).map_err(|e| HarnessError::io("write", &path, e))?;
        self.owner.chown(&path)
    }

    fn start(&self) -> Result<(), HarnessError> {
        let data = self.data();
        let log = self.log();
        // pg_ctl appends; a kept cluster's log would grow forever, and the tail quoted on a
        // failed start should be about this start.
        if self.persistent && fs::metadata(&log).is_ok_and(|m| m.len() > 1 << 20) {
            remove_path(&log)?;
        }
        let mut cmd = self.owner.command(&self.tools.pg_ctl, self.dir);
        cmd.arg("start")
            .args(["-w", "-t", "60", "-D"])
            .arg(&data)
            .arg("-l")
            .arg(&log);
        let started = Instant::now();
        let result = run(&mut cmd, "");
        let hint = if self.persistent {
            format!(
                "The kept cluster may be from another PostgreSQL version or damaged: delete {} \
                 to start over, or set DATABASE_URL.",
                self.dir.display()
            )
        } else {
            "Check the log above; common causes are too little shared memory (/dev/shm) or a \
             full disk. Setting DATABASE_URL to an existing server avoids the throwaway cluster."
                .into()
        };
        let error = match result {
            Ok(_) if self.wait_until_answers(Duration::from_secs(10)) => {
                log::info!(
                    "started a throwaway PostgreSQL server in {} in {:?}",
                    self.dir.display(),
                    started.elapsed()
                );
                return Ok(());
            }
            Ok(_) => HarnessError::ServerStart {
                command: command_line(&cmd),
                problem: "it reported success, but the server does not accept connections".into(),
                log: log.clone(),
                log_tail: tail(&log, 20),
                hint,
            },
            Err(HarnessError::Command {
                command,
                problem,
                output,
                ..
            }) => HarnessError::ServerStart {
                command,
                problem: problem + &output,
                log: log.clone(),
                log_tail: tail(&log, 20),
                hint,
            },
            Err(other) => other,
        };
        Err(error)
    }

    fn wait_until_answers(&self, timeout: Duration) -> bool {
        let until = Instant::now() + timeout;
        loop {
            if self.answers() {
                return true;
            }
            if Instant::now() > until {
                return false;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn pg_ctl(&self, args: &[&str]) -> Result<Output, HarnessError> {
        let mut cmd = self.owner.command(&self.tools.pg_ctl, self.dir);
        cmd.args(args).arg("-D").arg(self.data());
        run(&mut cmd, "")
    }

    /// Starts a supervisor unless a live one holds `supervisor.lock`.
    fn ensure_supervisor(&self) -> Result<(), HarnessError> {
        let lock_path = self.dir.join("supervisor.lock");
        let lock = open_lock_file(&lock_path, self.owner)?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => return Ok(()),
            Err(TryLockError::Error(e)) => return Err(HarnessError::io("lock", &lock_path, e)),
        }
        // Released before spawning so that the supervisor can take it; nobody else can spawn
        // one in between because this process holds setup.lock.
        drop(lock);
        let mode = if self.persistent { "keep" } else { "wipe" };
        let mut cmd = self.owner.command(Path::new("/bin/sh"), self.dir);
        cmd.arg("-c")
            .arg(SPAWN_SCRIPT)
            .arg("csdb-spawn")
            .arg(SUPERVISOR_SCRIPT)
            .arg(self.dir)
            .arg(&self.tools.pg_ctl)
            .arg(&self.tools.flock)
            .arg(mode)
            .arg(IDLE_SECONDS.to_string());
        // A session of its own: Ctrl-C in the terminal running the tests, or the terminal
        // closing, must not take the supervisor down while the server runs.
        // SAFETY: setsid is async-signal-safe and touches no memory of the parent.
        unsafe {
            cmd.pre_exec(|| {
                if libc::setsid() == -1 {
                    return Err(io::Error::last_os_error());
                }
                Ok(())
            });
        }
        run(
            &mut cmd,
            "\nthe throwaway cluster's supervisor could not be started",
        )?;
        Ok(())
    }
}

/// Settings of a Citus node, after (so overriding) the plain cluster's.
const CITUS_CONF: &str = "\
# A node of the throwaway Citus cluster.
shared_preload_libraries = 'citus'
# Citus moves shards (citus_rebalance_start, citus_move_shard_placement) with logical
# replication, which needs these; wal_level = minimal allows no WAL senders at all.
wal_level = logical
max_wal_senders = 10
max_replication_slots = 10
# 4 shards per distributed table instead of 32: every test database is a distributed database
# of its own, and 24 tables x 32 shards (each with its indexes) make thousands of files to
# create, copy and drop per test. Two shards per worker still exercise routing and co-location.
citus.shard_count = 4
";

/// Forks the supervisor into the background and returns at once, so the supervisor is not a
/// child of the test process (no zombie, and nothing ties it to that process's lifetime). Its
/// output goes to a file: an inherited stdout/stderr pipe would make test runners that wait for
/// EOF (nextest) hang.
const SPAWN_SCRIPT: &str = r#"
script=$1; shift
/bin/sh -c "$script" csdb-supervisor "$@" </dev/null >>"$1/supervisor.log" 2>&1 &
"#;

/// The supervisor: every second it checks, holding setup.lock (so that no process is half-way
/// through joining), whether anyone holds users.lock; after IDLE consecutive idle checks it
/// stops the server and removes the directory's harness files (mode `wipe`) or only stops the
/// server (mode `keep`). Arguments: dir, pg_ctl, flock, mode, idle seconds.
///
/// fd 7 holds supervisor.lock for the supervisor's whole life and fd 9 holds setup.lock during
/// a check; child processes get neither (`7<&- 9<&-`), or a `sleep` outliving a killed
/// supervisor would keep its lock and hide its death.
const SUPERVISOR_SCRIPT: &str = r#"
dir=$1 pg_ctl=$2 flock=$3 mode=$4 idle_limit=$5
exec 7<"$dir/supervisor.lock" || exit 1
"$flock" -n -x 7 || exit 0
echo $$ >"$dir/supervisor.pid"
echo "$(date '+%F %T') supervisor $$ watching $dir"
if [ "$mode" = keep ]; then stop_mode=fast; else stop_mode=immediate; fi
idle=0
while :; do
  sleep 1 7<&-
  [ -e "$dir/setup.lock" ] || exit 0
  exec 9<"$dir/setup.lock"
  "$flock" -x 9 7<&- || exit 1
  if "$flock" -n -x "$dir/users.lock" true 7<&- 9<&-; then
    idle=$((idle + 1))
  else
    idle=0
  fi
  if [ "$idle" -ge "$idle_limit" ]; then
    echo "$(date '+%F %T') no users for ${idle}s: stopping the server"
    "$pg_ctl" stop -D "$dir/data" -m "$stop_mode" -w -t 60 7<&- 9<&-
    "$pg_ctl" status -D "$dir/data" >/dev/null 2>&1 7<&- 9<&-
    if [ $? -ne 0 ]; then
      if [ "$mode" = wipe ] && [ -e "$dir/data/postmaster.pid" ]; then
        # The server was killed (a clean stop removes postmaster.pid): its shared memory
        # outlives it until a server starts on the same data directory and removes it.
        echo "$(date '+%F %T') the server was killed: restarting it once to release its shared memory"
        "$pg_ctl" start -w -t 30 -D "$dir/data" -l "$dir/server.log" 7<&- 9<&- &&
          "$pg_ctl" stop -m immediate -w -t 30 -D "$dir/data" 7<&- 9<&-
      fi
      if [ "$mode" = wipe ]; then
        rm -rf "$dir/data"
        rm -f "$dir/server.log" "$dir/supervisor.log" "$dir/supervisor.pid" \
          "$dir/.s.PGSQL."* "$dir/users.lock" "$dir/supervisor.lock" "$dir/setup.lock"
        # The marker goes last: a process looking at the directory meanwhile still sees it as
        # the harness's own. rmdir fails, harmlessly, if such a process has already begun again.
        rm -f "$dir/.customer-success-db-harness"
        rmdir "$dir" 2>/dev/null
      else
        rm -f "$dir/supervisor.pid"
      fi
      exit 0
    fi
    echo "$(date '+%F %T') the server did not stop; trying again later"
    idle=0
  fi
  exec 9<&-
done
"#;

/// Runs `cmd` to completion; any failure becomes a [`HarnessError::Command`] carrying the
/// command line and its output.
fn run(cmd: &mut Command, hint: &str) -> Result<Output, HarnessError> {
    let output = cmd.output().map_err(|e| HarnessError::Command {
        command: command_line(cmd),
        problem: format!("could not be started: {e}"),
        output: String::new(),
        hint: hint.to_owned(),
    })?;
    if output.status.success() {
        return Ok(output);
    }
    Err(HarnessError::Command {
        command: command_line(cmd),
        problem: output.status.to_string(),
        output: format_output(&output),
        hint: hint.to_owned(),
    })
}

fn format_output(output: &Output) -> String {
    let mut text = String::new();
    for stream in [&output.stdout, &output.stderr] {
        let s = String::from_utf8_lossy(stream);
        let s = s.trim();
        if !s.is_empty() {
            text.push('\n');
            text.push_str(s);
        }
    }
    text
}

fn command_line(cmd: &Command) -> String {
    let mut parts = vec![shell_word(cmd.get_program())];
    // The supervisor script is long and says nothing useful in an error message.
    parts.extend(cmd.get_args().map(|a| {
        if a.len() > 200 {
            "<script>".into()
        } else {
            shell_word(a)
        }
    }));
    parts.join(" ")
}

fn shell_word(s: &OsStr) -> String {
    let s = String::from_utf8_lossy(s.as_bytes());
    if !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_./=:,%+@".contains(&b))
    {
        s.into_owned()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

/// The last `lines` lines of a log file, for error messages.
fn tail(path: &Path, lines: usize) -> String {
    match fs::read(path) {
        Ok(bytes) => {
            let text = String::from_utf8_lossy(&bytes);
            let all: Vec<&str> = text.lines().collect();
            all[all.len().saturating_sub(lines)..].join("\n")
        }
        Err(e) => format!("(could not read it: {e})"),
    }
}

fn remove_path(path: &Path) -> Result<(), HarnessError> {
    let result = match fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => fs::remove_dir_all(path),
        Ok(_) => fs::remove_file(path),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    };
    result.map_err(|e| HarnessError::io("remove", path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_words_are_quoted() {
        assert_eq!(shell_word(OsStr::new("/usr/bin/pg_ctl")), "/usr/bin/pg_ctl");
        assert_eq!(shell_word(OsStr::new("a b")), "'a b'");
        assert_eq!(shell_word(OsStr::new("it's")), r"'it'\''s'");
        assert_eq!(shell_word(OsStr::new("")), "''");
    }

    #[test]
    fn a_missing_citus_library_is_a_clear_error() {
        let dir = std::env::temp_dir().join(format!("csdb-no-citus-{}", std::process::id()));
        fs::create_dir_all(dir.join("bin")).unwrap();
        fs::create_dir_all(dir.join("lib")).unwrap();
        let tools = Tools {
            bindir: dir.join("bin"),
            initdb: dir.join("bin/initdb"),
            pg_ctl: dir.join("bin/pg_ctl"),
            flock: PathBuf::from("/usr/bin/flock"),
        };
        let error = tools.check_citus().unwrap_err();
        assert!(
            matches!(&error, HarnessError::CitusNotInstalled { library } if library.ends_with("lib/citus.so")),
            "{error:?}"
        );
        let message = error.to_string();
        // tests/citus.rs recognises the remembered failure by this prefix.
        assert!(
            message.starts_with("citus.so is not installed"),
            "{message}"
        );
        assert!(message.contains("../shared/citus/install.sh"), "{message}");
        fs::write(dir.join("lib/citus.so"), b"").unwrap();
        assert!(tools.check_citus().is_ok());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn debian_versions_sort_numerically() {
        // Only checks the ordering logic on whatever is installed: 10 must beat 9.
        let dirs = debian_bindirs();
        let versions: Vec<u32> = dirs
            .iter()
            .filter_map(|d| {
                d.parent()?
                    .file_name()?
                    .to_str()?
                    .split('.')
                    .next()?
                    .parse()
                    .ok()
            })
            .collect();
        assert!(versions.windows(2).all(|w| w[0] >= w[1]), "{versions:?}");
    }
}
