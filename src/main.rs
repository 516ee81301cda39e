//! The `cocite` binary: hands its arguments to the command-line interface.

// Readers allocate millions of small strings from several threads; mimalloc is
// several times faster than the system allocator at that (see BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cocite::cli::main()
}
