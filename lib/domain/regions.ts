// Administrative division codes the demo and the price caps use, with their plain names.
const REGION_NAMES: Record<number, string> = {
  320000: "江苏省",
  320500: "苏州",
  320600: "南通",
  320100: "南京",
  310000: "上海",
  330100: "杭州",
};

export function regionName(code: number): string | null {
  return REGION_NAMES[code] ?? null;
}
