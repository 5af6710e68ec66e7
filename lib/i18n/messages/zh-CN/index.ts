// The Chinese catalogue: the same namespaces and keys as en/index.ts (the compiler checks the shape,
// lib/i18n/messages.test.ts the placeholders).
import type { Messages } from "../../catalogues";
import common from "./common.json";
import regulator from "./regulator.json";

const zhCN: Messages = { common, regulator };

export default zhCN;
