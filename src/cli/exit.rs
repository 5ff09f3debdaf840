//! Outcomes and errors of a command, and how they map to exit codes:
//! 0 ok, 1 the plan has problems, 2 usage or I/O error. A closed stdout is not an error.

use std::fmt;
use std::io;

/// How a command ended, as the process exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// Done; the plan (if any) has no errors. Warnings do not change this.
    Ok,
    /// The plan has errors (validation problems or a file that does not parse).
    PlanHasProblems,
    /// Bad command line, refused edit, or a file that cannot be read or written.
    UsageOrIo,
}

impl Exit {
    pub fn code(self) -> u8 {
        match self {
            Exit::Ok => 0,
            Exit::PlanHasProblems => 1,
            Exit::UsageOrIo => 2,
        }
    }
}

impl From<Exit> for std::process::ExitCode {
    fn from(e: Exit) -> Self {
        std::process::ExitCode::from(e.code())
    }
}

/// An expected failure of a command. Printed as `error: message — fix` and exit 2,
/// except `Output`, which is a failed write to stdout (a closed pipe ends quietly).
#[derive(Debug)]
pub enum CliError {
    /// The command line asks for something that cannot be done (unknown gap, refused edit).
    Usage {
        message: String,
        fix: Option<String>,
    },
    /// A file could not be read or written.
    Io {
        message: String,
        fix: Option<String>,
    },
    /// Writing the command's output failed.
    Output(io::Error),
}

impl CliError {
    pub fn usage(message: impl Into<String>) -> Self {
        CliError::Usage {
            message: message.into(),
            fix: None,
        }
    }

    pub fn io(message: impl Into<String>) -> Self {
        CliError::Io {
            message: message.into(),
            fix: None,
        }
    }

    /// Adds the "how to fix it" part (ignored for `Output`).
    pub fn with_fix(mut self, text: impl Into<String>) -> Self {
        if let CliError::Usage { fix, .. } | CliError::Io { fix, .. } = &mut self {
            *fix = Some(text.into());
        }
        self
    }

    /// The exit code for this error: a closed pipe is a normal end.
    pub fn exit(&self) -> Exit {
        match self {
            CliError::Output(e) if e.kind() == io::ErrorKind::BrokenPipe => Exit::Ok,
            _ => Exit::UsageOrIo,
        }
    }

    /// Whether anything should be printed (nothing for a closed pipe).
    pub fn is_quiet(&self) -> bool {
        matches!(self, CliError::Output(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }
}

/// `?` on an `io::Error` means writing output failed; reading or saving a plan file maps
/// its errors explicitly (with the path) instead.
impl From<io::Error> for CliError {
    fn from(e: io::Error) -> Self {
        CliError::Output(e)
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Usage { message, fix } | CliError::Io { message, fix } => {
                write!(f, "error: {message}")?;
                if let Some(fix) = fix {
                    write!(f, " — {fix}")?;
                }
                Ok(())
            }
            CliError::Output(e) => write!(f, "error: cannot write output: {e}"),
        }
    }
}

impl std::error::Error for CliError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closed_pipe_is_a_quiet_success() {
        let e = CliError::from(io::Error::from(io::ErrorKind::BrokenPipe));
        assert_eq!(e.exit(), Exit::Ok);
        assert!(e.is_quiet());
        let e = CliError::from(io::Error::from(io::ErrorKind::PermissionDenied));
        assert_eq!(e.exit(), Exit::UsageOrIo);
        assert!(!e.is_quiet());
    }

    #[test]
    fn usage_error_prints_message_and_fix() {
        let e = CliError::usage("unknown gap 'dr-doc'").with_fix("did you mean 'dr-docs'?");
        assert_eq!(
            e.to_string(),
            "error: unknown gap 'dr-doc' — did you mean 'dr-docs'?"
        );
        assert_eq!(e.exit().code(), 2);
    }
}
