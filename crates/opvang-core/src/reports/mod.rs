//! Reports written to files for use outside the app (spreadsheets), such as the audit log export.

pub mod auditlog;
pub mod jaarwerkboek;
pub mod pdf;
pub mod vng;
