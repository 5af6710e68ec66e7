// The contracts' refusals in Chinese: one sentence per custom error, the same keys as MESSAGES in
// errors.ts (errors.test.ts checks that none is missing and none is left in English).
import { secondsToIsoDate, secondsToIsoMinute } from "../domain/time";
import { formatInteger, formatKg, formatYuan, formatYuanPerPiece } from "../domain/format";

type Template = (args: readonly unknown[]) => string;

const ZH = "zh-CN";
const date = (v: unknown) => secondsToIsoDate(Number(v));
const fen = (amount: unknown) => formatYuan(Number(amount), ZH);
const kg = (grams: unknown) => formatKg(Number(grams), ZH);
const count = (n: unknown) => formatInteger(Number(n), ZH);
const channelName = (channel: unknown) => ["出厂", "批发", "零售"][Number(channel)] ?? "价格";
const orderStatusName = (status: unknown) =>
  ["待履行", "已发货", "已结算：货款已付给卖方", "已结算：货款已退还买方", "已取消"][Number(status)] ??
  "已关闭";

export const MESSAGES_ZH: Record<string, Template> = {
  CallerLacksRole: () => "此账户没有执行该操作所需的角色。",
  ParticipantNotRegistered: () => "该机构未在监管部门登记。",
  ParticipantAlreadyRegistered: () => "该机构已经登记。",
  ParticipantIsSuspended: () =>
    "该机构已被暂停（由监管部门暂停，或因保证金低于最低额度），在恢复或补足保证金之前不能登记或销售任何产品。",
  ParticipantNotSuspended: () => "该机构未被暂停。",
  LicenceNotFound: ([id]) => `记录中没有编号为 ${id} 的许可证。`,
  LicenceAlreadyRevoked: ([, at]) => `该许可证已于 ${date(at)} 吊销。`,
  InvalidValidityPeriod: () => "有效期的结束日期必须晚于开始日期。",
  CertificateValidityOverFiveYears: () => "注册证的有效期最长为五年。",
  InvalidLicenceNumber: ([, number]) => `“${String(number)}”不符合该类证件的官方编号格式。`,
  RevocationOutOfRange: () => "吊销日期必须在许可证生效日期与今天之间。",
  UnknownCategory: ([c]) => `没有口罩类别 ${c}。`,
  EmptyCategories: () => "许可证至少要涵盖一个口罩类别。",
  InvalidGtin: ([gtin]) => `${gtin} 不是有效的商品条码（GTIN），请检查最后一位校验码。`,
  ProductAlreadyRegistered: ([gtin]) => `商品条码 ${gtin} 已经登记。`,
  ProductNotRegistered: ([gtin]) => `商品条码 ${gtin} 没有登记为产品。`,
  CertificateNotUsable: () => "该注册证不能使用：它不属于您、不是注册证，或不涵盖该类别。",
  InvalidCategoryRules: () => "类别规则前后矛盾（通常产出不得超过上限）。",
  DirectoryAlreadySet: () => "各登记合约已经互相关联。",
  InvalidName: () => "名称不能为空。",
  LotNotFound: ([id]) => `没有熔喷布批次 ${id}。`,
  LotAlreadyRegistered: ([, code]) => `该供应商已经登记过批号 ${String(code)}。`,
  LotNotOwned: ([id]) => `熔喷布批次 ${id} 不属于该生产企业。`,
  LotMassExceeded: ([id, requested, remaining]) =>
    `熔喷布批次 ${id} 只剩 ${kg(remaining)}，而此次需要 ${kg(requested)}。`,
  LotPartlyConsumed: ([id]) => `熔喷布批次 ${id} 已部分使用，不能再转让。`,
  ZeroMass: () => "重量必须大于零。",
  InvalidLotCode: () => "批号为空或过长。",
  RecipientNotManufacturer: () => "熔喷布只能转让给已登记的生产企业。",
  ParticleCountAboveLimit: ([size, particles, limit]) =>
    `≥${Number(size) / 100} µm 尘埃粒子 ${count(particles)}/m³，超过 ${count(limit)}/m³ 的限值。`,
  MicrobialCountAboveLimit: () => "微生物数超过限值（浮游菌 500 CFU/m³，沉降菌每皿 10 CFU）。",
  TemperatureOutOfRange: ([t]) => `温度 ${Number(t) / 10} °C 超出 18–28 °C 的范围。`,
  HumidityOutOfRange: ([h]) => `相对湿度 ${Number(h) / 10} % 超出 45–65 % 的范围。`,
  PressureDifferentialTooLow: ([p]) => `静压差 ${Number(p) / 10} Pa，未超过 10 Pa。`,
  StaffRecordsIncomplete: () => "生产人员的健康检查和培训都必须有记录。",
  UnsupportedCleanClass: ([c]) => `不接受洁净级别 ${c}：车间必须达到十万级或更高洁净度。`,
  InvalidAttestationPeriod: () => "洁净度证明的有效期结束日期必须晚于开始日期。",
  AttestationNotFound: ([id]) => `没有洁净度证明 ${id}。`,
  BatchNotFound: () => "该批次没有登记。",
  BatchAlreadyRegistered: () => "该商品条码和批号的批次已经登记。",
  InvalidLot: () => "批号必须为 1 到 20 个字符。",
  NotProductManufacturer: ([gtin]) => `商品条码 ${gtin} 登记在另一家生产企业名下。`,
  NotBatchManufacturer: () => "只有该批次的生产企业可以这样做。",
  ProductionDateInFuture: () => "生产日期不能晚于今天。",
  ExpiryNotAfterProduction: () => "失效日期必须晚于生产日期。",
  ZeroQuantity: () => "口罩数量和每盒只数都必须大于零。",
  NoMaterials: () => "批次必须注明所用的熔喷布批次。",
  TooManyMaterials: ([, max]) => `一个批次最多只能注明 ${max} 个熔喷布批次。`,
  YieldAboveCeiling: ([perKg, ceiling]) =>
    `每千克熔喷布 ${count(perKg)} 只口罩，超过该类别 ${count(ceiling)} 只的上限：申报的滤材做不出这么多口罩。`,
  ZeroSigner: () => "必须提供序列号签名密钥。",
  NoValidProductionLicence: ([, , at]) => `生产企业在 ${date(at)} 没有有效的生产许可证。`,
  CertificateNotValidAtProduction: ([, at]) => `产品的注册证在 ${date(at)} 无效。`,
  WorkshopNotAttestedAt: ([, at]) => `该车间没有覆盖 ${date(at)} 的洁净度证明。`,
  SterilisationAlreadyRecorded: () => "该批次的灭菌已经记录。",
  InvalidSterilisationPeriod: () => "灭菌必须在生产当天或之后开始，结束时间晚于开始时间，且不能晚于现在。",
  NotSterilised: () => "记录灭菌之前不能放行该批次。",
  TestsNotPassed: () => "不能放行该批次：最新的检验报告不合格。",
  HoldNotElapsed: ([, earliest]) => `放行过早：灭菌后的解析期尚未结束，最早可于 ${date(earliest)} 放行。`,
  BatchAlreadyReleased: ([, at]) => `该批次已于 ${date(at)} 放行。`,
  BatchIsRecalled: () => "该批次已被召回。",
  EmptyReason: () => "必须说明原因。",
  UnknownMetric: ([m]) => `指标 ${m} 不是已知的检验指标。`,
  DuplicateMetric: ([m]) => `指标 ${m} 出现了两次。`,
  MissingMetric: ([m]) => `报告缺少标准要求的指标 ${m} 的数值。`,
  InvalidBounds: ([m]) => `指标 ${m} 的上下限颠倒了。`,
  EmptyRuleSet: () => "检验规则集至少需要一条规则。",
  RuleSetNotFound: ([id]) => `没有检验规则集 ${id}。`,
  NoRuleSetInForce: ([, at]) => `${date(at)} 该类别没有施行中的检验标准。`,
  ReportNotForBatchLab: () => "该报告不属于这个批次。",
  BatchNotReleased: () => "该批次尚未放行，不能发货。",
  RecipientNotLicensed: () => "收货方没有有效的第二类医疗器械经营备案。",
  SenderNotLicensed: () => "发货方没有有效的第二类医疗器械经营备案。",
  InsufficientCustody: ([, , available, requested]) =>
    `此处只有 ${available} 盒，而要求的是 ${requested} 盒。`,
  ZeroBoxes: () => "盒数必须大于零。",
  SelfShipment: () => "不能给自己发货。",
  ShipmentNotFound: ([id]) => `没有发货单 ${id}。`,
  ShipmentNotPending: ([id]) => `发货单 ${id} 已经处理完毕。`,
  NotShipmentRecipient: ([id]) => `只有发货单 ${id} 的收货方可以签收或拒收。`,
  SerialNotInBatch: ([, serial]) => `该批次从未发放序列号 ${serial}。`,
  AlreadyDecommissioned: ([, serial, , at]) => `序列号 ${serial} 已于 ${date(at)} 售出。`,
  ZeroPrice: () => "价格必须大于零。",
  CapNotFound: ([id]) => `没有限价 ${id}。`,
  SellerNotRegistered: () => "该销售方没有登记。",
  AccessControlUnauthorizedAccount: () => "此账户没有执行该操作所需的角色。",
  AccessControlBadConfirmation: () => "只有账户本人可以放弃自己的角色。",
  UnknownRole: () => "这不是 MedProof 的角色。",
  DirectoryNotSet: () => "各登记合约尚未互相关联。",
  InvalidDirectory: () => "提供的登记合约地址不完整。",
  ReportNotFound: ([, index]) => `该批次没有第 ${index} 号检验报告。`,
  InvalidShortString: () => "名称太长，合约无法保存。",
  StringTooLong: () => "名称太长，合约无法保存。",
  // bonds
  ZeroAmount: () => "金额必须大于零。",
  ZeroAddress: () => "必须提供地址。",
  InvalidTerms: () => "投诉条款前后矛盾。",
  NotABondRole: () => "只有生产企业、供应商、经销商和药店需要设定保证金。",
  CannotPostBond: () => "只有生产企业、熔喷布供应商、经销商和药店可以缴纳保证金。",
  InsufficientBond: ([, bond, requested]) => `保证金只有 ${fen(bond)}，而要求的是 ${fen(requested)}。`,
  BondBelowMinimum: ([, remaining, minimum]) =>
    `这样保证金将只剩 ${fen(remaining)}，低于最低额度 ${fen(minimum)}。`,
  RespondentOfOpenComplaint: ([, open]) => `针对该机构还有 ${open} 件投诉尚未了结，保证金不能取回。`,
  PartySuspendedForBond: () => "该机构因保证金低于最低额度已被暂停：请先补足保证金。",
  // complaints
  PossessionNotCommitted: () => "该批次的生产企业没有登记包装盒内印的码，因此任何投诉都无法证明持有这一盒。",
  InvalidPossessionProof: ([, serial]) => `盒内的码与第 ${serial} 盒不符。请核对后重新输入。`,
  ComplaintAlreadyOpen: ([, serial, id]) =>
    `关于第 ${serial} 盒的投诉 ${id} 已在处理中，请跟进该投诉，不要重复提交。`,
  SerialAlreadyCompensated: ([, serial]) => `关于第 ${serial} 盒的投诉已经成立并获得赔偿；每一盒只赔偿一次。`,
  PossessionClaimedByAnother: ([, serial]) =>
    `已有他人用第 ${serial} 盒的盒内码提交过投诉；只有此人可以就这一盒再次投诉。`,
  SellerRequired: () => "请说明您是从哪家销售方买到这一盒的：投诉针对的是他们。",
  NotASeller: () => "这不是已登记的销售方。",
  SellerNeverHeldBatch: () =>
    "流通记录显示该销售方从未收到过这一批次，这一盒不可能是从那里买的。请填写您实际购买的销售方。",
  PricePaidTooHigh: ([price]) => `一盒支付 ${fen(price)} 不合常理。`,
  ComplaintNotFound: ([id]) => `没有投诉 ${id}。`,
  NotRespondent: ([id]) => `只有投诉 ${id} 所针对的一方可以答复。`,
  ComplaintAlreadyAnswered: ([id]) => `投诉 ${id} 已经答复过。`,
  ComplaintAlreadyRuled: ([id]) => `投诉 ${id} 已经裁定。`,
  AnswerWindowClosed: ([id, deadline]) => `投诉 ${id} 的答复期限已于 ${date(deadline)} 截止。`,
  AnswerWindowOpen: ([id, deadline]) => `在 ${date(deadline)} 之前，除非对方先答复，否则不能裁定投诉 ${id}。`,
  RetestNotApplicable: ([id]) => `投诉 ${id} 与口罩是否符合标准无关：复检不能作为裁定依据。`,
  NotARetest: ([, index]) => `第 ${index} 号检验报告不是复检报告。`,
  RetestBeforeComplaint: ([id]) => `该复检早于投诉 ${id} 的提交时间。`,
  NotReportLab: ([, index]) => `只有发布第 ${index} 号检验报告的检验机构可以据此裁定。`,
  NothingToWithdraw: () => "没有可提取的款项。",
  InvalidRecipient: () => "该地址不能接收款项。",
  EvidenceRequired: () => "假货查处结果必须注明所依据的证据。",
  FindingAlreadyRecorded: ([, findingId]) => `基于该证据的假货查处结果已在链上（第 ${findingId} 号）。`,
  FindingNotFound: ([findingId]) => `没有第 ${findingId} 号假货查处结果。`,
  // purchase orders
  InvalidDeadline: ([deadline, latest]) =>
    `发货截止日期 ${date(deadline)} 必须晚于今天，且不得晚于 ${date(latest)}。`,
  SelfOrder: () => "不能向自己下单。",
  BoxesExceedBatch: ([, boxes, batchBoxes]) => `该批次只有 ${batchBoxes} 盒，而订购了 ${boxes} 盒。`,
  BuyerNotAllowed: () => "只有经销商或药店可以下采购订单。",
  BuyerNotLicensed: () => "买方没有此类口罩的有效第二类医疗器械经营备案，不能收货。",
  SellerCannotSupply: () => "该卖方不能供应这个批次：卖方必须是该批次的生产企业或经销商。",
  SellerNotLicensed: () => "卖方没有此类口罩的有效第二类医疗器械经营备案，不能销售。",
  UnitPriceAboveCap: ([price, cap, channel]) =>
    `单价 ${formatYuanPerPiece(Number(price), ZH)} 超过现行${channelName(channel)}限价 ` +
    `${formatYuanPerPiece(Number(cap), ZH)}：订单被拒绝。`,
  EscrowShortfall: ([expected, received]) =>
    `应付 ${fen(expected)}，只有 ${fen(received)} 进入托管账户：订单被拒绝。`,
  OrderNotFound: ([id]) => `没有采购订单 ${id}。`,
  NotOrderSeller: ([id]) => `只有订单 ${id} 的卖方可以履行该订单。`,
  NotOrderParty: ([id]) => `只有订单 ${id} 的买方或卖方可以取消该订单。`,
  OrderAlreadyFulfilled: ([id, shipment]) => `订单 ${id} 已由发货单 ${shipment} 履行；待该发货单签收后结算。`,
  OrderNotFulfilled: ([id]) => `订单 ${id} 尚未履行：卖方必须先发货，并把发货单关联到该订单。`,
  OrderAlreadySettled: ([id, status]) => `订单 ${id} 的状态已是：${orderStatusName(status)}。`,
  DeadlinePassed: ([id, deadline]) => `订单 ${id} 必须在 ${date(deadline)} 前发货；现在买方可以取消该订单。`,
  DeadlineNotPassed: ([id, deadline]) => `卖方可在 ${date(deadline)} 前为订单 ${id} 发货；此后买方才能取消。`,
  ShipmentDoesNotMatch: ([id, shipment]) =>
    `发货单 ${shipment} 与订单 ${id} 不符：必须由卖方发给买方，批次相同，盒数与订购数量完全一致。`,
  ShipmentBeforeOrder: ([id, shipment]) => `发货单 ${shipment} 早于订单 ${id} 的下单时间。`,
  ShipmentWasRejected: ([shipment]) => `发货单 ${shipment} 已被买方拒收；请重新发货。`,
  ShipmentAlreadyLinked: ([shipment, id]) => `发货单 ${shipment} 已用于履行订单 ${id}。`,
  NotCustodyRegistry: () => "只有流通登记合约可以向订单簿报告到货签收。",
  ReceiptWindowOpen: ([id, deadline]) =>
    `买方可在 ${secondsToIsoMinute(Number(deadline))} 前签收或拒收订单 ${id} 的货物；届时或买方答复后即结算。`,
  // the settlement token and the relay (OpenZeppelin)
  ERC20InsufficientBalance: ([, balance, needed]) =>
    `该账户持有 ${fen(balance)} 结算代币，需要 ${fen(needed)}。`,
  ERC20InsufficientAllowance: ([, allowance, needed]) =>
    `合约目前只能划扣 ${fen(allowance)}；请先授权至少 ${fen(needed)}。`,
  ERC20InvalidApprover: () => "该账户不能授权付款。",
  ERC20InvalidReceiver: () => "该账户不能接收结算代币。",
  ERC20InvalidSender: () => "该账户不能发送结算代币。",
  ERC20InvalidSpender: () => "不能授权该账户动用结算代币。",
  InsufficientBalance: () => "账户余额不足以支付。",
  SafeERC20FailedOperation: () => "结算代币拒绝了这笔转账。",
  SafeCastOverflowedUintDowncast: () => "数值太大，合约无法处理。",
  ReentrancyGuardReentrantCall: () => "合约拒绝了嵌套调用。",
  FailedCall: () => "代发的调用失败了。",
  InvalidAccountNonce: () => "该请求已经使用过；请重新发送一个。",
  ERC2771ForwarderExpiredRequest: ([deadline]) => `该请求已于 ${date(deadline)} 过期；请重新发送一个。`,
  ERC2771ForwarderInvalidSigner: () => "请求的签名与发送者不符。",
  ERC2771ForwarderMismatchedValue: () => "请求中的金额与实际发送的不符。",
  ERC2771ForwarderNoRefundReceiver: () => "批量请求需要指定退款接收方。",
  ERC2771UntrustfulTarget: () => "该合约不接受此转发器代发的请求。",
};

/** The sentences describeError uses when there is no contract error to name. */
export const GENERAL_ZH = {
  refusedNamed: (name: string) => `合约拒绝了该操作（${name}）。`,
  refused: "合约拒绝了该操作。",
  chainUnavailable: "暂时无法连接区块链，请稍后再试。",
  insufficientFunds: "账户没有资金支付这笔交易。",
  failed: "交易失败。",
};
