//! One module per provider: its HTTP client, its wire types, and its sandbox emulator.

pub mod octopush;
