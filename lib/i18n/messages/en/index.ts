// The English catalogue, one JSON file per namespace (a page or a family of components), so that
// work on different pages touches different files. zh-CN/index.ts lists the same namespaces.
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

const en = {
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

export default en;
