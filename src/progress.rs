//! Progress reporting shared by every long stage (loading aside, which reports bytes):
//! a callback that gets the stage's name and the fraction done, and answers whether to
//! go on. It imports nothing, so any stage can take one without depending on another.

/// Progress callback: stage name and fraction done (0–1). Return false to cancel.
pub type Progress<'a> = &'a (dyn Fn(&str, f32) -> bool + Sync);

/// A callback that reports nowhere and never cancels.
pub fn silent(_stage: &str, _done: f32) -> bool {
    true
}
