//! The seed story on the embedded chain keeps every promise of the seed document (the local
//! validator's test runs it again over JSON-RPC and compares the figures).
use pool_bot::state::{ClaimStatus, ProposalStatus};
use pool_bot_client::embedded::{default_programs_dir, Embedded};
use pool_bot_seed::{run_story, Keys};

#[test]
fn the_seed_story_keeps_its_promises_in_process() {
    let mut chain = Embedded::new(&default_programs_dir()).expect("built programs");
    let figures = run_story(&mut chain, Keys::fixed(1)).expect("story");
    figures
        .check()
        .unwrap_or_else(|broken| panic!("{broken}\n{figures:#?}"));
    assert_eq!(figures.status_with_lead, ProposalStatus::Approved);
    assert_eq!(
        figures.claim_statuses,
        (ClaimStatus::Paid, ClaimStatus::Denied)
    );
}

#[test]
fn a_broken_promise_is_reported() {
    let mut chain = Embedded::new(&default_programs_dir()).expect("built programs");
    let mut figures = run_story(&mut chain, Keys::fixed(2)).expect("story");
    figures.insurance += 1;
    figures.lead_record = (0, 0);
    let broken = figures.check().unwrap_err();
    assert!(broken.contains("5% to the reserve"), "{broken}");
    assert!(broken.contains("LEAD record"), "{broken}");
}
