// The demo world: real-looking organisations, licences and products (GS1 prefix 952 is reserved for
// examples). Account n is anvil's n-th test account; nothing here is used off the local chain.

export type DemoRole =
  "REGULATOR" | "SUPPLIER" | "MANUFACTURER" | "AUDITOR" | "LAB" | "DISTRIBUTOR" | "PHARMACY" | "INSPECTOR";

export interface DemoParty {
  account: number;
  role: DemoRole;
  name: string;
  creditCode: string;
  region: number;
}

export const PARTIES = {
  regulator: {
    account: 0,
    role: "REGULATOR",
    name: "江苏省药品监督管理局",
    creditCode: "11320000014000112X",
    region: 320000,
  },
  supplier: {
    account: 1,
    role: "SUPPLIER",
    name: "远岫熔喷材料有限公司",
    creditCode: "91320581MA1N4XQ27K",
    region: 320500,
  },
  qinghe: {
    account: 2,
    role: "MANUFACTURER",
    name: "青禾医疗用品有限公司",
    creditCode: "91320505MA1MQH7K3U",
    region: 320500,
  },
  linjiang: {
    account: 3,
    role: "MANUFACTURER",
    name: "临江卫材制品有限公司",
    creditCode: "91320612MA1Q8CE25D",
    region: 320600,
  },
  auditor: {
    account: 4,
    role: "AUDITOR",
    name: "苏州华信洁净技术检测有限公司",
    creditCode: "91320594MA1P2LW80G",
    region: 320500,
  },
  lab: {
    account: 5,
    role: "LAB",
    name: "澄明检测技术服务有限公司",
    creditCode: "91320506MA1W7RJ41B",
    region: 320500,
  },
  distributor: {
    account: 6,
    role: "DISTRIBUTOR",
    name: "苏州康达医药有限公司",
    creditCode: "91320508MA1T3GK56H",
    region: 320500,
  },
  renxin: {
    account: 7,
    role: "PHARMACY",
    name: "仁心大药房（观前店）",
    creditCode: "92320508MA1X0DF63P",
    region: 320500,
  },
  bianmin: {
    account: 8,
    role: "PHARMACY",
    name: "便民大药房（石路店）",
    creditCode: "92320508MA1Y5HN72R",
    region: 320500,
  },
  baixing: {
    account: 9,
    role: "PHARMACY",
    name: "百姓平价药店（山塘店）",
    creditCode: "92320508MA20BK3L9T",
    region: 320500,
  },
  inspector: {
    account: 10,
    role: "INSPECTOR",
    name: "苏州市市场监督管理局价格监督检查处",
    creditCode: "11320500MB1C70893Q",
    region: 320500,
  },
} as const satisfies Record<string, DemoParty>;

export type PartyKey = keyof typeof PARTIES;

/** Class II distribution filings (第二类医疗器械经营备案) of the sellers. */
export const FILINGS: Partial<Record<PartyKey, string>> = {
  distributor: "苏苏药监械经营备20200318号",
  renxin: "苏苏药监械经营备20210526号",
  bianmin: "苏苏药监械经营备20190811号",
  baixing: "苏苏药监械经营备20220907号",
};

export const PRODUCTS = {
  surgical: { gtin: "09521234500018", category: 1, maker: "qinghe", name: "医用外科口罩（灭菌级，50只/盒）" },
  protective: { gtin: "09521234500025", category: 2, maker: "qinghe", name: "医用防护口罩（10只/盒）" },
  disposable: { gtin: "09521234500032", category: 3, maker: "qinghe", name: "一次性使用医用口罩（50只/盒）" },
  linjiangDisposable: {
    gtin: "09527654300016",
    category: 3,
    maker: "linjiang",
    name: "一次性使用医用口罩（独立包装，50只/盒）",
  },
} as const;

/** A GTIN in the example range that no one registered. */
export const UNREGISTERED_GTIN = "09521234500049";

export type ProductKey = keyof typeof PRODUCTS;

/** Registration certificates (valid five years from their latest renewal, which keeps the number). */
export const CERTIFICATES: Record<ProductKey, { number: string; validFrom: string; validUntil: string }> = {
  surgical: { number: "苏械注准20212149901", validFrom: "2024-01-08", validUntil: "2029-01-07" },
  protective: { number: "苏械注准20222149902", validFrom: "2024-01-08", validUntil: "2029-01-07" },
  disposable: { number: "苏械注准20212149903", validFrom: "2024-01-08", validUntil: "2029-01-07" },
  linjiangDisposable: { number: "苏械注准20202149907", validFrom: "2025-04-10", validUntil: "2030-04-09" },
};

/** Production licences: the original and its renewal, which keeps the number. */
export const PRODUCTION_LICENCES: {
  maker: "qinghe" | "linjiang";
  number: string;
  validFrom: string;
  validUntil: string;
}[] = [
  { maker: "qinghe", number: "苏药监械生产许20219901号", validFrom: "2021-06-01", validUntil: "2026-05-31" },
  { maker: "qinghe", number: "苏药监械生产许20219901号", validFrom: "2026-05-20", validUntil: "2031-05-19" },
  {
    maker: "linjiang",
    number: "苏药监械生产许20200417号",
    validFrom: "2020-04-17",
    validUntil: "2025-04-16",
  },
  {
    maker: "linjiang",
    number: "苏药监械生产许20200417号",
    validFrom: "2025-04-10",
    validUntil: "2030-04-09",
  },
];

export const WORKSHOPS = {
  qinghe: "A栋二层十万级洁净车间",
  linjiang: "一号十万级洁净车间",
} as const;

/** Sterilisation is contracted out; the record names the sterilizer. */
export const STERILIZER = "清衡灭菌技术有限公司";

/** Suzhou (320500) caps in fen per piece, after SAMR 国市监竞争〔2020〕21号. */
export const PRICE_CAPS = [
  { category: 1, channel: "ExFactory", fen: 120 },
  { category: 1, channel: "Wholesale", fen: 150 },
  { category: 1, channel: "Retail", fen: 180 },
  { category: 2, channel: "Retail", fen: 900 },
  { category: 3, channel: "Retail", fen: 150 },
] as const;

export const PRICE_CAP_BASIS = "国市监竞争〔2020〕21号";
export const PRICE_CAP_REGION = 320500;
export const PRICE_CAPS_FROM = "2024-02-01";

/** The inspector's routine retail price survey in Suzhou shops, of lot 240315A (surgical masks), all
 * within the 1.80-yuan retail cap: the regulator's price chart draws them over time. */
export const PRICE_SURVEY: { seller: PartyKey; on: string; fen: number }[] = [
  { seller: "renxin", on: "2024-05-20", fen: 150 },
  { seller: "baixing", on: "2024-08-12", fen: 140 },
  { seller: "renxin", on: "2024-11-18", fen: 160 },
  { seller: "baixing", on: "2025-02-17", fen: 150 },
  { seller: "renxin", on: "2025-05-19", fen: 165 },
  { seller: "baixing", on: "2025-08-18", fen: 155 },
  { seller: "renxin", on: "2025-11-17", fen: 170 },
  { seller: "baixing", on: "2026-02-09", fen: 160 },
];

/** Bonds posted in the settlement token, in fen: the manufacturer above its 50,000-yuan minimum, the
 * others at theirs, so one upheld complaint against a pharmacy suspends it until it tops up. */
export const BONDS: Partial<Record<PartyKey, number>> = {
  supplier: 2_000_000,
  qinghe: 8_000_000,
  linjiang: 5_000_000,
  distributor: 2_000_000,
  renxin: 500_000,
  bianmin: 500_000,
  baixing: 500_000,
};

/** Working capital in the settlement token, in fen, that the buyers pay purchase orders from: 100,000 yuan
 * each for the distributor and the pharmacies (minted by the regulator, like the bonds). */
export const WORKING_CAPITAL: Partial<Record<PartyKey, number>> = {
  distributor: 10_000_000,
  renxin: 10_000_000,
  bianmin: 10_000_000,
  baixing: 10_000_000,
};

/** The demo's settled purchase order: 仁心 buys 400 boxes of the genuine batch from the distributor at
 * 1.40 yuan a mask (the wholesale cap is 1.50), 28,000 yuan in escrow, released when 仁心 accepts. */
export const DEMO_ORDER = { buyer: "renxin", seller: "distributor", boxes: 400, fenPerPiece: 140 } as const;

/** The delivery of the genuine batch left waiting at 仁心's receiving desk, shipped four days before seeding. */
export const DEMO_PENDING_DELIVERY = { to: "renxin", boxes: 12 } as const;

/** The shopper who filed the demo's upheld complaint (anvil account 12; not a registered party). */
export const DEMO_SHOPPER_ACCOUNT = 12;

/** The account that pays the gas of relayed (wallet-less) requests on the local chain: anvil account 11. */
export const RELAYER_ACCOUNT = 11;

/** A funded anvil account no demo party or the world's relayer uses: a second server's relayer in tests. */
export const SECOND_RELAYER_ACCOUNT = 15;
