// The English catalogue, one JSON file per namespace (a page or a family of components), so that
// work on different pages touches different files. zh-CN/index.ts lists the same namespaces.
import common from "./common.json";
import backoffice from "./backoffice.json";
import manufacturer from "./manufacturer.json";
import lab from "./lab.json";
import auditor from "./auditor.json";

const en = { common, backoffice, manufacturer, lab, auditor };

export default en;
