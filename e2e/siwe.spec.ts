// Signing in at a desk with a browser wallet (Sign-In with Ethereum): the page finds the wallets by
// EIP-6963 — here two, and window.ethereum taken by the decoy, as happens when extensions fight over it —
// and lets the person choose. The decoy is on another chain it cannot leave (4902): the page says so by
// name. The test wallet (a seeded key outside the page, e2e/field/wallet.ts) signs the server's message;
// the page then shows the account and its roles from the chain, and "Sign out" ends the session.
import { test, expect } from "@playwright/test";
import { injectWallet } from "./field/wallet";
import { untilHydrated } from "./desks";

const DECOY = "0x000000000000000000000000000000000000dEaD";

test("a maker signs in with the wallet it chooses among those announced, sees its roles, and signs out", async ({
  page,
  context,
}) => {
  const wallet = await injectWallet(page, "qinghe");
  await page.addInitScript((decoy: string) => {
    const provider = {
      async request({ method }: { method: string }) {
        if (method === "eth_requestAccounts") return [decoy];
        if (method === "eth_chainId") return "0x1";
        throw Object.assign(new Error(`Unrecognized chain ID.`), { code: 4902 });
      },
    };
    Object.assign(window, { ethereum: provider });
    const info = { uuid: crypto.randomUUID(), name: "Decoy wallet", icon: "data:,", rdns: "test.decoy" };
    const announce = () =>
      window.dispatchEvent(new CustomEvent("eip6963:announceProvider", { detail: { info, provider } }));
    window.addEventListener("eip6963:requestProvider", announce);
    announce();
  }, DECOY);

  await page.goto("/manufacturer");
  await expect(page.locator('[data-role-missing="MANUFACTURER"]')).toBeVisible();
  await untilHydrated(page, "[data-wallets-found] button");
  const chooser = page.getByRole("combobox", { name: "Wallet", exact: true });
  await expect(chooser.locator("option")).toHaveText(["MedProof test wallet", "Decoy wallet"]);

  await chooser.selectOption({ label: "Decoy wallet" });
  await page.getByRole("button", { name: "Sign in with your wallet" }).click();
  const panel = page.getByRole("region", { name: "Who acts" });
  await expect(panel.getByRole("alert")).toHaveText(/Your wallet does not know chain 31337/);
  expect(wallet.asked).toEqual([]);

  await chooser.selectOption({ label: "MedProof test wallet" });
  await page.getByRole("button", { name: "Sign in with your wallet" }).click();
  await expect(page.getByText(/^Signed in with your wallet as 青禾/)).toBeVisible();
  await expect(page.getByText("On the record: manufacturer")).toBeVisible();
  await expect(page.locator("[data-role-missing]")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Register a batch" })).toBeVisible();
  expect(wallet.asked).toEqual(["eth_requestAccounts", "eth_chainId", "personal_sign"]);
  const cookies = await context.cookies();
  const signedIn = cookies.find((cookie) => cookie.name === "medproof-signed-in");
  expect(signedIn?.value).toMatch(new RegExp(`^${wallet.address}\\.`));
  expect(signedIn).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  expect(cookies.map((cookie) => cookie.name)).not.toContain("medproof-act-as");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("Nobody is acting yet.")).toBeVisible();
  await expect(page.locator('[data-role-missing="MANUFACTURER"]')).toBeVisible();
  expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain("medproof-signed-in");
});
