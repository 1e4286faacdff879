//! The seed story (`crates/seed`) on solana-program-test's Bank with the same `.so` files: it
//! keeps every promise of the seed document, and gives the same figures as LiteSVM with the same
//! keys, compute units included.
use pool_bot_client::embedded::{default_programs_dir, Embedded};
use pool_bot_program_test::BankChain;
use pool_bot_seed::{run_story, Keys};

#[test]
fn seed_story_on_the_bank_matches_litesvm() {
    let mut bank = BankChain::start();
    let on_bank = run_story(&mut bank, Keys::fixed(9)).expect("the story on the Bank");
    on_bank
        .check()
        .unwrap_or_else(|broken| panic!("{broken}\n{on_bank:#?}"));

    let mut litesvm = Embedded::new(&default_programs_dir()).expect("built programs");
    let on_litesvm = run_story(&mut litesvm, Keys::fixed(9)).expect("the story on LiteSVM");
    assert_eq!(on_bank, on_litesvm, "two runtimes, same figures");
}
