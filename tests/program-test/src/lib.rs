//! Pool Bot's built `.so` files on solana-program-test's Bank (the agave runtime behind a
//! `BanksClient`), with the token and account helpers the seed story needs there.
use anchor_lang::solana_program::program_pack::Pack;
use anchor_lang::solana_program::system_instruction::{create_account, transfer};
use anchor_lang::{AccountDeserialize, Discriminator};
use anchor_spl::token::spl_token;
use pool_bot_client::{accounts, Instruction, Pubkey};
use solana_keypair::Keypair;
use solana_program_test::{BanksClient, ProgramTest};
use solana_rent::Rent;
use solana_signer::Signer;
use solana_transaction::Transaction;

/// Path of a built program, by Anchor's convention `target/deploy/<name>.so`.
pub fn program_path(name: &str) -> String {
    format!(
        "{}/../../target/deploy/{name}.so",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// A Bank with Pool Bot and the local AMM deployed from their SBF builds under the upgradeable
/// BPF loader (program account + program data account, as `anchor deploy` leaves them).
pub struct BankChain {
    /// The client of the Bank.
    pub client: BanksClient,
    /// The genesis mint keypair: pays fees and rent for fixtures, and mints every token.
    pub payer: Keypair,
}

impl BankChain {
    /// Starts the Bank; panics with the fix when the programs were not built.
    pub async fn start() -> BankChain {
        let mut test = ProgramTest::default();
        for (id, name) in [(pool_bot::ID, "pool_bot"), (local_amm::ID, "local_amm")] {
            let path = program_path(name);
            let elf = std::fs::read(&path).unwrap_or_else(|e| {
                panic!("{path}: {e}; build the programs first: scripts/build-sbf.sh")
            });
            for (address, account) in
                solana_program_binaries::bpf_loader_upgradeable_program_accounts(
                    &id,
                    &elf,
                    &Rent::default(),
                )
            {
                test.add_account(address, account);
            }
        }
        let (client, payer, _) = test.start().await;
        BankChain { client, payer }
    }

    /// Sends `instructions` in one transaction (the first signer pays) and returns its logs;
    /// panics with the logs when it fails.
    pub async fn send_ok(&self, instructions: &[Instruction], signers: &[&Keypair]) -> Vec<String> {
        let payer = signers.first().expect("a signer").pubkey();
        let blockhash = self.client.get_latest_blockhash().await.expect("blockhash");
        let tx = Transaction::new_signed_with_payer(instructions, Some(&payer), signers, blockhash);
        let outcome = self
            .client
            .process_transaction_with_metadata(tx)
            .await
            .expect("banks client");
        let logs = outcome.metadata.map(|m| m.log_messages).unwrap_or_default();
        if let Err(err) = outcome.result {
            panic!("transaction failed: {err:?}\n{}", logs.join("\n"));
        }
        logs
    }

    /// A new wallet holding 100 SOL.
    pub async fn wallet(&self) -> Keypair {
        let wallet = Keypair::new();
        let payer = self.payer.insecure_clone();
        self.send_ok(
            &[transfer(&payer.pubkey(), &wallet.pubkey(), 100_000_000_000)],
            &[&payer],
        )
        .await;
        wallet
    }

    /// Creates a rent-exempt account of `space` bytes owned by the token program, then runs
    /// `init` on it.
    async fn token_program_account(
        &self,
        space: usize,
        init: impl FnOnce(&Pubkey) -> Instruction,
    ) -> Pubkey {
        let account = Keypair::new();
        let payer = self.payer.insecure_clone();
        let rent = self
            .client
            .get_rent()
            .await
            .expect("rent")
            .minimum_balance(space);
        let create = create_account(
            &payer.pubkey(),
            &account.pubkey(),
            rent,
            space as u64,
            &spl_token::ID,
        );
        self.send_ok(&[create, init(&account.pubkey())], &[&payer, &account])
            .await;
        account.pubkey()
    }

    /// A new SPL Token mint with `decimals`, the payer its mint authority.
    pub async fn mint(&self, decimals: u8) -> Pubkey {
        let authority = self.payer.pubkey();
        self.token_program_account(spl_token::state::Mint::LEN, |mint| {
            spl_token::instruction::initialize_mint2(
                &spl_token::ID,
                mint,
                &authority,
                None,
                decimals,
            )
            .expect("initialize_mint2")
        })
        .await
    }

    /// A new SPL Token account of `mint` owned by `owner`.
    pub async fn token_account(&self, mint: &Pubkey, owner: &Pubkey) -> Pubkey {
        self.token_program_account(spl_token::state::Account::LEN, |account| {
            spl_token::instruction::initialize_account3(&spl_token::ID, account, mint, owner)
                .expect("initialize_account3")
        })
        .await
    }

    /// Mints `amount` of `mint` into `account`.
    pub async fn mint_to(&self, mint: &Pubkey, account: &Pubkey, amount: u64) {
        let payer = self.payer.insecure_clone();
        let mint_to = spl_token::instruction::mint_to(
            &spl_token::ID,
            mint,
            account,
            &payer.pubkey(),
            &[],
            amount,
        )
        .expect("mint_to");
        self.send_ok(&[mint_to], &[&payer]).await;
    }

    /// Lamports of `key` (0 when it does not exist).
    pub async fn lamports(&self, key: &Pubkey) -> u64 {
        self.client.get_balance(*key).await.expect("balance")
    }

    /// Raw data of an account (empty when it does not exist).
    pub async fn data(&self, key: &Pubkey) -> Vec<u8> {
        self.client
            .get_account(*key)
            .await
            .expect("get_account")
            .map(|a| a.data)
            .unwrap_or_default()
    }

    /// Token balance of `account`.
    pub async fn balance(&self, account: &Pubkey) -> u64 {
        spl_token::state::Account::unpack(&self.data(account).await)
            .expect("token account")
            .amount
    }

    /// A Borsh account of the program.
    pub async fn account<T: AccountDeserialize + Discriminator>(&self, key: &Pubkey) -> T {
        accounts::decode(&self.data(key).await).expect("decode account")
    }

    /// A zero-copy account of the program.
    pub async fn zero_copy<T: bytemuck::Pod + Discriminator>(&self, key: &Pubkey) -> T {
        accounts::decode_zero_copy(&self.data(key).await).expect("decode zero-copy account")
    }
}
