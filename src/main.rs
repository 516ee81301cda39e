//! The `cocite` binary: hands its arguments to the command-line interface.

fn main() -> std::process::ExitCode {
    cocite::cli::main()
}
