/** The header's wallet button with the connected wallet's role and a menu, and the connect prompt. */
import { useConnection, useWallet } from "@solana/wallet-adapter-react";
import { LAMPORTS_PER_SOL } from "@solana/web3.js";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Badge, RoleBadge } from "../components/ui";
import { shortAddress } from "../lib/format";
import { useMyRole } from "../state/data";
import { useSettings } from "../state/settings";
import { BurnerWalletAdapter, BurnerWalletName } from "./burner";
import { ConnectDialog } from "./ConnectDialog";

export function WalletButton() {
  const { publicKey, wallet, disconnect, connecting } = useWallet();
  const { connection } = useConnection();
  const { local } = useSettings();
  const { role, keeper } = useMyRole();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState(false);
  const [menu, setMenu] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!menu) return;
    const close = (e: MouseEvent) => !ref.current?.contains(e.target as Node) && setMenu(false);
    window.addEventListener("mousedown", close);
    return () => window.removeEventListener("mousedown", close);
  }, [menu]);

  if (!publicKey) {
    return (
      <>
        <button
          type="button"
          className="btn primary"
          onClick={() => setDialog(true)}
          data-testid="connect-button"
        >
          {connecting ? "Connecting…" : "Connect wallet"}
        </button>
        {dialog && <ConnectDialog onClose={() => setDialog(false)} />}
      </>
    );
  }
  const burnerLabel =
    wallet?.adapter.name === BurnerWalletName ? (wallet.adapter as BurnerWalletAdapter).label : null;
  return (
    <div className="wallet-menu" ref={ref}>
      <button
        type="button"
        className="btn wallet-btn"
        onClick={() => setMenu(!menu)}
        data-testid="wallet-button"
      >
        {wallet && <img src={wallet.adapter.icon} alt="" width={18} height={18} />}
        <span className="mono" data-testid="wallet-address">
          {shortAddress(publicKey)}
        </span>
        {role ? <RoleBadge role={role} /> : keeper ? <Badge tone="info">KEEPER</Badge> : null}
      </button>
      {menu && (
        <div className="menu" role="menu">
          <div className="menu-head">
            <div className="mono small">{publicKey.toBase58()}</div>
            <div className="muted small">
              {wallet?.adapter.name}
              {burnerLabel ? ` · ${burnerLabel}` : ""}
            </div>
          </div>
          <button
            type="button"
            role="menuitem"
            onClick={() => void navigator.clipboard?.writeText(publicKey.toBase58())}
          >
            Copy address
          </button>
          {local && (
            <button
              type="button"
              role="menuitem"
              onClick={async () => {
                setNote("Requesting 10 SOL…");
                try {
                  const signature = await connection.requestAirdrop(publicKey, 10 * LAMPORTS_PER_SOL);
                  const latest = await connection.getLatestBlockhash();
                  await connection.confirmTransaction({ signature, ...latest }, "confirmed");
                  setNote("10 SOL received.");
                  void queryClient.invalidateQueries();
                } catch {
                  setNote("The faucet refused the airdrop.");
                }
              }}
            >
              Airdrop 10 SOL (localnet)
            </button>
          )}
          <button
            type="button"
            role="menuitem"
            onClick={() => {
              setMenu(false);
              setDialog(true);
            }}
          >
            Switch wallet
          </button>
          <button
            type="button"
            role="menuitem"
            className="bad"
            onClick={() => void disconnect()}
            data-testid="disconnect"
          >
            Disconnect
          </button>
          {note && <div className="menu-note small muted">{note}</div>}
        </div>
      )}
      {dialog && <ConnectDialog onClose={() => setDialog(false)} />}
    </div>
  );
}

/** A call to action for pages that need a wallet. */
export function ConnectPrompt({ children }: { children: React.ReactNode }) {
  const [dialog, setDialog] = useState(false);
  return (
    <div className="connect-prompt">
      <div>{children}</div>
      <button
        type="button"
        className="btn primary"
        onClick={() => setDialog(true)}
        data-testid="connect-prompt"
      >
        Connect wallet
      </button>
      {dialog && <ConnectDialog onClose={() => setDialog(false)} />}
    </div>
  );
}
