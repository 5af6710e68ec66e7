// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title Who may do what, and under which licence
/// @notice Roles, participant profiles, dated licences, suspensions, registered products (GTINs), the
/// per-category rules the regulator sets, and the directory of the other MedProof registries.
/// Every other registry asks this contract for roles, so one grant covers the whole system.
/// Two kinds of suspension are kept apart: the regulator's (suspend/reinstate, with a reason) and the
/// complaint registry's when a party's bond falls below its minimum (suspendForBond/reinstateAfterBond,
/// lifted by topping the bond up). Either one makes the party inactive.
/// @dev Categories: 1 surgical (YY 0469), 2 protective (GB 19083), 3 disposable (YY/T 0969), 4 KN95 (GB 2626).
/// Times are unix seconds. A GTIN is stored as its 14-digit number.
interface IAccessRegistry {
    enum LicenceKind {
        ProductionLicence, // 医疗器械生产许可证, e.g. 苏药监械生产许20219901号
        RegistrationCertificate, // 医疗器械注册证, e.g. 苏械注准20212149901, valid five years
        DistributionFiling // 第二类医疗器械经营备案, needed to receive or sell
    }

    struct Participant {
        string name;
        string creditCode; // 统一社会信用代码
        uint32 region; // administrative division code, e.g. 320500 for 苏州
        bool registered;
        uint64 suspendedAt; // 0 when not suspended by the regulator
        string suspensionReason;
        uint64 bondSuspendedAt; // 0 unless suspended because its bond fell below its minimum
    }

    struct Licence {
        LicenceKind kind;
        address holder;
        string number;
        uint16 categories; // bit (1 << category) for each category covered
        uint64 validFrom;
        uint64 validUntil;
        uint64 revokedAt; // 0 when never revoked; the licence stays valid before this date
        string revocationReason;
    }

    struct Product {
        address manufacturer;
        uint8 category;
        uint256 certificateId;
        string name;
    }

    struct CategoryRules {
        uint16 minHoldDays; // EO desorption hold before release
        uint32 typicalMasksPerKg; // above this a yield is shown as a caution
        uint32 maxMasksPerKg; // above this a batch is refused
    }

    /// @notice Addresses of the registries that make up one deployment.
    struct Directory {
        address materials;
        address batches;
        address tests;
        address custody;
        address prices;
        address complaints; // bonds, complaints and payouts (IComplaintRegistry)
        address orders; // purchase orders in escrow (IOrderBook), which a shipment's receipt settles
    }

    error CallerLacksRole(bytes32 role, address account);
    error ParticipantNotRegistered(address account);
    error ParticipantAlreadyRegistered(address account);
    error ParticipantIsSuspended(address account);
    error ParticipantNotSuspended(address account);
    error LicenceNotFound(uint256 licenceId);
    error LicenceAlreadyRevoked(uint256 licenceId, uint64 revokedAt);
    error InvalidValidityPeriod(uint64 validFrom, uint64 validUntil);
    error CertificateValidityOverFiveYears(uint64 validFrom, uint64 validUntil);
    error InvalidLicenceNumber(LicenceKind kind, string number);
    error RevocationOutOfRange(uint256 licenceId, uint64 revokedAt);
    error UnknownCategory(uint8 category);
    error EmptyCategories();
    error InvalidGtin(uint64 gtin);
    error ProductAlreadyRegistered(uint64 gtin);
    error ProductNotRegistered(uint64 gtin);
    error CertificateNotUsable(uint256 certificateId);
    error InvalidCategoryRules(uint8 category);
    error DirectoryAlreadySet();
    error InvalidName();

    event ParticipantRegistered(address indexed account, bytes32 indexed role, string name, uint32 region);
    event RoleAdded(address indexed account, bytes32 indexed role);
    event ParticipantSuspended(address indexed account, string reason);
    event ParticipantReinstated(address indexed account);
    event ParticipantSuspendedForBond(address indexed account);
    event ParticipantReinstatedAfterBond(address indexed account);
    event LicenceGranted(uint256 indexed licenceId, address indexed holder, LicenceKind kind, string number);
    event LicenceRevoked(uint256 indexed licenceId, address indexed holder, uint64 revokedAt, string reason);
    event ProductRegistered(uint64 indexed gtin, address indexed manufacturer, uint8 category, uint256 certificateId);
    event CategoryRulesSet(uint8 indexed category, uint16 minHoldDays, uint32 typicalMasksPerKg, uint32 maxMasksPerKg);
    event DirectorySet(Directory directory);

    // ---- roles (bytes32 ids are keccak256 of the name, as in OpenZeppelin AccessControl) ----
    function REGULATOR_ROLE() external view returns (bytes32);
    function SUPPLIER_ROLE() external view returns (bytes32);
    function MANUFACTURER_ROLE() external view returns (bytes32);
    function AUDITOR_ROLE() external view returns (bytes32);
    function LAB_ROLE() external view returns (bytes32);
    function DISTRIBUTOR_ROLE() external view returns (bytes32);
    function PHARMACY_ROLE() external view returns (bytes32);
    function INSPECTOR_ROLE() external view returns (bytes32);
    /// @notice Held by the registries of this deployment so they can call each other's system functions.
    function SYSTEM_ROLE() external view returns (bytes32);

    function hasRole(bytes32 role, address account) external view returns (bool);

    /// @notice Reverts with CallerLacksRole unless `account` holds `role` and is registered, and with
    /// ParticipantIsSuspended while it is suspended (by the regulator or for its bond).
    function requireActiveRole(bytes32 role, address account) external view;

    // ---- regulator ----
    /// @notice Wires the registries together once, granting each SYSTEM_ROLE (except the order book, which
    /// calls no registry's system functions). Every address is required.
    function setDirectory(Directory calldata directory) external;

    /// @notice Registers an organisation and grants it `role`. Regulator only.
    function registerParticipant(
        address account,
        bytes32 role,
        string calldata name,
        string calldata creditCode,
        uint32 region
    ) external;

    /// @notice Grants another role to a registered participant. Regulator only.
    function addRole(address account, bytes32 role) external;

    /// @notice A suspended party can register, ship or sell nothing until reinstated.
    function suspend(address account, string calldata reason) external;
    /// @notice Lifts the regulator's suspension only; a bond suspension stays until the bond is topped up.
    function reinstate(address account) external;

    // ---- system (the registries of this deployment) ----
    /// @notice SYSTEM_ROLE only: the complaint registry suspends a party whose bond a payout took below its
    /// minimum (ParticipantIsSuspended when it already is).
    function suspendForBond(address account) external;
    /// @notice SYSTEM_ROLE only: the complaint registry lifts the bond suspension once the bond is back at its
    /// minimum (ParticipantNotSuspended when there is none). A regulator's suspension is not touched.
    function reinstateAfterBond(address account) external;

    /// @notice Grants a licence. Numbers are checked against the official formats; a registration
    /// certificate is valid at most five years.
    function grantLicence(
        LicenceKind kind,
        address holder,
        string calldata number,
        uint16 categories,
        uint64 validFrom,
        uint64 validUntil
    ) external returns (uint256 licenceId);

    /// @notice Revokes a licence from `revokedAt` on (validFrom <= revokedAt <= now); history is kept.
    function revokeLicence(uint256 licenceId, uint64 revokedAt, string calldata reason) external;

    function setCategoryRules(uint8 category, CategoryRules calldata rules) external;

    // ---- manufacturer ----
    /// @notice Registers a GTIN under one of the caller's registration certificates covering `category`.
    function registerProduct(uint64 gtin, uint8 category, uint256 certificateId, string calldata name) external;

    // ---- views ----
    function directory() external view returns (Directory memory);
    function participant(address account) external view returns (Participant memory);
    /// @notice Registered and suspended neither by the regulator nor for its bond.
    function isActive(address account) external view returns (bool);
    function licence(uint256 licenceId) external view returns (Licence memory);
    function licencesOf(address holder) external view returns (uint256[] memory);
    function licenceCount() external view returns (uint256);
    function isLicenceValidAt(uint256 licenceId, uint64 at) external view returns (bool);
    /// @notice The first licence of `kind` held by `holder` that covers `category` and is valid at `at`.
    function findValidLicence(address holder, LicenceKind kind, uint8 category, uint64 at)
        external
        view
        returns (bool found, uint256 licenceId);
    function product(uint64 gtin) external view returns (Product memory);
    function categoryRules(uint8 category) external view returns (CategoryRules memory);
}
