//! What the keeper and the validator agent share as long-running services (`poolbot
//! run-keeper`, `poolbot run-validator`): their TOML config file (`config`), the health they
//! report (`health`), `/metrics` and `/healthz` over HTTP (`http`), stopping after the round in
//! flight on SIGTERM or SIGINT (`shutdown`), and text or JSON logs (`logging`).
pub mod config;
pub mod health;
pub mod http;
pub mod logging;
pub mod shutdown;

pub use config::{ConfigError, PolicySource, ProductSetting, Service, ServiceConfig};
pub use health::{Health, MarketData};
pub use logging::LogFormat;
pub use shutdown::Shutdown;
