/**
 * One submit hook for the app's forms: sends through `useTx().run`, keeps the form's own error
 * (the failure's sentence) and its success line, and clears both when a new attempt starts.
 */
import { PoolBotClient } from "@poolbot/sdk";
import { useCallback, useState } from "react";
import { Action } from "../lib/errors";
import { useTx } from "./tx";

export function useSubmit() {
  const { run, busy } = useTx();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  /**
   * Sends `send` as `label`; on success shows `success(result)` and resolves true, on failure
   * shows the sentence and resolves false.
   */
  const submit = useCallback(
    async <T extends { signature: string }>(
      label: string,
      action: Action,
      send: (client: PoolBotClient) => Promise<T>,
      success: (result: T) => string | null,
    ): Promise<boolean> => {
      setError(null);
      setDone(null);
      const outcome = await run(label, action, send);
      if (outcome.ok) {
        setDone(success(outcome.result));
        return true;
      }
      setError(outcome.error.sentence);
      return false;
    },
    [run],
  );
  const clearError = useCallback(() => setError(null), []);
  return { submit, busy, error, done, clearError };
}
