// The English catalogue, one JSON file per namespace (a page or a family of components), so that
// work on different pages touches different files. zh-CN/index.ts lists the same namespaces.
import common from "./common.json";
import fieldApi from "./fieldApi.json";
import fieldDesk from "./fieldDesk.json";
import fieldPages from "./fieldPages.json";
import verdict from "./verdict.json";

const en = { common, fieldApi, fieldDesk, fieldPages, verdict };

export default en;
