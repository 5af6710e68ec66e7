// Both catalogues, typed by the English one: a key missing from Chinese fails the type check.
import type { Locale } from "@/lib/domain/locale";
import en from "./messages/en";
import zhCN from "./messages/zh-CN";

export type Messages = typeof en;

export const CATALOGUES: Record<Locale, Messages> = { en, "zh-CN": zhCN };
