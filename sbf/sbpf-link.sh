#!/usr/bin/env bash
# Linker for the bpfel-unknown-solana target (set in .cargo/config.toml), around sbpf-linker.
#
# std carries atomics that LLVM's BPF backend cannot select for SBF ("Cannot select
# AtomicSwap"). SBF is single-threaded, so the link runs in three steps:
#   1. sbpf-linker --emit=llvm-bc  merges and optimises all bitcode into one module (it then
#                                  fails to parse its own bitcode as SBPF: expected, ignored);
#   2. opt -passes=lower-atomic    turns every atomic into a plain load/store (nightly llvm-tools);
#   3. sbpf-linker                 code generation and the SBPF v3 relink into the final .so.
# Crates that are not programs but declare crate-type cdylib (solana-zk-sdk, for wasm) get an
# empty file: cargo never uses it, and linking it as a program would fail.
set -euo pipefail

sysroot=$(rustc --print sysroot)   # cargo exports RUSTUP_TOOLCHAIN: this is the SBF toolchain
opt="$sysroot/lib/rustlib/x86_64-unknown-linux-gnu/bin/opt"
# sbpf-linker dlopens the first libLLVM it finds; give it a directory holding only the real one.
libllvm=$(ls "$sysroot"/lib/libLLVM.so.* | head -n 1)
llvm_dir="${TMPDIR:-/tmp}/poolbot-sbpf-llvm-$(basename "$sysroot")"
mkdir -p "$llvm_dir"
ln -sf "$libllvm" "$llvm_dir/$(basename "$libllvm")"
export LD_LIBRARY_PATH="$llvm_dir:$sysroot/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"

out=""
inputs=()
flags=()
while [ $# -gt 0 ]; do
  case "$1" in
    -o) out=$2; shift 2 ;;
    --cpu|--cpu-features|--export-symbols|--export|-L|--target|--log-file|--log-level)
      flags+=("$1" "$2"); shift 2 ;;
    -*) flags+=("$1"); shift ;;
    *) inputs+=("$1"); shift ;;
  esac
done
[ -n "$out" ] || { echo "sbpf-link.sh: no -o given" >&2; exit 1; }

name=$(basename "$out" .so)
name=${name#lib}
if [[ " ${SBPF_PROGRAMS:-} " != *" $name "* ]]; then
  : > "$out"
  exit 0
fi

work=$(mktemp -d "$(dirname "$out")/sbpf-link.XXXXXX")
trap 'rm -rf "$work"' EXIT
sbpf-linker "${flags[@]}" --emit=llvm-bc -o "$work/merged.bc" "${inputs[@]}" >"$work/merge.log" 2>&1 || true
if [ ! -s "$work/merged.bc" ]; then
  cat "$work/merge.log" >&2
  echo "sbpf-link.sh: merging the bitcode of $name failed" >&2
  exit 1
fi
grep -E "^(ERROR|WARN|warning)" "$work/merge.log" >&2 || true
"$opt" -passes=lower-atomic "$work/merged.bc" -o "$work/lowered.bc"
sbpf-linker "${flags[@]}" -o "$out" "$work/lowered.bc"
