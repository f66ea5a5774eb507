//! The IPC commands: each takes the state, calls opvang-core and returns its result or `CoreError`.
//!
//! Arguments keep their snake_case names on the JavaScript side (`rename_all = "snake_case"`).

mod beheer;
mod import;
mod locations;
mod occupancy;
mod ombouw;
mod planning;
mod rapportage;
mod server;
mod settings;
mod taal;

pub use beheer::*;
pub use import::*;
pub use locations::*;
pub use occupancy::*;
pub use ombouw::*;
pub use planning::*;
pub use rapportage::*;
pub use server::*;
pub use settings::*;
pub use taal::*;
