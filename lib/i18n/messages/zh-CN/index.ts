// The Chinese catalogue: the same namespaces and keys as en/index.ts (the compiler checks the shape,
// lib/i18n/messages.test.ts the placeholders).
import type { Messages } from "../../catalogues";
import apiErrors from "./apiErrors.json";
import auditor from "./auditor.json";
import backoffice from "./backoffice.json";
import backofficeApi from "./backofficeApi.json";
import common from "./common.json";
import complaints from "./complaints.json";
import fieldApi from "./fieldApi.json";
import fieldDesk from "./fieldDesk.json";
import fieldPages from "./fieldPages.json";
import home from "./home.json";
import lab from "./lab.json";
import labelMaker from "./labelMaker.json";
import manifest from "./manifest.json";
import manufacturer from "./manufacturer.json";
import offline from "./offline.json";
import pageStates from "./pageStates.json";
import participants from "./participants.json";
import regulator from "./regulator.json";
import regulatorApi from "./regulatorApi.json";
import scan from "./scan.json";
import signIn from "./signIn.json";
import tips from "./tips.json";
import tx from "./tx.json";
import verdict from "./verdict.json";

const zhCN: Messages = {
  apiErrors,
  auditor,
  backoffice,
  backofficeApi,
  common,
  complaints,
  fieldApi,
  fieldDesk,
  fieldPages,
  home,
  lab,
  labelMaker,
  manifest,
  manufacturer,
  offline,
  pageStates,
  participants,
  regulator,
  regulatorApi,
  scan,
  signIn,
  tips,
  tx,
  verdict,
};

export default zhCN;
