// The Chinese catalogue: the same namespaces and keys as en/index.ts (the compiler checks the shape,
// lib/i18n/messages.test.ts the placeholders).
import type { Messages } from "../../catalogues";
import common from "./common.json";
import backoffice from "./backoffice.json";
import manufacturer from "./manufacturer.json";
import lab from "./lab.json";
import auditor from "./auditor.json";

const zhCN: Messages = { common, backoffice, manufacturer, lab, auditor };

export default zhCN;
