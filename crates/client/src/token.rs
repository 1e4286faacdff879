//! SPL Token / Token-2022 instructions the tools need (mints, accounts, minting) and reading a
//! token account's balance. The two programs share these instructions' encoding; the SPL
//! Token builders only accept their own program id, so the id is set afterwards.
use anchor_lang::prelude::{Pubkey, Rent};
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::solana_program::program_pack::Pack;
use anchor_lang::solana_program::system_instruction::create_account;
use anchor_spl::token::spl_token;

fn on(token_program: &Pubkey, mut instruction: Instruction) -> Instruction {
    instruction.program_id = *token_program;
    instruction
}

/// Creates and initialises `mint` (a new keypair's address) with `decimals`, minted by
/// `authority`.
pub fn create_mint(
    payer: &Pubkey,
    mint: &Pubkey,
    authority: &Pubkey,
    decimals: u8,
    token_program: &Pubkey,
) -> Vec<Instruction> {
    let space = spl_token::state::Mint::LEN;
    let rent = Rent::default().minimum_balance(space);
    let init =
        spl_token::instruction::initialize_mint2(&spl_token::ID, mint, authority, None, decimals)
            .expect("valid initialize_mint2");
    vec![
        create_account(payer, mint, rent, space as u64, token_program),
        on(token_program, init),
    ]
}

/// Creates and initialises `account` (a new keypair's address) for `mint`, owned by `owner`.
pub fn create_account_for(
    payer: &Pubkey,
    account: &Pubkey,
    mint: &Pubkey,
    owner: &Pubkey,
    token_program: &Pubkey,
) -> Vec<Instruction> {
    let space = spl_token::state::Account::LEN;
    let rent = Rent::default().minimum_balance(space);
    let init = spl_token::instruction::initialize_account3(&spl_token::ID, account, mint, owner)
        .expect("valid initialize_account3");
    vec![
        create_account(payer, account, rent, space as u64, token_program),
        on(token_program, init),
    ]
}

/// Mints `amount` of `mint` into `account`, signed by the mint `authority`.
pub fn mint_to(
    mint: &Pubkey,
    account: &Pubkey,
    authority: &Pubkey,
    amount: u64,
    token_program: &Pubkey,
) -> Instruction {
    let mint_to =
        spl_token::instruction::mint_to(&spl_token::ID, mint, account, authority, &[], amount)
            .expect("valid mint_to");
    on(token_program, mint_to)
}

/// Moves `amount` from `from` to `to`, signed by `owner` (plain transfer: no mint needed).
pub fn transfer(
    from: &Pubkey,
    to: &Pubkey,
    owner: &Pubkey,
    amount: u64,
    token_program: &Pubkey,
) -> Instruction {
    let transfer = spl_token::instruction::transfer(&spl_token::ID, from, to, owner, &[], amount)
        .expect("valid transfer");
    on(token_program, transfer)
}

/// The balance in a token account's data (either program), if it is one.
pub fn balance(data: &[u8]) -> Option<u64> {
    let amount = data.get(64..72)?;
    (data.len() >= spl_token::state::Account::LEN)
        .then(|| u64::from_le_bytes(amount.try_into().expect("8 bytes")))
}

/// The mint in a token account's data, if it is one.
pub fn account_mint(data: &[u8]) -> Option<Pubkey> {
    (data.len() >= spl_token::state::Account::LEN)
        .then(|| Pubkey::try_from(&data[..32]).expect("32 bytes"))
}

/// The associated token account program.
pub const ASSOCIATED_TOKEN_PROGRAM: Pubkey =
    anchor_lang::pubkey!("ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL");

/// The associated token account of `owner` (a wallet or a PDA) for `mint`.
pub fn associated_address(owner: &Pubkey, mint: &Pubkey, token_program: &Pubkey) -> Pubkey {
    Pubkey::find_program_address(
        &[owner.as_ref(), token_program.as_ref(), mint.as_ref()],
        &ASSOCIATED_TOKEN_PROGRAM,
    )
    .0
}

/// Creates `owner`'s associated token account for `mint` unless it exists.
pub fn create_associated_idempotent(
    payer: &Pubkey,
    owner: &Pubkey,
    mint: &Pubkey,
    token_program: &Pubkey,
) -> Instruction {
    use anchor_lang::prelude::AccountMeta;
    Instruction {
        program_id: ASSOCIATED_TOKEN_PROGRAM,
        accounts: vec![
            AccountMeta::new(*payer, true),
            AccountMeta::new(associated_address(owner, mint, token_program), false),
            AccountMeta::new_readonly(*owner, false),
            AccountMeta::new_readonly(*mint, false),
            AccountMeta::new_readonly(anchor_lang::system_program::ID, false),
            AccountMeta::new_readonly(*token_program, false),
        ],
        // CreateIdempotent
        data: vec![1],
    }
}
