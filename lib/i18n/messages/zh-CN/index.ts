// The Chinese catalogue: the same namespaces and keys as en/index.ts (the compiler checks the shape,
// lib/i18n/messages.test.ts the placeholders).
import type { Messages } from "../../catalogues";
import common from "./common.json";
import fieldApi from "./fieldApi.json";
import fieldDesk from "./fieldDesk.json";
import fieldPages from "./fieldPages.json";
import verdict from "./verdict.json";

const zhCN: Messages = { common, fieldApi, fieldDesk, fieldPages, verdict };

export default zhCN;
