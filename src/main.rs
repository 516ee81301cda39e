//! The `cocite` binary: reads its arguments with the command-line interface, which runs
//! a command or hands over to the app.

// Readers allocate millions of small strings from several threads; mimalloc is much
// faster than the system allocator at that (see BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

// The one unsafe call of the crate: mimalloc's C option setter.
#[allow(unsafe_code)]
unsafe extern "C" {
    /// mimalloc's option setter (mimalloc.h); linked with the allocator above.
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
}

/// `mi_option_purge_delay` in mimalloc 3's `mi_option_t`.
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;
/// `mi_option_arena_eager_commit` in mimalloc 3's `mi_option_t`.
const MI_OPTION_ARENA_EAGER_COMMIT: std::ffi::c_int = 4;

fn main() -> std::process::ExitCode {
    // Keep freed memory instead of returning it to the OS after 10 ms: loading frees
    // and reallocates large buffers, and touching fresh pages is the single largest
    // cost on virtual machines (BENCHMARKS.md). The process is short-lived or, for the
    // app, holds its corpus anyway. (Set here, after mimalloc 3 has started, this
    // showed no measurable effect, while MIMALLOC_PURGE_DELAY=-1 in the environment
    // did; kept, as it is harmless.) Commit arenas when they are reserved: mimalloc 3
    // otherwise commits them piecewise on demand (its default 2 = only where the OS
    // overcommits), and the commits and zeroed huge pages of the parallel loader cost
    // a third of a 100,000-record load (sys 1.24 s → 0.20 s, BENCHMARKS.md). Linux
    // overcommits, so untouched committed pages still cost no memory.
    // SAFETY: a plain integer option of the allocator this binary links.
    #[allow(unsafe_code)]
    unsafe {
        mi_option_set(MI_OPTION_PURGE_DELAY, -1);
        mi_option_set(MI_OPTION_ARENA_EAGER_COMMIT, 1);
    };
    match cocite::cli::main() {
        cocite::cli::Entry::Done(code) => code,
        #[cfg(feature = "gui")]
        cocite::cli::Entry::App(paths) => cocite::app::run(paths),
    }
}
