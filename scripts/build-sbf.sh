#!/usr/bin/env bash
# Builds the on-chain programs into SBPF v3 .so files (the README says why v3) in target/deploy/,
# without Solana's platform tools: an upstream nightly, std rebuilt for a `bpfel-unknown-solana` target
# (sbf/bpfel-unknown-solana.json) from a patched copy of its source (sbf/patch_std.py), and
# sbpf-linker (sbf/sbpf-link.sh). Installs what it needs on first run; idempotent.
#
#   scripts/build-sbf.sh            build pool_bot and local_amm
#   POOLBOT_CACHE=dir ...           where the patched toolchain lives (default ~/.cache/poolbot)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

nightly=nightly-2026-10-30      # LLVM 23.1.4: sbpf-linker 0.2.x needs LLVM 23
linker_version=0.2.6
programs=(pool_bot local_amm)
cache=${POOLBOT_CACHE:-$HOME/.cache/poolbot}
export CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-2}

# 1. The nightly, with std's source (build-std) and llvm-tools (`opt`, for the linker).
if ! rustup run "$nightly" rustc --version >/dev/null 2>&1 \
   || [ ! -d "$(rustup run "$nightly" rustc --print sysroot)/lib/rustlib/src/rust/library" ] \
   || [ ! -x "$(rustup run "$nightly" rustc --print sysroot)/lib/rustlib/x86_64-unknown-linux-gnu/bin/opt" ]; then
  rustup toolchain install "$nightly" --profile minimal -c rust-src -c llvm-tools
fi

# 2. sbpf-linker (it loads the nightly's libLLVM at run time).
if ! sbpf-linker --version 2>/dev/null | grep -q "sbpf-linker $linker_version"; then
  cargo +"$nightly" install "sbpf-linker@$linker_version" --locked
fi

# 3. A linked copy of the nightly whose std source knows target_os = "solana". The copy is
#    hard-linked (cheap); patched files are replaced, so the nightly itself stays pristine.
patch_id=$(sha256sum sbf/patch_std.py | cut -c1-12)
toolchain="poolbot-sbf-$patch_id"
toolchain_dir="$cache/toolchains/$toolchain"
if [ ! -f "$toolchain_dir/.patched" ]; then
  rm -rf "$toolchain_dir"
  mkdir -p "$(dirname "$toolchain_dir")"
  cp -al "$(rustup run "$nightly" rustc --print sysroot)" "$toolchain_dir"
  python3 sbf/patch_std.py "$toolchain_dir/lib/rustlib/src/rust/library"
  touch "$toolchain_dir/.patched"
fi
rustup toolchain link "$toolchain" "$toolchain_dir"

# 4. Build. Cargo does not track std's source: a new patch gets a new toolchain name, so a
#    fresh std build.
target_dir=${CARGO_TARGET_DIR:-$root/target}
package_args=()
for p in "${programs[@]}"; do package_args+=(-p "$p"); done
RUSTC_BOOTSTRAP_SYNTHETIC_TARGET=1 SBPF_PROGRAMS="${programs[*]}" \
  cargo +"$toolchain" build --profile sbf "${package_args[@]}" \
    -Z json-target-spec -Z build-std=std,panic_abort -Z build-std-features= \
    --target sbf/bpfel-unknown-solana.json

# 5. Anchor's layout: target/deploy/<program>.so and its keypair (the program id).
mkdir -p "$root/target/deploy"
for p in "${programs[@]}"; do
  cp "$target_dir/bpfel-unknown-solana/sbf/lib$p.so" "$root/target/deploy/$p.so"
  cp "keys/$p-keypair.json" "$root/target/deploy/$p-keypair.json"
  echo "built target/deploy/$p.so ($(stat -c %s "$root/target/deploy/$p.so") bytes)"
done
