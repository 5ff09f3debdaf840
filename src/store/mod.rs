//! Plan files on disk: atomic saves with backup, locks, recovery files, watching.
