//! The command-line face: argument parsing and one function per subcommand.
