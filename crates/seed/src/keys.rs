//! Keypairs from a fixed sequence: the same run gets the same addresses (so the same PDA bumps
//! and compute units), and two runs with different tags never collide on one cluster.
use solana_keypair::Keypair;

/// A deterministic source of keypairs.
#[derive(Clone, Debug)]
pub struct Keys {
    tag: u64,
    issued: u64,
}

impl Keys {
    /// The sequence named `tag`.
    pub fn fixed(tag: u64) -> Keys {
        Keys { tag, issued: 0 }
    }

    /// The next keypair of the sequence.
    pub fn next_keypair(&mut self) -> Keypair {
        self.issued += 1;
        let mut secret = [0x5b; 32];
        secret[..8].copy_from_slice(&self.tag.to_le_bytes());
        secret[8..16].copy_from_slice(&self.issued.to_le_bytes());
        Keypair::new_from_array(secret)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use solana_signer::Signer;

    #[test]
    fn same_tag_same_keys_other_tag_other_keys() {
        let (mut a, mut b, mut c) = (Keys::fixed(1), Keys::fixed(1), Keys::fixed(2));
        let first = a.next_keypair().pubkey();
        assert_eq!(first, b.next_keypair().pubkey());
        assert_ne!(first, c.next_keypair().pubkey());
        assert_ne!(first, a.next_keypair().pubkey());
    }
}
