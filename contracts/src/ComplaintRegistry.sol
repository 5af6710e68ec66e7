// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ERC2771Context} from "@openzeppelin/contracts/metatx/ERC2771Context.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IAccessRegistry} from "./interfaces/IAccessRegistry.sol";
import {IBatchRegistry} from "./interfaces/IBatchRegistry.sol";
import {ICustodyRegistry} from "./interfaces/ICustodyRegistry.sol";
import {ITestRegistry} from "./interfaces/ITestRegistry.sol";
import {IMaterialRegistry} from "./interfaces/IMaterialRegistry.sol";
import {IComplaintRegistry} from "./interfaces/IComplaintRegistry.sol";
import {Roles} from "./libraries/Roles.sol";
import {RegistryBase} from "./utils/RegistryBase.sol";

/// @title Bonds, consumer complaints, rulings and payouts
/// @notice Conservation: this contract's token balance is always the sum of the bonds and of the payouts
/// credited and not yet withdrawn. Tokens come in only by postBond, go out only by withdrawBond and the
/// payout withdrawals, and a penalty (an upheld complaint's or a counterfeit finding's fine) moves them from
/// a bond to payouts without touching the balance.
/// @dev Callers are read with ERC-2771 `_msgSender()` everywhere, so any call may come through the trusted
/// forwarder (a consumer's filing does; the others may). Role checks therefore ask the access registry
/// about `_msgSender()` rather than RegistryBase's msg.sender helpers.
/// A filing writes three slots of its complaint, the serial's slot, the batch's slot and the respondent's
/// bond slot: the evidence, answer and ruling documents are hashes kept in the events only, the ruling's
/// amounts go in a fourth slot written when it is ruled, and the batch's complaints are a linked list
/// threaded through the complaints (each names the previous one of its batch).
/// Possession is proved by a signature over the complainant rather than by the secret itself, so a filing
/// waiting in a public mempool gives a copier nothing to claim the box with (see fileComplaint).
contract ComplaintRegistry is RegistryBase, ERC2771Context, EIP712, ReentrancyGuardTransient, IComplaintRegistry {
    using SafeERC20 for IERC20;

    /// @notice withdrawTo was given the zero address or this contract.
    error InvalidRecipient(address recipient);

    /// @dev The largest minimum compensation or fine accepted, so that every award and shortfall fits in
    /// 64 bits (a compensation from the price is below 2^49).
    uint64 internal constant MAX_TERM_AMOUNT = 2 ** 62;

    /// @dev What a box's possession key signs (EIP-712): the complainant it lets file, and the box.
    /// keccak256("Possession(address complainant,bytes32 batchId,uint64 serial)"), written out because the
    /// type string is longer than a word; test_PossessionDigest_IsEip712OverComplainantBatchAndSerial checks it.
    bytes32 internal constant POSSESSION_TYPEHASH = 0x245352c92ebc1c4f6ee5ffc8d157989fc95ddd448d59ea8446bd45c8090852dd;

    struct ComplaintRecord {
        // slot 0
        address complainant;
        uint40 filedAt;
        ComplaintKind kind;
        ComplaintStatus status;
        uint40 previousInBatch; // the batch's complaint filed before this one, 0 for its first
        // slot 1
        address respondent;
        uint64 serial;
        uint32 pricePaidFen;
        // slot 2
        bytes32 batchId;
        // slot 3, written by the ruling
        uint64 compensationFen;
        uint64 fineFen;
        uint64 shortfallFen;
        uint40 ruledAt;
        bool byRetest;
        bool tracedToLot;
    }

    struct BondRecord {
        uint128 amount;
        uint64 openComplaints; // open complaints naming this party as respondent
        bool suspended; // suspended for its bond (mirrors AccessRegistry's bondSuspendedAt)
    }

    struct BatchRecord {
        uint40 latest; // its latest complaint, head of the list
        uint32 filed;
        uint32 upheld;
        uint40 flaggedAt; // under investigation since, 0 if not
    }

    struct SerialRecord {
        uint64 openId; // its open complaint, 0 if none
        address claimant; // its first complainant, the only one who may file about it again
        bool compensated; // a complaint about it was upheld
    }

    /// @dev Inspectors' counterfeit findings, one concern kept in one place: the count (the last id), each
    /// finding, how many name each seller, and which evidence each was found on (found once).
    struct Findings {
        uint256 count;
        mapping(uint256 findingId => CounterfeitFinding) byId;
        mapping(address seller => uint256) against;
        mapping(bytes32 evidenceHash => uint256 findingId) ofEvidence;
    }

    struct BondMinimums {
        uint64 manufacturer;
        uint64 supplier;
        uint64 distributor;
        uint64 pharmacy;
    }

    IERC20 private immutable _token;

    // The batch registry shares a slot with the complaint count: a filing reads and writes both.
    IBatchRegistry private _batches;
    uint64 private _complaintCount;
    ITestRegistry private _tests;
    IMaterialRegistry private _materials;
    ICustodyRegistry private _custody;
    address private _treasury;
    Terms private _terms;
    BondMinimums private _minimums;

    mapping(uint256 complaintId => ComplaintRecord) private _complaints;
    mapping(address party => BondRecord) private _bonds;
    mapping(address account => uint256) private _owed;
    mapping(bytes32 batchId => BatchRecord) private _batchRecords;
    mapping(bytes32 batchId => mapping(uint64 serial => SerialRecord)) private _serials;

    Findings private _findings;

    /// @param token_ The settlement ERC-20 (SettlementToken on a local chain).
    /// @param forwarder_ The trusted ERC-2771 forwarder (MedProofForwarder); zero disables relaying.
    /// @param treasury_ Where fines are credited (the regulator's treasury).
    /// @dev Default terms: compensation max(price × 4, 500 yuan), fine 1,000 yuan, answer window 7 days,
    /// investigation at 3 upheld complaints. Default minimum bonds: manufacturer 50,000 yuan, meltblown
    /// supplier and distributor 20,000 yuan, pharmacy 5,000 yuan.
    constructor(IAccessRegistry access_, IERC20 token_, address forwarder_, address treasury_)
        RegistryBase(access_)
        ERC2771Context(forwarder_)
        EIP712("MedProofComplaintRegistry", "1")
    {
        if (address(token_) == address(0) || treasury_ == address(0)) revert ZeroAddress();
        _token = token_;
        _setTreasury(treasury_);
        _setTerms(
            Terms({
                punitiveMultiplier: 3,
                minimumCompensationFen: 50_000,
                fineFen: 100_000,
                answerWindow: 7 days,
                investigationThreshold: 3
            })
        );
        _setBondMinimum(Roles.MANUFACTURER, 5_000_000);
        _setBondMinimum(Roles.SUPPLIER, 2_000_000);
        _setBondMinimum(Roles.DISTRIBUTOR, 2_000_000);
        _setBondMinimum(Roles.PHARMACY, 500_000);
    }

    // ---------------------------------------------------------------- bonds

    /// @inheritdoc IComplaintRegistry
    /// @dev Credits what actually arrived (balance before and after), so a token that takes a fee on
    /// transfer cannot create unbacked bond; the guard keeps a reentrant token from counting twice.
    function postBond(uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        address party = _msgSender();
        (bool bonded, uint256 minimum) = _requirement(party);
        if (!bonded) revert CannotPostBond(party);
        uint256 before = _token.balanceOf(address(this));
        _token.safeTransferFrom(party, address(this), amount);
        uint256 received = _token.balanceOf(address(this)) - before;

        BondRecord storage b = _bonds[party];
        uint256 bond = b.amount + received;
        b.amount = SafeCast.toUint128(bond);
        emit BondPosted(party, received, bond);
        if (b.suspended && bond >= minimum) {
            b.suspended = false;
            _access.reinstateAfterBond(party);
        }
    }

    /// @inheritdoc IComplaintRegistry
    function withdrawBond(uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        address party = _msgSender();
        BondRecord storage b = _bonds[party];
        if (b.suspended) revert PartySuspendedForBond(party);
        if (b.openComplaints != 0) revert RespondentOfOpenComplaint(party, b.openComplaints);
        uint256 bond = b.amount;
        if (amount > bond) revert InsufficientBond(party, bond, amount);
        uint256 remaining = bond - amount;
        (, uint256 minimum) = _requirement(party);
        if (remaining < minimum) revert BondBelowMinimum(party, remaining, minimum);

        b.amount = uint128(remaining);
        emit BondWithdrawn(party, amount, remaining);
        _token.safeTransfer(party, amount);
    }

    // ---------------------------------------------------------------- complaints

    /// @inheritdoc IComplaintRegistry
    /// @dev Checks in this order: the batch (BatchNotFound), its possession commitment, the serial's range,
    /// the signature and proof; the seller (its role, then its custody of the batch); the price; then the
    /// serial's state (open, compensated, claimed by another).
    function fileComplaint(
        uint64 gtin,
        string calldata lot,
        uint64 serial,
        ComplaintKind kind,
        bytes calldata possessionSignature,
        bytes32[] calldata proof,
        uint64 pricePaidFen,
        address seller,
        bytes32 evidenceHash
    ) external returns (uint256 complaintId) {
        bytes32 batchId = keccak256(abi.encode(gtin, lot));
        address respondent = _checkPossession(batchId, serial, possessionSignature, proof);
        if (kind != ComplaintKind.SpecFailure) {
            if (seller == address(0)) revert SellerRequired(kind);
            respondent = seller;
        }
        if (seller != address(0)) _checkSeller(batchId, seller);
        if (pricePaidFen > type(uint32).max) revert PricePaidTooHigh(pricePaidFen);
        complaintId = _open(batchId, serial, kind, respondent, uint32(pricePaidFen));
        _emitFiled(complaintId, seller, evidenceHash);
    }

    /// @inheritdoc IComplaintRegistry
    function answer(uint256 complaintId, bytes32 responseHash) external {
        ComplaintRecord storage c = _complaint(complaintId);
        address caller = _msgSender();
        if (caller != c.respondent) revert NotRespondent(complaintId, caller);
        ComplaintStatus status = c.status;
        if (status == ComplaintStatus.Answered) revert ComplaintAlreadyAnswered(complaintId);
        if (status != ComplaintStatus.Open) revert ComplaintAlreadyRuled(complaintId);
        uint64 deadline = _deadline(c);
        if (block.timestamp > deadline) revert AnswerWindowClosed(complaintId, deadline);
        c.status = ComplaintStatus.Answered;
        emit ComplaintAnswered(complaintId, caller, responseHash);
    }

    /// @inheritdoc IComplaintRegistry
    function rule(uint256 complaintId, bool upheld, bytes32 reasonHash) external {
        address inspector = _msgSender();
        _access.requireActiveRole(Roles.INSPECTOR, inspector);
        ComplaintRecord storage c = _unruled(complaintId);
        if (c.status == ComplaintStatus.Open) {
            uint64 deadline = _deadline(c);
            if (block.timestamp <= deadline) revert AnswerWindowOpen(complaintId, deadline);
        }
        emit ComplaintRuled(complaintId, upheld, inspector, reasonHash, false);
        _close(complaintId, c, upheld, c.respondent);
    }

    /// @inheritdoc IComplaintRegistry
    /// @dev "Posted after the complaint" is judged on block timestamps: a retest in the filing's own second
    /// counts. The answer window does not apply: a retest is the objective answer.
    function ruleByRetest(uint256 complaintId, uint256 reportIndex, bool tracesToLot) external {
        address labAccount = _msgSender();
        _access.requireActiveRole(Roles.LAB, labAccount);
        ComplaintRecord storage c = _unruled(complaintId);
        if (c.kind != ComplaintKind.SpecFailure) revert RetestNotApplicable(complaintId, c.kind);
        bytes32 batchId = c.batchId;
        ITestRegistry.TestReport memory r = _testRegistry().report(batchId, reportIndex);
        if (!r.retest) revert NotARetest(batchId, reportIndex);
        if (r.lab != labAccount) revert NotReportLab(batchId, reportIndex, labAccount);
        if (r.testedAt < c.filedAt) revert RetestBeforeComplaint(complaintId, r.testedAt, c.filedAt);

        bool upheld = !r.passed;
        emit ComplaintRuled(complaintId, upheld, labAccount, r.reportHash, true);
        address payer = c.respondent;
        c.byRetest = true;
        if (upheld && tracesToLot) {
            c.tracedToLot = true;
            payer = _lotSupplier(complaintId, batchId);
        }
        _close(complaintId, c, upheld, payer);
    }

    // ---------------------------------------------------------------- counterfeit findings

    /// @inheritdoc IComplaintRegistry
    /// @dev The fine is charged through _charge, the path an upheld complaint's penalty takes, with no
    /// compensation: the tip's reporter is not a complainant who proved possession of a box.
    function recordCounterfeitFinding(address seller, bytes32 batchId, bytes32 evidenceHash)
        external
        returns (uint256 findingId)
    {
        address inspector = _msgSender();
        _access.requireActiveRole(Roles.INSPECTOR, inspector);
        if (!_access.hasRole(Roles.PHARMACY, seller) && !_access.hasRole(Roles.DISTRIBUTOR, seller)) {
            revert NotASeller(seller);
        }
        if (evidenceHash == bytes32(0)) revert EvidenceRequired();
        uint256 existing = _findings.ofEvidence[evidenceHash];
        if (existing != 0) revert FindingAlreadyRecorded(evidenceHash, existing);

        findingId = ++_findings.count;
        _findings.ofEvidence[evidenceHash] = findingId;
        _findings.against[seller] += 1;
        uint256 fine = _terms.fineFen;
        uint256 shortfall = _charge(seller, address(0), 0, fine);
        // Both below 2^63 (see MAX_TERM_AMOUNT).
        _findings.byId[findingId] = CounterfeitFinding({
            id: findingId,
            seller: seller,
            batchId: batchId,
            inspector: inspector,
            evidenceHash: evidenceHash,
            recordedAt: uint64(block.timestamp),
            fineFen: uint64(fine),
            shortfallFen: uint64(shortfall)
        });
        emit CounterfeitFindingRecorded(findingId, seller, batchId, inspector, evidenceHash, fine, shortfall);
    }

    // ---------------------------------------------------------------- payouts

    /// @inheritdoc IComplaintRegistry
    function withdraw() external returns (uint256 amount) {
        address account = _msgSender();
        return _withdraw(account, account);
    }

    /// @inheritdoc IComplaintRegistry
    function withdrawTo(address recipient) external returns (uint256 amount) {
        return _withdraw(_msgSender(), recipient);
    }

    // ---------------------------------------------------------------- regulator

    /// @inheritdoc IComplaintRegistry
    /// @dev New terms apply to every complaint ruled from then on, and the new answer window to open ones.
    /// A lower investigation threshold flags a batch at its next upheld complaint.
    function setTerms(Terms calldata terms_) external {
        _requireRegulatorCaller();
        _setTerms(terms_);
    }

    /// @inheritdoc IComplaintRegistry
    function setBondMinimum(bytes32 role, uint256 amount) external {
        _requireRegulatorCaller();
        _setBondMinimum(role, SafeCast.toUint64(amount));
    }

    /// @inheritdoc IComplaintRegistry
    /// @dev Fines already credited stay with the previous treasury address, which can still withdraw them.
    function setTreasury(address treasury_) external {
        _requireRegulatorCaller();
        if (treasury_ == address(0)) revert ZeroAddress();
        _setTreasury(treasury_);
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc IComplaintRegistry
    function possessionDigest(bytes32 batchId, uint64 serial, address complainant) public view returns (bytes32) {
        return _hashTypedDataV4(keccak256(abi.encode(POSSESSION_TYPEHASH, complainant, batchId, serial)));
    }

    /// @inheritdoc IComplaintRegistry
    function settlementToken() external view returns (IERC20) {
        return _token;
    }

    /// @inheritdoc IComplaintRegistry
    function treasury() external view returns (address) {
        return _treasury;
    }

    /// @inheritdoc IComplaintRegistry
    function terms() external view returns (Terms memory) {
        return _terms;
    }

    /// @inheritdoc IComplaintRegistry
    function bondMinimum(bytes32 role) external view returns (uint256) {
        BondMinimums memory m = _minimums;
        if (role == Roles.MANUFACTURER) return m.manufacturer;
        if (role == Roles.SUPPLIER) return m.supplier;
        if (role == Roles.DISTRIBUTOR) return m.distributor;
        if (role == Roles.PHARMACY) return m.pharmacy;
        revert NotABondRole(role);
    }

    /// @inheritdoc IComplaintRegistry
    function requiredBondOf(address party) external view returns (uint256 minimum) {
        (, minimum) = _requirement(party);
    }

    /// @inheritdoc IComplaintRegistry
    function bondOf(address party) external view returns (uint256) {
        return _bonds[party].amount;
    }

    /// @inheritdoc IComplaintRegistry
    function openComplaintsAgainst(address party) external view returns (uint256) {
        return _bonds[party].openComplaints;
    }

    /// @inheritdoc IComplaintRegistry
    function isBondSuspended(address party) external view returns (bool) {
        return _bonds[party].suspended;
    }

    /// @inheritdoc IComplaintRegistry
    function withdrawable(address account) external view returns (uint256) {
        return _owed[account];
    }

    /// @inheritdoc IComplaintRegistry
    function compensationFor(uint64 pricePaidFen) external view returns (uint256) {
        return _compensation(_terms, pricePaidFen);
    }

    /// @inheritdoc IComplaintRegistry
    function complaint(uint256 complaintId) external view returns (Complaint memory) {
        return _view(complaintId, _complaint(complaintId));
    }

    /// @inheritdoc IComplaintRegistry
    function complaintCount() external view returns (uint256) {
        return _complaintCount;
    }

    /// @inheritdoc IComplaintRegistry
    function complaintsOf(bytes32 batchId) external view returns (Complaint[] memory list) {
        BatchRecord storage br = _batchRecords[batchId];
        list = new Complaint[](br.filed);
        uint256 id = br.latest;
        for (uint256 i = list.length; i > 0; --i) {
            ComplaintRecord storage c = _complaints[id];
            list[i - 1] = _view(id, c);
            id = c.previousInBatch;
        }
    }

    /// @inheritdoc IComplaintRegistry
    function openComplaintOf(bytes32 batchId, uint64 serial) external view returns (uint256) {
        return _serials[batchId][serial].openId;
    }

    /// @inheritdoc IComplaintRegistry
    function upheldComplaints(bytes32 batchId) external view returns (uint256) {
        return _batchRecords[batchId].upheld;
    }

    /// @inheritdoc IComplaintRegistry
    function counterfeitFinding(uint256 findingId) external view returns (CounterfeitFinding memory f) {
        f = _findings.byId[findingId];
        if (f.id == 0) revert FindingNotFound(findingId);
    }

    /// @inheritdoc IComplaintRegistry
    function counterfeitFindingCount() external view returns (uint256) {
        return _findings.count;
    }

    /// @inheritdoc IComplaintRegistry
    function counterfeitFindingsAgainst(address seller) external view returns (uint256) {
        return _findings.against[seller];
    }

    /// @inheritdoc IComplaintRegistry
    function counterfeitFindingOf(bytes32 evidenceHash) external view returns (uint256) {
        return _findings.ofEvidence[evidenceHash];
    }

    /// @inheritdoc IComplaintRegistry
    function underInvestigation(bytes32 batchId) external view returns (bool) {
        return _batchRecords[batchId].flaggedAt != 0;
    }

    // ---------------------------------------------------------------- filing internals

    /// @dev Returns the batch's manufacturer, the respondent of a spec failure. The leaf is recomputed from the
    /// address the signature recovers to, so a wrong secret, a signature for another complainant or a
    /// malformed signature all fail the Merkle check (or recovery) with the same named error.
    function _checkPossession(bytes32 batchId, uint64 serial, bytes calldata signature, bytes32[] calldata proof)
        private
        returns (address manufacturer)
    {
        bytes32 root;
        uint64 serialStart;
        uint32 boxes;
        (manufacturer, root, serialStart, boxes) = _batchRegistry().possessionTerms(batchId);
        if (root == bytes32(0)) revert PossessionNotCommitted(batchId);
        if (serial < serialStart || serial - serialStart >= boxes) revert SerialNotInBatch(batchId, serial);
        (address possessor, ECDSA.RecoverError error,) =
            ECDSA.tryRecoverCalldata(possessionDigest(batchId, serial, _msgSender()), signature);
        if (error != ECDSA.RecoverError.NoError) revert InvalidPossessionProof(batchId, serial);
        bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(serial, possessor))));
        if (!MerkleProof.verifyCalldata(proof, root, leaf)) revert InvalidPossessionProof(batchId, serial);
    }

    /// @dev A seller is a distributor or a pharmacy, suspended or not (a complaint may be about a past sale),
    /// that has held boxes of the batch.
    function _checkSeller(bytes32 batchId, address seller) private {
        if (!_access.hasRole(Roles.PHARMACY, seller) && !_access.hasRole(Roles.DISTRIBUTOR, seller)) {
            revert NotASeller(seller);
        }
        if (!_custodyRegistry().hasHeld(batchId, seller)) revert SellerNeverHeldBatch(batchId, seller);
    }

    function _open(bytes32 batchId, uint64 serial, ComplaintKind kind, address respondent, uint32 pricePaidFen)
        private
        returns (uint256 id)
    {
        address complainant = _msgSender();
        SerialRecord storage s = _claimSerial(batchId, serial, complainant);
        id = ++_complaintCount;
        uint256 w0 = _word0(complainant, kind, _link(batchId, id));
        uint256 w1 = uint256(uint160(respondent)) | (uint256(serial) << 160) | (uint256(pricePaidFen) << 224);
        _store(_complaints[id], w0, w1, batchId);
        // openId | claimant << 64 (compensated stays false: only an uncompensated serial gets here)
        uint256 sw = id | (uint256(uint160(complainant)) << 64);
        assembly ("memory-safe") {
            sstore(s.slot, sw)
        }
        _bonds[respondent].openComplaints += 1;
    }

    /// @dev The serial's record, once it is known to take a complaint from `complainant`.
    function _claimSerial(bytes32 batchId, uint64 serial, address complainant)
        private
        view
        returns (SerialRecord storage s)
    {
        s = _serials[batchId][serial];
        uint64 openId = s.openId;
        if (openId != 0) revert ComplaintAlreadyOpen(batchId, serial, openId);
        if (s.compensated) revert SerialAlreadyCompensated(batchId, serial);
        address claimant = s.claimant;
        if (claimant != address(0) && claimant != complainant) {
            revert PossessionClaimedByAnother(batchId, serial, claimant);
        }
    }

    /// @dev Makes complaint `id` the head of its batch's list; returns the previous head.
    function _link(bytes32 batchId, uint256 id) private returns (uint256 previous) {
        BatchRecord storage br = _batchRecords[batchId];
        previous = br.latest;
        br.latest = uint40(id);
        br.filed += 1;
    }

    /// @dev complainant | filedAt << 160 | kind << 200 | status (Open = 0) << 208 | previousInBatch << 216.
    function _word0(address complainant, ComplaintKind kind, uint256 previous) private view returns (uint256) {
        return uint256(uint160(complainant)) | (uint256(uint40(block.timestamp)) << 160) | (uint256(kind) << 200)
            | (previous << 216);
    }

    /// @dev Writes slots 0-2 of a new complaint with one SSTORE each (w1: respondent | serial << 160 |
    /// pricePaidFen << 224): a struct assignment would also write the (zero) ruling slot and rewrite each
    /// packed slot once per field. The shifts follow Solidity's layout of ComplaintRecord (fields fill a slot
    /// from its low-order bytes in declaration order); test_FileComplaint_SpecFailureNamesTheManufacturer and
    /// test_ComplaintsOf_ListsTheBatchOldestFirst read every field back through the struct.
    function _store(ComplaintRecord storage c, uint256 w0, uint256 w1, bytes32 batchId) private {
        assembly ("memory-safe") {
            sstore(c.slot, w0)
            sstore(add(c.slot, 1), w1)
            sstore(add(c.slot, 2), batchId)
        }
    }

    /// @dev Emitted from the stored record: the filing's parameters would not all fit on the stack.
    function _emitFiled(uint256 id, address seller, bytes32 evidenceHash) private {
        ComplaintRecord storage c = _complaints[id];
        emit ComplaintFiled(
            id, c.batchId, c.respondent, c.serial, c.kind, c.complainant, seller, c.pricePaidFen, evidenceHash
        );
    }

    // ---------------------------------------------------------------- ruling internals

    /// @dev Rules complaint `id` once: closes it, frees its serial and its respondent's bond, and when upheld
    /// makes `payer` (the respondent, or the lot's supplier after a traced retest) pay.
    function _close(uint256 id, ComplaintRecord storage c, bool upheld, address payer) private {
        c.status = upheld ? ComplaintStatus.Upheld : ComplaintStatus.Dismissed;
        c.ruledAt = uint40(block.timestamp);
        _bonds[c.respondent].openComplaints -= 1;
        SerialRecord storage s = _serials[c.batchId][c.serial];
        s.openId = 0;
        if (!upheld) return;

        s.compensated = true;
        if (payer != c.respondent) c.respondent = payer;
        _penalise(id, c, payer);
        _countUpheld(c.batchId);
    }

    /// @dev Charges the payer the complaint's compensation and the fine in force and records the amounts.
    function _penalise(uint256 id, ComplaintRecord storage c, address payer) private {
        Terms memory t = _terms;
        uint256 compensation = _compensation(t, c.pricePaidFen);
        uint256 fine = t.fineFen;
        address complainant = c.complainant;
        uint256 shortfall = _charge(payer, complainant, compensation, fine);
        // Each below 2^63 (see MAX_TERM_AMOUNT).
        c.compensationFen = uint64(compensation);
        c.fineFen = uint64(fine);
        c.shortfallFen = uint64(shortfall);
        emit PenaltyApplied(id, payer, complainant, compensation, fine, shortfall);
        if (shortfall != 0) emit PenaltyShortfall(id, payer, shortfall);
    }

    /// @dev The one path by which a bond pays: compensation to `payee` first, then the fine to the treasury,
    /// as far as the bond goes, both credited as pull payments; returns the shortfall, what neither got. A
    /// bond left below its minimum, or a charge not paid in full, suspends the payer until it tops up.
    function _charge(address payer, address payee, uint256 compensation, uint256 fine)
        private
        returns (uint256 shortfall)
    {
        BondRecord storage b = _bonds[payer];
        uint256 available = b.amount;
        uint256 paidCompensation = compensation < available ? compensation : available;
        available -= paidCompensation;
        uint256 paidFine = fine < available ? fine : available;
        available -= paidFine;
        b.amount = uint128(available);

        if (paidCompensation != 0) _owed[payee] += paidCompensation;
        if (paidFine != 0) _owed[_treasury] += paidFine;
        shortfall = compensation + fine - paidCompensation - paidFine;

        if (!b.suspended) {
            (, uint256 minimum) = _requirement(payer);
            if (shortfall != 0 || available < minimum) {
                b.suspended = true;
                _access.suspendForBond(payer);
            }
        }
    }

    function _countUpheld(bytes32 batchId) private {
        BatchRecord storage br = _batchRecords[batchId];
        uint32 upheld = br.upheld + 1;
        br.upheld = upheld;
        if (br.flaggedAt == 0 && upheld >= _terms.investigationThreshold) {
            br.flaggedAt = uint40(block.timestamp);
            emit BatchPlacedUnderInvestigation(batchId, upheld);
        }
    }

    /// @dev The supplier of the batch's first meltblown lot.
    function _lotSupplier(uint256 id, bytes32 batchId) private returns (address supplier) {
        uint256 lotId = _batchRegistry().materialsOf(batchId)[0].lotId;
        supplier = _materialRegistry().lot(lotId).supplier;
        emit ResponsibilityTracedToLot(id, lotId, supplier);
    }

    // ---------------------------------------------------------------- payout internals

    function _withdraw(address account, address recipient) private nonReentrant returns (uint256 amount) {
        if (recipient == address(0) || recipient == address(this)) revert InvalidRecipient(recipient);
        amount = _owed[account];
        if (amount == 0) revert NothingToWithdraw(account);
        _owed[account] = 0;
        emit PayoutWithdrawn(account, recipient, amount);
        _token.safeTransfer(recipient, amount);
    }

    // ---------------------------------------------------------------- terms

    function _setTerms(Terms memory t) private {
        if (
            t.answerWindow == 0 || t.investigationThreshold == 0 || t.minimumCompensationFen > MAX_TERM_AMOUNT
                || t.fineFen > MAX_TERM_AMOUNT
        ) revert InvalidTerms();
        _terms = t;
        emit TermsSet(t);
    }

    function _setBondMinimum(bytes32 role, uint64 amount) private {
        if (role == Roles.MANUFACTURER) _minimums.manufacturer = amount;
        else if (role == Roles.SUPPLIER) _minimums.supplier = amount;
        else if (role == Roles.DISTRIBUTOR) _minimums.distributor = amount;
        else if (role == Roles.PHARMACY) _minimums.pharmacy = amount;
        else revert NotABondRole(role);
        emit BondMinimumSet(role, amount);
    }

    function _setTreasury(address treasury_) private {
        _treasury = treasury_;
        emit TreasurySet(treasury_);
    }

    /// @dev max(price × (1 + multiplier), minimum): below 2^49 + 2^62.
    function _compensation(Terms memory t, uint256 pricePaidFen) private pure returns (uint256) {
        uint256 fromPrice = pricePaidFen * (1 + uint256(t.punitiveMultiplier));
        return fromPrice > t.minimumCompensationFen ? fromPrice : t.minimumCompensationFen;
    }

    /// @dev Whether `party` holds a bonded role, and the largest minimum among those it holds.
    function _requirement(address party) private view returns (bool bonded, uint256 minimum) {
        BondMinimums memory m = _minimums;
        bytes32[4] memory roles = [Roles.MANUFACTURER, Roles.SUPPLIER, Roles.DISTRIBUTOR, Roles.PHARMACY];
        uint64[4] memory minimums = [m.manufacturer, m.supplier, m.distributor, m.pharmacy];
        for (uint256 i; i < 4; ++i) {
            if (_access.hasRole(roles[i], party)) {
                bonded = true;
                if (minimums[i] > minimum) minimum = minimums[i];
            }
        }
    }

    // ---------------------------------------------------------------- records

    function _complaint(uint256 id) private view returns (ComplaintRecord storage c) {
        c = _complaints[id];
        if (c.complainant == address(0)) revert ComplaintNotFound(id);
    }

    function _unruled(uint256 id) private view returns (ComplaintRecord storage c) {
        c = _complaint(id);
        if (c.ruledAt != 0) revert ComplaintAlreadyRuled(id);
    }

    /// @dev The answer deadline under the window in force.
    function _deadline(ComplaintRecord storage c) private view returns (uint64) {
        return uint64(c.filedAt) + _terms.answerWindow;
    }

    function _view(uint256 id, ComplaintRecord storage c) private view returns (Complaint memory v) {
        v.id = id;
        v.batchId = c.batchId;
        v.serial = c.serial;
        v.kind = c.kind;
        v.status = c.status;
        v.complainant = c.complainant;
        v.respondent = c.respondent;
        v.pricePaidFen = c.pricePaidFen;
        v.filedAt = c.filedAt;
        v.answerDeadline = _deadline(c);
        v.ruledAt = c.ruledAt;
        v.compensationFen = c.compensationFen;
        v.fineFen = c.fineFen;
        v.shortfallFen = c.shortfallFen;
        v.byRetest = c.byRetest;
        v.tracedToLot = c.tracedToLot;
    }

    function _requireRegulatorCaller() private view {
        address caller = _msgSender();
        if (!_access.hasRole(Roles.REGULATOR, caller)) revert IAccessRegistry.CallerLacksRole(Roles.REGULATOR, caller);
    }

    // ---------------------------------------------------------------- registries (cached from the directory)

    function _batchRegistry() private returns (IBatchRegistry b) {
        b = _batches;
        if (address(b) == address(0)) {
            b = IBatchRegistry(_directory().batches);
            _batches = b;
        }
    }

    function _testRegistry() private returns (ITestRegistry t) {
        t = _tests;
        if (address(t) == address(0)) {
            t = ITestRegistry(_directory().tests);
            _tests = t;
        }
    }

    function _custodyRegistry() private returns (ICustodyRegistry c) {
        c = _custody;
        if (address(c) == address(0)) {
            c = ICustodyRegistry(_directory().custody);
            _custody = c;
        }
    }

    function _materialRegistry() private returns (IMaterialRegistry m) {
        m = _materials;
        if (address(m) == address(0)) {
            m = IMaterialRegistry(_directory().materials);
            _materials = m;
        }
    }
}
