// The English catalogue, one JSON file per namespace (a page or a family of components), so that
// work on different pages touches different files. zh-CN/index.ts lists the same namespaces.
import common from "./common.json";
import regulator from "./regulator.json";

const en = { common, regulator };

export default en;
