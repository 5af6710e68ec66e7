// The Chinese catalogue: the same namespaces and keys as en/index.ts (the compiler checks the shape,
// lib/i18n/messages.test.ts the placeholders).
import type { Messages } from "../../catalogues";
import common from "./common.json";
import home from "./home.json";
import pageStates from "./pageStates.json";
import manifest from "./manifest.json";
import scan from "./scan.json";
import codeErrors from "./codeErrors.json";
import complaints from "./complaints.json";
import apiErrors from "./apiErrors.json";
import participants from "./participants.json";
import offline from "./offline.json";

const zhCN: Messages = {
  common,
  home,
  pageStates,
  manifest,
  scan,
  codeErrors,
  complaints,
  apiErrors,
  participants,
  offline,
};

export default zhCN;
