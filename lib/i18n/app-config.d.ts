// Type-checked message keys: t("common.brand") compiles, t("common.typo") does not.
import type { Locale } from "@/lib/domain/locale";
import type { Messages } from "./catalogues";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
