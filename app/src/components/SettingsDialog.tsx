/** The cluster button (with the endpoint's health) and the network & pool settings. */
import { useConnection } from "@solana/wallet-adapter-react";
import { PublicKey } from "@solana/web3.js";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { CLUSTER_IDS, CLUSTER_LABELS, ClusterId, isValidRpcUrl, LOCALNET_URL } from "../lib/clusters";
import { shortAddress } from "../lib/format";
import { localnetDefaultPool, useSettings } from "../state/settings";
import { Modal, Segmented } from "./ui";

export function ClusterButton() {
  const settings = useSettings();
  const { connection } = useConnection();
  const [open, setOpen] = useState(false);
  const health = useQuery({
    queryKey: [settings.endpoint, "health"],
    queryFn: () => connection.getSlot("confirmed"),
    refetchInterval: 10_000,
    retry: false,
  });
  const dot = health.isError ? "dot bad" : health.data !== undefined ? "dot good" : "dot";
  return (
    <>
      <button
        type="button"
        className="btn cluster-btn"
        onClick={() => setOpen(true)}
        data-testid="cluster-button"
      >
        <span className={dot} aria-hidden />
        <span>{CLUSTER_LABELS[settings.cluster]}</span>
      </button>
      {open && <SettingsDialog onClose={() => setOpen(false)} />}
    </>
  );
}

export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const settings = useSettings();
  const [cluster, setCluster] = useState<ClusterId>(settings.cluster);
  const [localUrl, setLocalUrl] = useState(settings.localUrl);
  const [customUrl, setCustomUrl] = useState(settings.customUrl);
  const [pool, setPool] = useState(settings.pools[settings.cluster] ?? "");
  const urlProblem =
    cluster === "localnet" && !isValidRpcUrl(localUrl)
      ? "Enter an http(s) URL, like http://127.0.0.1:8899."
      : cluster === "custom" && !isValidRpcUrl(customUrl)
        ? "Enter an http(s) RPC URL."
        : null;
  let poolProblem: string | null = null;
  if (pool.trim()) {
    try {
      new PublicKey(pool.trim());
    } catch {
      poolProblem = "That is not a base58 address.";
    }
  }
  return (
    <Modal title="Network & pool" onClose={onClose} testId="settings-dialog">
      <label className="field">
        <span>Cluster</span>
        <Segmented
          options={CLUSTER_IDS.map((c) => ({ value: c, label: CLUSTER_LABELS[c] }))}
          value={cluster}
          onChange={(c) => {
            setCluster(c);
            setPool(settings.pools[c] ?? "");
          }}
        />
      </label>
      {cluster === "localnet" && (
        <label className="field">
          <span>Local validator RPC</span>
          <input value={localUrl} onChange={(e) => setLocalUrl(e.target.value)} placeholder={LOCALNET_URL} />
          <small className="muted">
            Start one with scripts/localnet.sh start (the websocket is the next port).
          </small>
        </label>
      )}
      {cluster === "custom" && (
        <label className="field">
          <span>RPC URL</span>
          <input value={customUrl} onChange={(e) => setCustomUrl(e.target.value)} placeholder="https://…" />
        </label>
      )}
      <label className="field">
        <span>Pool address</span>
        <input
          value={pool}
          onChange={(e) => setPool(e.target.value)}
          placeholder={
            cluster === "localnet"
              ? `${shortAddress(localnetDefaultPool(), 6)} (the localnet pool)`
              : "The pool's address"
          }
          data-testid="pool-input"
        />
        <small className="muted">
          {cluster === "localnet"
            ? "Leave empty for the pool migrations/localnet.json creates. Links can also carry ?pool=ADDRESS."
            : "Links can also carry ?pool=ADDRESS."}
        </small>
      </label>
      {(urlProblem || poolProblem) && <div className="form-error">{urlProblem ?? poolProblem}</div>}
      <div className="button-row end">
        <button type="button" className="btn ghost" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="btn primary"
          disabled={!!urlProblem || !!poolProblem}
          onClick={() => {
            settings.update({
              cluster,
              localUrl,
              customUrl,
              pools: { ...settings.pools, [cluster]: pool.trim() },
            });
            onClose();
          }}
        >
          Save
        </button>
      </div>
    </Modal>
  );
}
