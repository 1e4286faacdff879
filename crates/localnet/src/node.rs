//! Starting and stopping the surfpool runtime, and deploying the programs into it.
use crate::programs::ProgramFile;
use crate::{Args, LocalnetError};
use crossbeam_channel::{Receiver, Sender};
use solana_pubkey::Pubkey;
use std::net::TcpListener;
use std::thread::JoinHandle;
use std::time::Duration;
use surfpool_core::solana_rpc_client::rpc_client::RpcClient;
use surfpool_core::surfnet::locker::SurfnetSvmLocker;
use surfpool_core::surfnet::svm::{SurfnetSvm, SurfnetSvmConfig};
use surfpool_types::{RpcConfig, SimnetCommand, SimnetConfig, SimnetEvent, SurfpoolConfig};

/// The address every service binds.
const HOST: &str = "127.0.0.1";
/// How long the runtime may take to bind its servers.
const STARTUP_TIMEOUT: Duration = Duration::from_secs(60);

/// Refuses a port something else already holds.
pub fn check_port_free(
    port: u16,
    what: &'static str,
    flag: &'static str,
) -> Result<(), LocalnetError> {
    TcpListener::bind((HOST, port))
        .map(drop)
        .map_err(|_| LocalnetError::PortInUse { port, what, flag })
}

/// A running validator.
pub struct Node {
    commands: Sender<SimnetCommand>,
    runloop: JoinHandle<()>,
}

impl Node {
    /// Starts the runtime on the ports of `args`, deploys `programs` with `authority` as their
    /// upgrade authority, checks them over JSON-RPC and prints that the validator is ready.
    pub fn start(
        args: &Args,
        programs: &[ProgramFile],
        authority: Option<Pubkey>,
    ) -> Result<Node, LocalnetError> {
        let svm_config = SurfnetSvmConfig {
            slot_time: args.slot_time_ms,
            ..SurfnetSvmConfig::default()
        };
        let (svm, events, geyser) =
            SurfnetSvm::new(svm_config).map_err(|e| LocalnetError::Startup(e.to_string()))?;
        let locker = SurfnetSvmLocker::new(svm);
        let config = SurfpoolConfig {
            simnets: vec![SimnetConfig {
                offline_mode: true,
                remote_rpc_url: None,
                slot_time: args.slot_time_ms,
                ..SimnetConfig::default()
            }],
            rpc: RpcConfig {
                bind_host: HOST.to_string(),
                bind_port: args.rpc_port,
                ws_port: args.ws_port,
                ..RpcConfig::default()
            },
            ..SurfpoolConfig::default()
        };
        let (commands, commands_rx) = crossbeam_channel::unbounded();
        let (failed_tx, failed) = crossbeam_channel::bounded::<String>(1);
        let runloop = {
            let locker = locker.clone();
            let commands = commands.clone();
            std::thread::Builder::new()
                .name("surfnet".into())
                .spawn(move || {
                    let result = hiro_system_kit::nestable_block_on(
                        surfpool_core::runloops::start_local_surfnet_runloop(
                            locker,
                            config,
                            commands,
                            commands_rx,
                            geyser,
                        ),
                    );
                    if let Err(e) = result {
                        let _ = failed_tx.send(e.to_string());
                    }
                })
                .map_err(|e| LocalnetError::Startup(e.to_string()))?
        };
        let (started_tx, started) = crossbeam_channel::bounded::<Result<(), String>>(1);
        std::thread::Builder::new()
            .name("surfnet-events".into())
            .spawn({
                let log_transactions = args.log_transactions;
                move || drain_events(events, started_tx, log_transactions)
            })
            .map_err(|e| LocalnetError::Startup(e.to_string()))?;
        crossbeam_channel::select! {
            recv(started) -> outcome => match outcome {
                Ok(Ok(())) => {}
                Ok(Err(why)) => return Err(LocalnetError::Startup(why)),
                Err(_) => return Err(LocalnetError::Startup("the runtime stopped".into())),
            },
            recv(failed) -> why => {
                return Err(LocalnetError::Startup(why.unwrap_or_else(|_| "the runtime stopped".into())))
            }
            default(STARTUP_TIMEOUT) => {
                return Err(LocalnetError::Startup(format!("no RPC server after {STARTUP_TIMEOUT:?}")))
            }
        }
        let node = Node { commands, runloop };
        for program in programs {
            let written = hiro_system_kit::nestable_block_on(locker.write_program(
                program.id,
                authority,
                0,
                &program.elf,
                &None,
            ));
            if let Err(e) = written {
                node.stop();
                return Err(LocalnetError::Startup(format!(
                    "deploying {} ({}) failed: {e}",
                    program.path.display(),
                    program.id
                )));
            }
        }
        if let Err(why) = check_deployed(args.rpc_port, programs) {
            node.stop();
            return Err(LocalnetError::Startup(why));
        }
        println!("poolbot-localnet ready");
        println!("  JSON-RPC   http://{HOST}:{}", args.rpc_port);
        println!("  websocket  ws://{HOST}:{}", args.ws_port);
        for program in programs {
            println!(
                "  program    {} {} ({} bytes)",
                program.id,
                program.name,
                program.elf.len()
            );
        }
        match authority {
            Some(key) => println!("  upgrade authority {key}"),
            // surfpool records the system program when no authority is given: nobody can sign
            // for it, so the programs are effectively immutable.
            None => println!(
                "  upgrade authority 11111111111111111111111111111111 (no Solana CLI wallet \
                 found: pass --upgrade-authority to be able to upgrade)"
            ),
        }
        println!("Stop with Ctrl-C.");
        Ok(node)
    }

    /// Stops the runtime and waits for its servers to close.
    pub fn stop(self) {
        let _ = self.commands.send(SimnetCommand::Terminate(None));
        let _ = self.runloop.join();
    }
}

/// Reads the runtime's events so its bounded channel never fills; reports start or abort once.
fn drain_events(
    events: Receiver<SimnetEvent>,
    started: Sender<Result<(), String>>,
    log_transactions: bool,
) {
    for event in events {
        match event {
            SimnetEvent::CoreStarted(_) => {
                let _ = started.try_send(Ok(()));
            }
            SimnetEvent::Aborted(why) => {
                let _ = started.try_send(Err(why.clone()));
                eprintln!("aborted: {why}");
            }
            SimnetEvent::ErrorLog(_, message) => eprintln!("runtime: {message}"),
            SimnetEvent::TransactionProcessed(_, meta, error) if log_transactions => {
                let outcome = error.map_or("ok".to_string(), |e| e.to_string());
                println!(
                    "tx {} {} CU: {outcome}",
                    meta.signature, meta.compute_units_consumed
                );
            }
            _ => {}
        }
    }
}

/// Asks the validator over JSON-RPC, as a client would, whether it is healthy and each program
/// is an executable upgradeable-loader account.
fn check_deployed(rpc_port: u16, programs: &[ProgramFile]) -> Result<(), String> {
    let client = RpcClient::new(format!("http://{HOST}:{rpc_port}"));
    client
        .get_health()
        .map_err(|e| format!("getHealth failed: {e}"))?;
    for program in programs {
        let account = client
            .get_account(&program.id)
            .map_err(|e| format!("program {} not found after deploying: {e}", program.id))?;
        if !account.executable {
            return Err(format!("program {} is not executable", program.id));
        }
    }
    Ok(())
}
