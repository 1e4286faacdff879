/**
 * Connecting: the wallet-standard wallets the browser has (Phantom, Solflare, Backpack, ...)
 * and, on localnet only, the burner wallet with the fixture keypairs, the burners saved in this
 * browser, a pasted secret key or a fresh keypair.
 */
import { useWallet } from "@solana/wallet-adapter-react";
import { WalletReadyState } from "@solana/wallet-adapter-base";
import { Keypair } from "@solana/web3.js";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Badge, Modal } from "../components/ui";
import { shortAddress } from "../lib/format";
import { useSettings } from "../state/settings";
import { forgetBurner, nextBurnerLabel, readBurners, rememberBurner, StoredBurner } from "../lib/burners";
import {
  BurnerIdentity,
  BurnerWalletAdapter,
  BurnerWalletName,
  listFixtures,
  loadFixture,
  parseSecretKey,
} from "./burner";

export function ConnectDialog({ onClose }: { onClose: () => void }) {
  const { wallets, select, wallet, connected, connect } = useWallet();
  const { local } = useSettings();
  const [secret, setSecret] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<StoredBurner[]>(() => readBurners(localStorage));
  const fixtures = useQuery({
    queryKey: ["fixtures"],
    queryFn: listFixtures,
    enabled: local,
    staleTime: Infinity,
  });
  const browserWallets = wallets.filter((w) => w.adapter.name !== BurnerWalletName);
  const burner = wallets.find((w) => w.adapter.name === BurnerWalletName)?.adapter as
    BurnerWalletAdapter | undefined;

  const chooseBurner = async (identity: BurnerIdentity) => {
    if (!burner) return;
    burner.use(identity);
    if (wallet?.adapter.name !== BurnerWalletName) select(BurnerWalletName);
    else if (!connected) await connect();
    onClose();
  };

  /** A new or pasted key: saved, so it can be chosen again later. */
  const chooseSaved = (burner: StoredBurner) => {
    setSaved(rememberBurner(localStorage, burner));
    return chooseBurner({
      label: burner.label,
      keypair: Keypair.fromSecretKey(Uint8Array.from(burner.secretKey)),
    });
  };

  const loadNamed = async (name: string) => {
    setProblem(null);
    try {
      await chooseBurner({ label: name, keypair: await loadFixture(name) });
    } catch (e) {
      setProblem((e as Error).message);
    }
  };

  return (
    <Modal title="Connect a wallet" onClose={onClose} testId="connect-dialog">
      <div className="wallet-list">
        {browserWallets.map((w) => (
          <button
            key={w.adapter.name}
            type="button"
            className="wallet-option"
            onClick={() => {
              select(w.adapter.name);
              onClose();
            }}
          >
            <img src={w.adapter.icon} alt="" width={28} height={28} />
            <span>{w.adapter.name}</span>
            {w.readyState === WalletReadyState.Installed && <Badge tone="good">Detected</Badge>}
          </button>
        ))}
        {browserWallets.length === 0 && (
          <p className="muted small">
            No browser wallet detected. Install{" "}
            <a className="link" href="https://phantom.com" target="_blank" rel="noreferrer">
              Phantom
            </a>
            ,{" "}
            <a className="link" href="https://solflare.com" target="_blank" rel="noreferrer">
              Solflare
            </a>{" "}
            or{" "}
            <a className="link" href="https://backpack.app" target="_blank" rel="noreferrer">
              Backpack
            </a>
            , then reload this page.
          </p>
        )}
      </div>

      {local && burner && (
        <div className="burner" data-testid="burner-panel">
          <div className="burner-head">
            <h3>Localnet burner</h3>
            <Badge tone="warn">test keys only</Badge>
          </div>
          <p className="muted small">
            A keypair kept by this page, offered only on a local validator. Load one of the localnet fixtures
            to act as the pool's admin, a member or a validator.
          </p>
          {fixtures.data ? (
            <div className="fixture-grid">
              {fixtures.data.map((f) => (
                <button
                  key={f.name}
                  type="button"
                  className="fixture"
                  data-testid={`fixture-${f.name}`}
                  onClick={() => void loadNamed(f.name)}
                >
                  <strong>{f.label}</strong>
                  <span className="mono muted small">{shortAddress(f.publicKey)}</span>
                </button>
              ))}
            </div>
          ) : fixtures.isFetched ? (
            <p className="muted small">
              This server does not serve the fixture keypairs (they come with `npm run dev` and `npm run
              preview`).
            </p>
          ) : null}
          {saved.length > 0 && (
            <div className="saved-burners" data-testid="saved-burners">
              <div className="muted small">Your burners (saved in this browser)</div>
              <div className="fixture-grid">
                {saved.map((b) => {
                  const key = Keypair.fromSecretKey(Uint8Array.from(b.secretKey)).publicKey.toBase58();
                  return (
                    <div
                      key={key}
                      className="saved-burner"
                      style={{ display: "flex", gap: 6, alignItems: "stretch" }}
                    >
                      <button
                        type="button"
                        className="fixture"
                        style={{ flex: 1 }}
                        data-testid={`saved-burner-${key}`}
                        onClick={() => void chooseSaved(b)}
                      >
                        <strong>{b.label}</strong>
                        <span className="mono muted small">{shortAddress(key)}</span>
                      </button>
                      <button
                        type="button"
                        className="icon-btn"
                        aria-label={`Forget ${b.label}`}
                        title="Forget this key (its funds stay on chain, unreachable without it)"
                        onClick={() => setSaved(forgetBurner(localStorage, b.secretKey))}
                      >
                        ✕
                      </button>
                    </div>
                  );
                })}
              </div>
            </div>
          )}
          <details className="paste">
            <summary>Paste a secret key or start a new burner</summary>
            <textarea
              rows={3}
              placeholder="[12,34,…] (a Solana CLI keypair file) or a base58 secret key"
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
              data-testid="burner-secret"
            />
            <div className="button-row">
              <button
                type="button"
                className="btn"
                disabled={!secret.trim()}
                onClick={() => {
                  try {
                    const keypair = parseSecretKey(secret);
                    void chooseSaved({ label: "Pasted", secretKey: Array.from(keypair.secretKey) });
                  } catch (e) {
                    setProblem(`That is not a secret key: ${(e as Error).message}`);
                  }
                }}
              >
                Use this key
              </button>
              <button
                type="button"
                className="btn ghost"
                data-testid="new-burner"
                onClick={() =>
                  void chooseSaved({
                    label: nextBurnerLabel(saved),
                    secretKey: Array.from(Keypair.generate().secretKey),
                  })
                }
              >
                New burner
              </button>
            </div>
          </details>
          {problem && <div className="form-error">{problem}</div>}
        </div>
      )}
    </Modal>
  );
}
