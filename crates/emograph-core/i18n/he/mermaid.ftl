# The core's messages: see crates/emograph-core/src/i18n/mod.rs.
