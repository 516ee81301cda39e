//! The shared data beside the checkout (`../shared`), which a user's fresh clone lacks:
//! tests that read it skip with a note when it is missing.
#![allow(dead_code)] // each test file uses the part it needs

use std::path::{Path, PathBuf};

/// `../shared/<p>`, or `None` with a note when it does not exist (the test then skips).
pub fn shared(p: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(p);
    if path.exists() {
        Some(path)
    } else {
        eprintln!(
            "note: {} not found (no ../shared); test skipped",
            path.display()
        );
        None
    }
}

/// `../shared/data/<p>`, likewise.
pub fn shared_data(p: &str) -> Option<PathBuf> {
    shared(&format!("data/{p}"))
}
