/** Providers (settings, connection, wallets, queries, transactions) and routes. */
import { ConnectionProvider, WalletProvider } from "@solana/wallet-adapter-react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { ReactNode, useMemo } from "react";
import { BrowserRouter, Route, Routes } from "react-router-dom";
import { Layout } from "./components/Layout";
import { Empty } from "./components/ui";
import { ActivityPage } from "./pages/Activity";
import { AdminPage } from "./pages/Admin";
import { InsurancePage } from "./pages/Insurance";
import { MemberPage } from "./pages/Member";
import { OverviewPage } from "./pages/Overview";
import { ValidatorsPage } from "./pages/Validators";
import { SettingsProvider, useSettings } from "./state/settings";
import { TxProvider } from "./state/tx";
import { BurnerWalletAdapter } from "./wallet/burner";

const queryClient = new QueryClient({
  defaultOptions: { queries: { refetchOnWindowFocus: true, staleTime: 2_000, retry: 2 } },
});

const burner = new BurnerWalletAdapter();

function Chain({ children }: { children: ReactNode }) {
  const { endpoint, local } = useSettings();
  // Wallet-standard wallets (Phantom, Solflare, Backpack, ...) are added by the provider
  // itself; the burner only on a validator on this machine.
  const wallets = useMemo(() => (local ? [burner] : []), [local]);
  return (
    <ConnectionProvider endpoint={endpoint} config={{ commitment: "confirmed" }} key={endpoint}>
      <WalletProvider wallets={wallets} autoConnect localStorageKey="poolbot.wallet">
        <TxProvider>{children}</TxProvider>
      </WalletProvider>
    </ConnectionProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <SettingsProvider>
        <Chain>
          <BrowserRouter>
            <Routes>
              <Route element={<Layout />}>
                <Route index element={<OverviewPage />} />
                <Route path="member" element={<MemberPage />} />
                <Route path="validators" element={<ValidatorsPage />} />
                <Route path="insurance" element={<InsurancePage />} />
                <Route path="admin" element={<AdminPage />} />
                <Route path="activity" element={<ActivityPage />} />
                <Route path="*" element={<Empty title="Page not found">Use the tabs above.</Empty>} />
              </Route>
            </Routes>
          </BrowserRouter>
        </Chain>
      </SettingsProvider>
    </QueryClientProvider>
  );
}
