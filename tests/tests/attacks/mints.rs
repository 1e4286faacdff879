//! `initialize_pool` refuses mints whose issuer could skim, block or move the vault's tokens.
use anchor_spl::token_2022::spl_token_2022 as t22;
use pool_bot::errors::PoolError;
use pool_bot_tests::client::instructions as ix;
use pool_bot_tests::client::pda::PoolAddresses;
use pool_bot_tests::client::{Instruction, Pubkey};
use pool_bot_tests::TestSvm;
use solana_signer::Signer;
use t22::extension::ExtensionType;

/// A Token-2022 mint with one extension, set up by `init` before the mint is initialised.
fn mint_with(
    chain: &mut TestSvm,
    extension: ExtensionType,
    init: impl FnOnce(&Pubkey, &Pubkey) -> Instruction,
) -> Pubkey {
    let mint = chain.keypair();
    let payer = chain.payer.insecure_clone();
    let space = ExtensionType::try_calculate_account_len::<t22::state::Mint>(&[extension])
        .expect("mint size");
    let rent = chain.svm().minimum_balance_for_rent_exemption(space);
    let create = anchor_lang::solana_program::system_instruction::create_account(
        &payer.pubkey(),
        &mint.pubkey(),
        rent,
        space as u64,
        &t22::ID,
    );
    let initialise = t22::instruction::initialize_mint2(
        &t22::ID,
        &mint.pubkey(),
        &payer.pubkey(),
        Some(&payer.pubkey()),
        6,
    )
    .expect("initialize_mint2");
    chain.send_ok(
        &[create, init(&mint.pubkey(), &payer.pubkey()), initialise],
        &[&payer, &mint],
    );
    mint.pubkey()
}

/// Sets up one extension on a new mint.
type Setup = Box<dyn FnOnce(&Pubkey, &Pubkey) -> Instruction>;

/// Whether `initialize_pool` for `mint` succeeds, else the custom error it ended with.
fn init_pool(chain: &mut TestSvm, mint: &Pubkey) -> Result<(), Option<u32>> {
    let creator = chain.wallet();
    let p = PoolAddresses::new(&creator.pubkey(), mint, &t22::ID);
    let args = pool_bot_tests::small_pool_args("Hostile mint", 1);
    let result = chain.send(
        &[ix::initialize_pool(&p, &creator.pubkey(), args)],
        &[&creator],
    );
    match result {
        Ok(_) => Ok(()),
        failed => Err(pool_bot_tests::custom_error(&failed)),
    }
}

#[test]
fn hostile_mints_are_refused_by_name() {
    let mut chain = TestSvm::new();
    let hook_program = Pubkey::new_unique();
    let cases: Vec<(ExtensionType, PoolError, Setup)> = vec![
        (
            ExtensionType::TransferFeeConfig,
            PoolError::MintTransferFee,
            Box::new(|mint, authority| {
                t22::extension::transfer_fee::instruction::initialize_transfer_fee_config(
                    &t22::ID,
                    mint,
                    Some(authority),
                    Some(authority),
                    100,
                    u64::MAX,
                )
                .expect("transfer fee")
            }),
        ),
        (
            ExtensionType::TransferHook,
            PoolError::MintTransferHook,
            Box::new(move |mint, authority| {
                t22::extension::transfer_hook::instruction::initialize(
                    &t22::ID,
                    mint,
                    Some(*authority),
                    Some(hook_program),
                )
                .expect("transfer hook")
            }),
        ),
        (
            ExtensionType::PermanentDelegate,
            PoolError::MintPermanentDelegate,
            Box::new(|mint, authority| {
                t22::instruction::initialize_permanent_delegate(&t22::ID, mint, authority)
                    .expect("permanent delegate")
            }),
        ),
        (
            ExtensionType::Pausable,
            PoolError::MintPausable,
            Box::new(|mint, authority| {
                t22::extension::pausable::instruction::initialize(&t22::ID, mint, authority)
                    .expect("pausable")
            }),
        ),
        (
            ExtensionType::NonTransferable,
            PoolError::MintNonTransferable,
            Box::new(|mint, _| {
                t22::instruction::initialize_non_transferable_mint(&t22::ID, mint)
                    .expect("non-transferable")
            }),
        ),
        (
            ExtensionType::DefaultAccountState,
            PoolError::MintDefaultAccountState,
            Box::new(|mint, _| {
                t22::extension::default_account_state::instruction::initialize_default_account_state(
                    &t22::ID,
                    mint,
                    &t22::state::AccountState::Frozen,
                )
                .expect("default account state")
            }),
        ),
    ];
    for (extension, error, init) in cases {
        let mint = mint_with(&mut chain, extension, init);
        assert_eq!(
            init_pool(&mut chain, &mint),
            Err(Some(error.into())),
            "{extension:?}"
        );
    }
}

/// A mint close authority is refused too: with the supply at zero the issuer could close the
/// mint and re-create it at the same address with any of the extensions above.
#[test]
fn a_mint_close_authority_is_refused() {
    let mut chain = TestSvm::new();
    let mint = mint_with(
        &mut chain,
        ExtensionType::MintCloseAuthority,
        |mint, authority| {
            t22::instruction::initialize_mint_close_authority(&t22::ID, mint, Some(authority))
                .expect("close authority")
        },
    );
    let refused = Err(Some(u32::from(PoolError::MintExtensionNotSupported)));
    assert_eq!(init_pool(&mut chain, &mint), refused);
}

/// Extensions that only change how amounts are shown (here an interest-bearing display rate)
/// are accepted.
#[test]
fn descriptive_extensions_are_accepted() {
    let mut chain = TestSvm::new();
    let mint = mint_with(
        &mut chain,
        ExtensionType::InterestBearingConfig,
        |mint, authority| {
            t22::extension::interest_bearing_mint::instruction::initialize(
                &t22::ID,
                mint,
                Some(*authority),
                0,
            )
            .expect("interest-bearing display")
        },
    );
    assert_eq!(init_pool(&mut chain, &mint), Ok(()));
}
