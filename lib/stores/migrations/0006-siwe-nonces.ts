// Sign-In with Ethereum's nonces (lib/stores/siwe-nonces.ts), in the shared database so that a nonce one
// app instance issued can be redeemed at any other, and only once across all of them.
import type { Migration } from "./index";

export const siweNonces: Migration = {
  version: 6,
  name: "sign-in nonces",
  sql: `
    -- Times are Unix milliseconds. used_at is set when a sign-in redeems the nonce: kept (until the sweep)
    -- so a replay is told apart from a nonce this server never issued.
    CREATE TABLE siwe_nonces (
      nonce text PRIMARY KEY,
      expires_at bigint NOT NULL,
      used_at bigint
    );
    CREATE INDEX siwe_nonces_by_expiry ON siwe_nonces (expires_at);
  `,
};
