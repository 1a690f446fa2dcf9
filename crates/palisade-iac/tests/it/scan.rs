//! end-to-end scans
