//! The side panels, one per file: each is a free `*_ui` function that reads state by
//! `&` and pushes [`super::state::Command`]s.

pub mod clusters;
pub mod details;
pub mod explain;
pub mod legend;
pub mod params;
pub mod problems;
pub mod themes;
pub mod timeline;
