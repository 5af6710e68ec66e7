// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @title Bonds, consumer complaints, rulings and payouts
/// @notice Manufacturers, meltblown suppliers and sellers (distributors, pharmacies) post a bond in the
/// settlement ERC-20, at least the minimum the regulator sets for their role. A consumer who holds a box
/// files a complaint about it (spec failure, counterfeit, price above cap), proving possession with a
/// signature by the key derived from the secret printed inside the box, over the complainant's address
/// (the secret itself never goes on chain). The responsible party is named by rule: spec failure → the
/// batch's manufacturer; counterfeit or price above cap → the seller the consumer bought from, which must
/// have held the batch by the custody record. It may answer
/// within the answer window; then an inspector rules, or a lab's retest of the batch decides by itself
/// (failing the batch's on-chain rule set upholds, passing dismisses), and the lab may trace the failure
/// to the batch's meltblown lot, which makes its supplier responsible instead.
/// An upheld complaint pays, from the responsible party's bond, compensation to the complainant
/// (max(price × (1 + multiplier), minimum): a refund plus three times the price, at least 500 yuan,
/// after art. 55 of the Consumer Rights Protection Law) and a fine to the regulator's treasury, both as
/// pull payments. What the bond cannot cover is recorded as a shortfall, and a bond left below its
/// minimum suspends the party (AccessRegistry.suspendForBond) until it is topped up. K upheld
/// complaints on a batch put it under investigation.
/// A suspected fake can also reach an inspector as a tip kept off chain (no possession of a genuine box is
/// needed, and a tip charges nothing); an inspector who confirms it records a counterfeit finding against
/// the seller, which charges the seller's bond the fine by the same path as an upheld complaint.
/// @dev Amounts are in the token's smallest unit, which a MedProof deployment makes one fen (the demo
/// token has 2 decimals). Conservation: the registry's token balance is always the sum of the bonds and
/// of the payouts not yet withdrawn. Filing is meant to be relayed through the trusted ERC-2771
/// forwarder, so the complainant (the signer of the forward request) needs neither a wallet nor gas;
/// every function reads its caller the same way.
interface IComplaintRegistry {
    enum ComplaintKind {
        SpecFailure, // the box fails its standard → the manufacturer (or the material supplier)
        Counterfeit, // a fake sold under a real code → the seller
        PriceAboveCap // sold above the retail cap → the seller
    }

    enum ComplaintStatus {
        Open, // filed, not answered
        Answered, // the respondent answered
        Upheld,
        Dismissed
    }

    /// @notice What an upheld complaint costs, and the procedure's parameters. Regulator-set.
    struct Terms {
        uint16 punitiveMultiplier; // 3: compensation = price paid × (1 + 3) ...
        uint64 minimumCompensationFen; // ... and at least this: 50,000 (500 yuan)
        uint64 fineFen; // to the regulator's treasury: 100,000 (1,000 yuan)
        uint32 answerWindow; // seconds the respondent has to answer: 7 days
        uint16 investigationThreshold; // K: upheld complaints that put a batch under investigation: 3
    }

    struct Complaint {
        uint256 id;
        bytes32 batchId;
        uint64 serial;
        ComplaintKind kind;
        ComplaintStatus status;
        address complainant;
        address respondent; // the responsible party; after a retest traced to the lot, the lot's supplier
        uint64 pricePaidFen;
        uint64 filedAt;
        uint64 answerDeadline; // filedAt + the answer window in force
        uint64 ruledAt; // 0 until ruled
        uint64 compensationFen; // awarded to the complainant (0 unless upheld)
        uint64 fineFen; // awarded to the treasury (0 unless upheld)
        uint64 shortfallFen; // what the bond could not pay; compensation is paid first, then the fine
        bool byRetest; // ruled by a lab retest rather than an inspector
        bool tracedToLot; // the retest traced the failure to the batch's meltblown lot
    }

    /// @notice A counterfeit finding: an inspector's confirmed report of a fake box sold by `seller`.
    struct CounterfeitFinding {
        uint256 id;
        address seller;
        bytes32 batchId; // the batch the fake's code names; zero when the code names no registered batch
        address inspector;
        bytes32 evidenceHash; // the tip's evidence (photos, where and when bought), kept off chain
        uint64 recordedAt;
        uint64 fineFen; // awarded to the treasury
        uint64 shortfallFen; // what the bond could not pay
    }

    error ZeroAmount();
    error ZeroAddress();
    error InvalidTerms();
    error NotABondRole(bytes32 role);
    /// @notice Bonds are posted by manufacturers, suppliers, distributors and pharmacies only.
    error CannotPostBond(address account);
    error InsufficientBond(address party, uint256 bond, uint256 requested);
    error BondBelowMinimum(address party, uint256 remaining, uint256 minimum);
    error RespondentOfOpenComplaint(address party, uint256 openComplaints);
    error PartySuspendedForBond(address party);
    error PossessionNotCommitted(bytes32 batchId);
    /// @notice The signature and Merkle path do not prove possession of the box for this complainant: a wrong
    /// secret, a path of another box, or a signature made for another complainant (a copied filing).
    error InvalidPossessionProof(bytes32 batchId, uint64 serial);
    error SerialNotInBatch(bytes32 batchId, uint64 serial);
    error ComplaintAlreadyOpen(bytes32 batchId, uint64 serial, uint256 complaintId);
    /// @notice One box, one compensation: a serial with an upheld complaint takes no further complaint.
    error SerialAlreadyCompensated(bytes32 batchId, uint64 serial);
    /// @notice One box, one complainant: after the first complaint about a serial only its first complainant
    /// may file about it again, even if the secret inside the box later reaches someone else.
    error PossessionClaimedByAnother(bytes32 batchId, uint64 serial, address claimant);
    error SellerRequired(ComplaintKind kind);
    error NotASeller(address seller);
    /// @notice The named seller never received boxes of the batch (CustodyRegistry.hasHeld), so it cannot
    /// have sold this box; naming it would only block its bond.
    error SellerNeverHeldBatch(bytes32 batchId, address seller);
    error PricePaidTooHigh(uint64 pricePaidFen);
    error ComplaintNotFound(uint256 complaintId);
    error NotRespondent(uint256 complaintId, address caller);
    error ComplaintAlreadyAnswered(uint256 complaintId);
    error ComplaintAlreadyRuled(uint256 complaintId);
    error AnswerWindowClosed(uint256 complaintId, uint64 deadline);
    /// @notice An unanswered complaint can be ruled by an inspector only once its answer window has closed.
    error AnswerWindowOpen(uint256 complaintId, uint64 deadline);
    /// @notice Only a spec-failure complaint is decided by a retest.
    error RetestNotApplicable(uint256 complaintId, ComplaintKind kind);
    error NotARetest(bytes32 batchId, uint256 reportIndex);
    error RetestBeforeComplaint(uint256 complaintId, uint64 testedAt, uint64 filedAt);
    error NotReportLab(bytes32 batchId, uint256 reportIndex, address caller);
    error NothingToWithdraw(address account);
    /// @notice A finding must name the evidence it rests on.
    error EvidenceRequired();
    /// @notice One finding per piece of evidence: a tip confirmed twice charges the seller once.
    error FindingAlreadyRecorded(bytes32 evidenceHash, uint256 findingId);
    error FindingNotFound(uint256 findingId);

    event BondPosted(address indexed party, uint256 amount, uint256 bond);
    event BondWithdrawn(address indexed party, uint256 amount, uint256 bond);
    event ComplaintFiled(
        uint256 indexed complaintId,
        bytes32 indexed batchId,
        address indexed respondent,
        uint64 serial,
        ComplaintKind kind,
        address complainant,
        address seller,
        uint64 pricePaidFen,
        bytes32 evidenceHash
    );
    event ComplaintAnswered(uint256 indexed complaintId, address indexed respondent, bytes32 responseHash);
    /// @notice `ruledBy` is the inspector, or the lab for a retest (then `reasonHash` is the report's hash).
    event ComplaintRuled(
        uint256 indexed complaintId, bool upheld, address indexed ruledBy, bytes32 reasonHash, bool byRetest
    );
    event ResponsibilityTracedToLot(uint256 indexed complaintId, uint256 indexed lotId, address indexed supplier);
    /// @notice Amounts awarded; `shortfallFen` of them could not be paid from the bond.
    event PenaltyApplied(
        uint256 indexed complaintId,
        address indexed respondent,
        address indexed complainant,
        uint256 compensationFen,
        uint256 fineFen,
        uint256 shortfallFen
    );
    event PenaltyShortfall(uint256 indexed complaintId, address indexed respondent, uint256 shortfallFen);
    /// @notice An inspector confirmed a suspected fake sold by `seller`; `shortfallFen` of the fine could not
    /// be paid from the bond.
    event CounterfeitFindingRecorded(
        uint256 indexed findingId,
        address indexed seller,
        bytes32 indexed batchId,
        address inspector,
        bytes32 evidenceHash,
        uint256 fineFen,
        uint256 shortfallFen
    );
    event PayoutWithdrawn(address indexed account, address indexed recipient, uint256 amount);
    event BatchPlacedUnderInvestigation(bytes32 indexed batchId, uint256 upheldComplaints);
    event TermsSet(Terms terms);
    event BondMinimumSet(bytes32 indexed role, uint256 amount);
    event TreasurySet(address indexed treasury);

    // ---- bonds ----
    /// @notice Adds `amount` (transferred from the caller; approve first) to the caller's bond. The caller
    /// must hold a bonded role, suspended or not. Topping up to the minimum lifts a bond suspension.
    function postBond(uint256 amount) external;

    /// @notice Takes back part of the caller's bond: never below its minimum, never while it is the
    /// respondent of an open complaint, never while suspended for its bond.
    function withdrawBond(uint256 amount) external;

    // ---- complaints ----
    /// @notice Anyone holding the box. `possessionSignature` (65 bytes, r ‖ s ‖ v) is the box's possession key's
    /// signature of possessionDigest(batchId, serial, complainant), where the complainant is the caller (the
    /// forward request's signer when relayed); `proof` is the Merkle path of the box's leaf against the
    /// batch's possessionRoot (see IBatchRegistry.possessionTerms). The possession key is derived from the
    /// 128-bit secret printed inside the box with serial `serial` of (gtin, lot): private key
    /// 1 + (keccak256("MedProof possession" ‖ secret) mod (n − 1)), n the secp256k1 group order. `seller` is
    /// the registered seller the box was bought from: required for a counterfeit or price complaint (it is
    /// then the respondent), optional (zero) for a spec failure; when named it must have held the batch.
    /// One open complaint per serial. Complaint ids start at 1.
    /// @dev Possession cannot be faked from public data: the root and every leaf can be published, since a
    /// leaf holds only the key's address and finding a secret that derives it takes about 2^128 tries per
    /// box. Nor can it be copied from a pending filing: the signature names its complainant, so a copier
    /// replaying the calldata from its own address fails (InvalidPossessionProof), and the secret is never
    /// revealed.
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
    ) external returns (uint256 complaintId);

    /// @notice The respondent's answer (a hash of the document), once, before the answer deadline.
    function answer(uint256 complaintId, bytes32 responseHash) external;

    /// @notice An active inspector's ruling, once per complaint; on an unanswered complaint only after the
    /// answer deadline.
    function rule(uint256 complaintId, bool upheld, bytes32 reasonHash) external;

    /// @notice The lab that posted retest `reportIndex` of the complaint's batch (TestRegistry, retest = true,
    /// posted at or after the filing) rules a spec-failure complaint by it: failed → upheld, passed →
    /// dismissed. `tracesToLot` (ignored when the retest passed) makes the supplier of the batch's first
    /// meltblown lot the responsible party instead of the manufacturer.
    function ruleByRetest(uint256 complaintId, uint256 reportIndex, bool tracesToLot) external;

    /// @notice An active inspector's finding that `seller` (a distributor or pharmacy, suspended or not) sold
    /// a counterfeit: the fine in force is charged to the seller's bond and credited to the treasury (pull
    /// payment), what the bond cannot pay is recorded as a shortfall, and a bond left below its minimum
    /// suspends the seller, as for an upheld complaint. `batchId` is the batch the fake's code names (zero
    /// when it names none); the seller need not have held it, since a fake under a real code is exactly what
    /// a seller outside the batch's custody would sell. Finding ids start at 1.
    function recordCounterfeitFinding(address seller, bytes32 batchId, bytes32 evidenceHash)
        external
        returns (uint256 findingId);

    // ---- payouts ----
    /// @notice Sends the caller everything credited to it (compensation, or fines for the treasury).
    function withdraw() external returns (uint256 amount);

    /// @notice Same, to `recipient` (e.g. a relayed consumer key sending its compensation to a real account).
    function withdrawTo(address recipient) external returns (uint256 amount);

    // ---- regulator ----
    function setTerms(Terms calldata terms) external;

    /// @notice Minimum bond for one of MANUFACTURER_ROLE, SUPPLIER_ROLE, DISTRIBUTOR_ROLE, PHARMACY_ROLE. A
    /// party holding several is held to the largest. A new minimum suspends nobody by itself.
    function setBondMinimum(bytes32 role, uint256 amount) external;

    /// @notice Where fines are credited.
    function setTreasury(address treasury) external;

    // ---- views ----
    /// @notice The EIP-712 digest a box's possession key signs to let `complainant` file about it: the typed
    /// data Possession(address complainant, bytes32 batchId, uint64 serial) under this contract's domain
    /// (name "MedProofComplaintRegistry", version "1", the chain id, this contract).
    function possessionDigest(bytes32 batchId, uint64 serial, address complainant) external view returns (bytes32);
    function settlementToken() external view returns (IERC20);
    function treasury() external view returns (address);
    function terms() external view returns (Terms memory);
    function bondMinimum(bytes32 role) external view returns (uint256);
    /// @notice The minimum bond `party` is held to: the largest minimum of the bonded roles it holds.
    function requiredBondOf(address party) external view returns (uint256);
    function bondOf(address party) external view returns (uint256);
    function openComplaintsAgainst(address party) external view returns (uint256);
    /// @notice True while the party is suspended for its bond (mirrors AccessRegistry's bondSuspendedAt).
    function isBondSuspended(address party) external view returns (bool);
    /// @notice Credited and not yet withdrawn.
    function withdrawable(address account) external view returns (uint256);
    /// @notice The compensation an upheld complaint about a box bought for `pricePaidFen` awards now.
    function compensationFor(uint64 pricePaidFen) external view returns (uint256);
    function complaint(uint256 complaintId) external view returns (Complaint memory);
    function complaintCount() external view returns (uint256);
    /// @notice Every complaint about the batch, oldest first.
    function complaintsOf(bytes32 batchId) external view returns (Complaint[] memory);
    /// @notice The open complaint about a serial, 0 when there is none.
    function openComplaintOf(bytes32 batchId, uint64 serial) external view returns (uint256);
    function upheldComplaints(bytes32 batchId) external view returns (uint256);
    function counterfeitFinding(uint256 findingId) external view returns (CounterfeitFinding memory);
    function counterfeitFindingCount() external view returns (uint256);
    /// @notice How many counterfeit findings name `seller`.
    function counterfeitFindingsAgainst(address seller) external view returns (uint256);
    /// @notice The finding recorded on `evidenceHash`, 0 when there is none.
    function counterfeitFindingOf(bytes32 evidenceHash) external view returns (uint256);
    /// @notice True once the batch's upheld complaints reached the investigation threshold in force then.
    function underInvestigation(bytes32 batchId) external view returns (bool);
}
