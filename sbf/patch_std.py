#!/usr/bin/env python3
"""Adds `target_os = "solana"` arms to a copy of the nightly's std source.

Anchor 1.x needs std. Upstream std knows no `solana` OS, so a few `cfg_select!` tables need an
arm: the system allocator (never used: the program's bump allocator is the global one), I/O
errors (generic), randomness (unsupported) and thread locals (no threads). `RandomState` gets
fixed keys: SBF forbids writable statics and has no entropy (the VM is deterministic anyway).
Solana's own rustc fork carries the same kind of arms.

Usage: patch_std.py <library dir>. Files are replaced, never edited in place, so a hard-linked
copy of the toolchain leaves the original toolchain untouched. Every edit asserts that its
anchor text is present, so a nightly whose std moved fails loudly here.
"""
import os
import sys

SOLANA_ALLOC = """//! Solana (os = "solana"): programs install their own `#[global_allocator]`
//! (solana-program-entrypoint's bump allocator), so std's system allocator is never called.
use crate::alloc::Layout;

#[inline]
pub unsafe fn alloc(_layout: Layout) -> *mut u8 {
    crate::ptr::null_mut()
}

#[inline]
pub unsafe fn dealloc(_ptr: *mut u8, _layout: Layout) {}

#[inline]
pub unsafe fn realloc(_ptr: *mut u8, _layout: Layout, _new_size: usize) -> *mut u8 {
    crate::ptr::null_mut()
}
"""

EDITS = {
    "std/src/sys/alloc/mod.rs": [
        ('    target_arch = "xtensa",\n)) {\n    8\n',
         '    target_arch = "xtensa",\n    target_arch = "bpf",\n)) {\n    8\n'),
        ('    target_os = "zkvm" => {\n        mod zkvm;\n        use zkvm as imp;\n    }\n',
         '    target_os = "zkvm" => {\n        mod zkvm;\n        use zkvm as imp;\n    }\n'
         '    target_os = "solana" => {\n        mod solana;\n        use solana as imp;\n    }\n'),
        ('target_os = "uefi", target_os = "zkvm") => {',
         'target_os = "uefi", target_os = "zkvm", target_os = "solana") => {'),
    ],
    "std/src/sys/io/error/mod.rs": [
        ('target_os = "zkvm", target_os = "trusty") => {',
         'target_os = "zkvm", target_os = "trusty", target_os = "solana") => {'),
    ],
    "std/src/sys/random/mod.rs": [
        ('        target_os = "vexos",\n        target_os = "l4re",\n    ) => {',
         '        target_os = "vexos",\n        target_os = "solana",\n        target_os = "l4re",\n    ) => {'),
        ('    target_os = "vexos",\n    target_os = "l4re",\n)))]',
         '    target_os = "vexos",\n    target_os = "solana",\n    target_os = "l4re",\n)))]'),
    ],
    "std/src/sys/thread_local/mod.rs": [
        ('        target_os = "trusty",\n        target_os = "vexos",\n    ) => {\n        mod no_threads;',
         '        target_os = "trusty",\n        target_os = "vexos",\n        target_os = "solana",\n    ) => {\n        mod no_threads;'),
        ('            target_os = "trusty",\n            target_os = "vexos",\n        ) => {\n            pub(crate) fn enable() {',
         '            target_os = "trusty",\n            target_os = "vexos",\n            target_os = "solana",\n        ) => {\n            pub(crate) fn enable() {'),
    ],
    "std/src/hash/random.rs": [
        ('    pub fn new() -> RandomState {\n',
         '    pub fn new() -> RandomState {\n'
         '        // Solana: no writable statics or entropy; the VM is deterministic anyway.\n'
         '        #[cfg(target_os = "solana")]\n'
         '        return RandomState { k0: 0, k1: 0 };\n'),
        ('        thread_local!(static KEYS: Cell<(u64, u64)> = {',
         '        #[cfg(not(target_os = "solana"))]\n        thread_local!(static KEYS: Cell<(u64, u64)> = {'),
        ('        KEYS.with(|keys| {\n            let (k0, k1) = keys.get();',
         '        #[cfg(not(target_os = "solana"))]\n        KEYS.with(|keys| {\n            let (k0, k1) = keys.get();'),
    ],
}


def replace_file(path, text):
    tmp = path + ".poolbot-tmp"
    with open(tmp, "w") as f:
        f.write(text)
    os.replace(tmp, path)


def main(library):
    for rel, edits in EDITS.items():
        path = os.path.join(library, rel)
        with open(path) as f:
            text = f.read()
        for old, new in edits:
            if text.count(old) != 1:
                sys.exit(f"patch_std.py: anchor text not found exactly once in {rel}:\n{old}")
            text = text.replace(old, new)
        replace_file(path, text)
    replace_file(os.path.join(library, "std/src/sys/alloc/solana.rs"), SOLANA_ALLOC)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: patch_std.py <rust-src library dir>")
    main(sys.argv[1])
