"use client";

import { useState } from "react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";

/**
 * The TanStack Query cache for the client islands below it (lib/queries/client). Placed on the pages
 * whose islands keep server state current, never in the root layout: the verdict page carries no
 * query library in its first-load JavaScript. One client per page visit, so no browser shares it.
 */
export function QueryProvider({ children }: { children: React.ReactNode }) {
  const [client] = useState(() => new QueryClient());
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
