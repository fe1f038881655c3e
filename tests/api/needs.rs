//! Programs from outside the project that some tests need (`redis-server`,
//! nginx). Without one, plain `cargo test` skips those tests and names each
//! on the terminal with what is missing; with `TESTS_REQUIRE_ALL` set
//! (`scripts/test` sets it, so CI runs every test) a missing program fails
//! the test instead.

use std::io::Write;
use std::path::Path;

/// A program some tests need.
#[derive(Clone, Copy, Debug)]
pub enum Program {
    /// `redis-server` on the `PATH`.
    RedisServer,
    /// nginx at `/usr/sbin/nginx` (Debian's place for it).
    Nginx,
    /// `openssl` on the `PATH` (makes the test TLS Redis's certificates).
    OpenSsl,
}

/// Where the nginx tests expect nginx.
pub const NGINX: &str = "/usr/sbin/nginx";

impl Program {
    fn name(self) -> &'static str {
        match self {
            Program::RedisServer => "redis-server",
            Program::Nginx => NGINX,
            Program::OpenSsl => "openssl",
        }
    }

    fn package(self) -> &'static str {
        match self {
            Program::RedisServer => "redis-server",
            Program::Nginx => "nginx-light",
            Program::OpenSsl => "openssl",
        }
    }

    fn is_installed(self) -> bool {
        match self {
            Program::RedisServer | Program::OpenSsl => std::env::var_os("PATH")
                .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(self.name()).is_file())),
            Program::Nginx => Path::new(NGINX).is_file(),
        }
    }
}

/// Whether `program` is installed. When it is not, the calling test should
/// return at once: this writes a line naming the test and the program to
/// the terminal (past the test harness's capture, so the skip is seen), or
/// panics when `TESTS_REQUIRE_ALL` is set.
pub fn installed(program: Program) -> bool {
    if program.is_installed() {
        return true;
    }
    let thread = std::thread::current();
    let test = thread.name().unwrap_or("a test");
    let note = format!(
        "{test} needs {} (Debian package {}), which is not installed; scripts/test installs it and runs every test",
        program.name(),
        program.package()
    );
    assert!(std::env::var_os("TESTS_REQUIRE_ALL").is_none(), "{note}");
    let _ = writeln!(std::io::stderr(), "skipped: {note}");
    false
}

/// Returns from the calling test when `program` is not installed (see
/// [`installed`]).
macro_rules! skip_without {
    ($program:ident) => {
        if !$crate::needs::installed($crate::needs::Program::$program) {
            return;
        }
    };
}
pub(crate) use skip_without;
