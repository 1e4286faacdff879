/**
 * Admin: products (register, enable, disable), validators and roles, keepers, configuration,
 * pause / resume, the time lock and the pending changes. Everyone sees the settings and the
 * queued changes; only a connected ADMIN gets the controls. What moves value or power
 * (validators, roles, quorums, limits, new keepers, enabling a product, a shorter time lock) is
 * queued and waits out the pool's time lock (applied at once when it is 0); pausing, renaming,
 * a longer time lock, removing a keeper and disabling a product are immediate. Pausing and
 * removing a validator ask first.
 */
import { useWallet } from "@solana/wallet-adapter-react";
import { Change, keepersOf, validatorsOf } from "@poolbot/sdk";
import { ConfigCard } from "../components/admin/ConfigCard";
import { KeyListCard } from "../components/admin/KeyListCard";
import { ProductsCard } from "../components/admin/ProductsCard";
import { StatusCard } from "../components/admin/StatusCard";
import { lockNote, useAdminAction } from "../components/admin/useAdminAction";
import { PageHead, PoolGate } from "../components/Layout";
import { PendingChanges } from "../components/PendingChanges";
import { Card, RoleBadge, Skeleton } from "../components/ui";
import { PoolInfo, useMyRole, usePool, useValidatorSet } from "../state/data";

export function AdminPage() {
  return (
    <PoolGate>
      <Admin />
    </PoolGate>
  );
}

function Admin() {
  const pool = usePool().data!;
  const { publicKey } = useWallet();
  const { role, loaded } = useMyRole();
  const isAdmin = role === "admin";
  return (
    <>
      <PageHead title="Administration">{isAdmin && <RoleBadge role="admin" />}</PageHead>
      {!isAdmin && (
        <Card testId="admin-readonly">
          <div className="notice">
            <strong>Read-only.</strong>{" "}
            <span className="muted">
              {!publicKey
                ? "Connect an ADMIN wallet of this pool to change products, validators, keepers and the configuration."
                : loaded
                  ? `This wallet ${role ? `is a ${role.toUpperCase()} validator, not an ADMIN` : "is not an ADMIN of this pool"}: the controls are for ADMINs only.`
                  : "Checking this wallet's role…"}
            </span>
          </div>
        </Card>
      )}
      <PendingChanges pool={pool} controls />
      <div className="grid two">
        <StatusCard pool={pool} isAdmin={isAdmin} />
        <ConfigCard pool={pool} isAdmin={isAdmin} />
      </div>
      <div className="grid two">
        <ValidatorsCard pool={pool} isAdmin={isAdmin} />
        <KeepersCard pool={pool} isAdmin={isAdmin} />
      </div>
      <ProductsCard pool={pool} isAdmin={isAdmin} />
    </>
  );
}

const short = (key: { toBase58(): string }) => `${key.toBase58().slice(0, 4)}…`;

function ValidatorsCard({ pool, isAdmin }: { pool: PoolInfo; isAdmin: boolean }) {
  const set = useValidatorSet();
  const { govern, busy, error } = useAdminAction();
  if (!set.data) return <Skeleton height={160} />;
  return (
    <KeyListCard
      title="Validators & roles"
      subtitle={`Any change here makes open proposals stale; ${lockNote(pool)}`}
      testId="admin-validators"
      entries={validatorsOf(set.data).map((v) => ({ key: v.key, role: v.roleName }))}
      empty={null}
      isAdmin={isAdmin}
      busy={busy}
      error={error}
      noun="validator"
      addRole="senior"
      onSetRole={(key, role) =>
        govern(pool, `make ${short(key)} ${role.toUpperCase()}`, Change.setValidatorRole(key, role))
      }
      onRemove={(key) => govern(pool, `remove validator ${short(key)}`, Change.removeValidator(key))}
      confirmRemove={(key) => (
        <p>
          {key.toBase58()} stops voting on trades and claims. Its seat changes the validator set, so every
          open proposal goes stale and claim votes restart.{" "}
          {pool.account.timeLock.toNumber() > 0 ? "The removal is queued: " : ""}
          {lockNote(pool)}.
        </p>
      )}
      onAdd={(key, role) => govern(pool, `add validator ${short(key)}`, Change.addValidator(key, role))}
    />
  );
}

function KeepersCard({ pool, isAdmin }: { pool: PoolInfo; isAdmin: boolean }) {
  const set = useValidatorSet();
  const { act, govern, busy, error } = useAdminAction();
  if (!set.data) return <Skeleton height={160} />;
  return (
    <KeyListCard
      title="Keepers"
      subtitle={`Bots allowed to propose trades. Removing one is immediate (its open proposals go stale); adding one is queued: ${lockNote(pool)}`}
      testId="admin-keepers"
      entries={keepersOf(set.data).map((key) => ({ key }))}
      empty="No keeper is authorised."
      isAdmin={isAdmin}
      busy={busy}
      error={error}
      noun="keeper"
      onRemove={(key) => act(`Remove keeper ${short(key)}`, (c) => c.removeKeeper(pool.addresses, key))}
      onAdd={(key) => govern(pool, `add keeper ${short(key)}`, Change.addKeeper(key))}
    />
  );
}
