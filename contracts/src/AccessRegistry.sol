// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IAccessRegistry} from "./interfaces/IAccessRegistry.sol";
import {Roles} from "./libraries/Roles.sol";
import {LicenceFormat} from "./libraries/LicenceFormat.sol";
import {Gs1} from "./libraries/Gs1.sol";

/// @title Who may do what, and under which licence
/// @notice The regulator administers every role (REGULATOR_ROLE is the admin role of all of them, and the
/// first regulator also holds DEFAULT_ADMIN_ROLE). Participants are registered with a role; a licence is
/// dated and its revocation too, so the record can answer "was it valid then?" for any past date.
/// @dev OpenZeppelin's grantRole/revokeRole stay available to the regulator. A role granted that way,
/// without registerParticipant, does not make an active participant: requireActiveRole also wants the
/// account registered.
contract AccessRegistry is AccessControl, IAccessRegistry {
    /// @notice registerParticipant and addRole take one of the eight participant roles only.
    error UnknownRole(bytes32 role);
    /// @notice setDirectory needs the seven registry addresses.
    error InvalidDirectory();

    /// @notice What registering a batch of a product made on a given date needs from this registry (see
    /// productionTerms).
    struct ProductionTerms {
        bool callerIsManufacturer; // the caller holds MANUFACTURER_ROLE and is registered
        bool callerSuspended; // by the regulator or for its bond
        address manufacturer; // the product's; zero when the GTIN is not registered
        uint8 category;
        uint256 certificateId;
        bool certificateValid; // the product's certificate is valid on the date
        bool licenceFound; // the product's manufacturer holds a production licence for the category valid on the date
        uint256 productionLicenceId; // the first such licence
        uint32 maxMasksPerKg; // the category's yield ceiling
    }

    /// @notice What a custody shipment needs from this registry (see shipmentTerms), in the order the custody
    /// registry checks it.
    struct ShipmentTerms {
        bytes32 senderRole; // MANUFACTURER for the batch's manufacturer; else DISTRIBUTOR when held, else PHARMACY
        bool senderHasRole; // holds senderRole and is registered
        bool senderSuspended; // by the regulator or for its bond
        bool senderLicensed; // a distribution filing covering the category valid at the date (not asked of the manufacturer)
        bool recipientLicensed; // a distributor or pharmacy, active, with such a filing
    }

    bytes32 public constant override REGULATOR_ROLE = Roles.REGULATOR;
    bytes32 public constant override SUPPLIER_ROLE = Roles.SUPPLIER;
    bytes32 public constant override MANUFACTURER_ROLE = Roles.MANUFACTURER;
    bytes32 public constant override AUDITOR_ROLE = Roles.AUDITOR;
    bytes32 public constant override LAB_ROLE = Roles.LAB;
    bytes32 public constant override DISTRIBUTOR_ROLE = Roles.DISTRIBUTOR;
    bytes32 public constant override PHARMACY_ROLE = Roles.PHARMACY;
    bytes32 public constant override INSPECTOR_ROLE = Roles.INSPECTOR;
    bytes32 public constant override SYSTEM_ROLE = Roles.SYSTEM;

    uint8 internal constant MAX_CATEGORY = 4;

    /// @dev Licence as stored: the fields every validity check reads share the first slot.
    struct LicenceRecord {
        LicenceKind kind;
        uint16 categories;
        uint64 validFrom;
        uint64 validUntil;
        uint64 revokedAt;
        address holder;
        string number;
        string revocationReason;
    }

    /// @dev Product as stored: manufacturer, category and certificate in one slot (licence ids are counters).
    struct ProductRecord {
        address manufacturer;
        uint8 category;
        uint64 certificateId;
        string name;
    }

    /// @dev Participant as stored: both suspension dates share the slot of `registered`, so checking that a
    /// party is active reads one slot whichever suspension applies.
    struct ParticipantRecord {
        string name;
        string creditCode;
        uint32 region;
        bool registered;
        uint64 suspendedAt;
        uint64 bondSuspendedAt;
        string suspensionReason;
    }

    mapping(address account => ParticipantRecord) private _participants;
    mapping(uint256 licenceId => LicenceRecord) private _licences;
    /// @dev A holder's licence ids, 32 bits each, packed: word 0 holds the count in its low 32 bits and the
    /// first seven ids above it; word k >= 1 holds the next eight. A holder's first licences are then found
    /// with one storage read, which a batch registration does for every batch.
    mapping(address holder => mapping(uint256 word => uint256)) private _licenceIds;
    uint256 private _licenceCount;
    mapping(uint64 gtin => ProductRecord) private _products;
    mapping(uint8 category => CategoryRules) private _categoryRules;
    Directory private _directory;

    modifier onlyRegulator() {
        if (!hasRole(Roles.REGULATOR, msg.sender)) revert CallerLacksRole(Roles.REGULATOR, msg.sender);
        _;
    }

    /// @param regulator The first regulator: holds REGULATOR_ROLE and DEFAULT_ADMIN_ROLE, and is registered
    /// as a participant named `name` ("Regulator" when empty).
    /// @dev Sets the default category rules: EO hold 14 days; flat masks (surgical, disposable) typical
    /// 1,110 and at most 1,300 masks per kg of meltblown; shaped masks (protective, KN95) typical 330, at most 400.
    constructor(address regulator, string memory name) {
        bytes32[9] memory roles = [
            Roles.REGULATOR,
            Roles.SUPPLIER,
            Roles.MANUFACTURER,
            Roles.AUDITOR,
            Roles.LAB,
            Roles.DISTRIBUTOR,
            Roles.PHARMACY,
            Roles.INSPECTOR,
            Roles.SYSTEM
        ];
        for (uint256 i; i < roles.length; ++i) {
            _setRoleAdmin(roles[i], Roles.REGULATOR);
        }
        _grantRole(DEFAULT_ADMIN_ROLE, regulator);
        _grantRole(Roles.REGULATOR, regulator);

        if (bytes(name).length == 0) name = "Regulator";
        ParticipantRecord storage p = _participants[regulator];
        p.name = name;
        p.registered = true;
        emit ParticipantRegistered(regulator, Roles.REGULATOR, name, 0);

        _setCategoryRules(1, CategoryRules({minHoldDays: 14, typicalMasksPerKg: 1110, maxMasksPerKg: 1300}));
        _setCategoryRules(2, CategoryRules({minHoldDays: 14, typicalMasksPerKg: 330, maxMasksPerKg: 400}));
        _setCategoryRules(3, CategoryRules({minHoldDays: 14, typicalMasksPerKg: 1110, maxMasksPerKg: 1300}));
        _setCategoryRules(4, CategoryRules({minHoldDays: 14, typicalMasksPerKg: 330, maxMasksPerKg: 400}));
    }

    // ---------------------------------------------------------------- roles

    /// @inheritdoc IAccessRegistry
    function hasRole(bytes32 role, address account)
        public
        view
        override(AccessControl, IAccessRegistry)
        returns (bool)
    {
        return super.hasRole(role, account);
    }

    /// @inheritdoc IAccessRegistry
    /// @dev A role held without registration counts as missing (CallerLacksRole); a suspended participant
    /// gets ParticipantIsSuspended so the caller learns why.
    function requireActiveRole(bytes32 role, address account) external view {
        _requireActiveRole(role, account);
    }

    // ---------------------------------------------------------------- regulator

    /// @inheritdoc IAccessRegistry
    function setDirectory(Directory calldata directory_) external onlyRegulator {
        if (_directory.batches != address(0)) revert DirectoryAlreadySet();
        if (
            directory_.materials == address(0) || directory_.batches == address(0) || directory_.tests == address(0)
                || directory_.custody == address(0) || directory_.prices == address(0)
                || directory_.complaints == address(0) || directory_.orders == address(0)
        ) revert InvalidDirectory();
        _directory = directory_;
        _grantRole(Roles.SYSTEM, directory_.materials);
        _grantRole(Roles.SYSTEM, directory_.batches);
        _grantRole(Roles.SYSTEM, directory_.tests);
        _grantRole(Roles.SYSTEM, directory_.custody);
        _grantRole(Roles.SYSTEM, directory_.prices);
        _grantRole(Roles.SYSTEM, directory_.complaints);
        emit DirectorySet(directory_);
    }

    /// @inheritdoc IAccessRegistry
    function registerParticipant(
        address account,
        bytes32 role,
        string calldata name,
        string calldata creditCode,
        uint32 region
    ) external onlyRegulator {
        if (!Roles.isParticipantRole(role)) revert UnknownRole(role);
        if (bytes(name).length == 0) revert InvalidName();
        ParticipantRecord storage p = _participants[account];
        if (p.registered) revert ParticipantAlreadyRegistered(account);
        p.name = name;
        p.creditCode = creditCode;
        p.region = region;
        p.registered = true;
        _grantRole(role, account);
        emit ParticipantRegistered(account, role, name, region);
    }

    /// @inheritdoc IAccessRegistry
    function addRole(address account, bytes32 role) external onlyRegulator {
        if (!Roles.isParticipantRole(role)) revert UnknownRole(role);
        if (!_participants[account].registered) revert ParticipantNotRegistered(account);
        if (_grantRole(role, account)) emit RoleAdded(account, role);
    }

    /// @inheritdoc IAccessRegistry
    function suspend(address account, string calldata reason) external onlyRegulator {
        ParticipantRecord storage p = _participants[account];
        if (!p.registered) revert ParticipantNotRegistered(account);
        if (p.suspendedAt != 0) revert ParticipantIsSuspended(account);
        p.suspendedAt = uint64(block.timestamp);
        p.suspensionReason = reason;
        emit ParticipantSuspended(account, reason);
    }

    /// @inheritdoc IAccessRegistry
    function reinstate(address account) external onlyRegulator {
        ParticipantRecord storage p = _participants[account];
        if (p.suspendedAt == 0) revert ParticipantNotSuspended(account);
        p.suspendedAt = 0;
        delete p.suspensionReason;
        emit ParticipantReinstated(account);
    }

    // ---------------------------------------------------------------- system

    /// @inheritdoc IAccessRegistry
    /// @dev Independent of the regulator's suspension: a party can be under both, and each is lifted by its
    /// own path. An unregistered account is recorded too (it is inactive anyway), so a ruling never fails on it.
    function suspendForBond(address account) external {
        _requireSystem();
        ParticipantRecord storage p = _participants[account];
        if (p.bondSuspendedAt != 0) revert ParticipantIsSuspended(account);
        p.bondSuspendedAt = uint64(block.timestamp);
        emit ParticipantSuspendedForBond(account);
    }

    /// @inheritdoc IAccessRegistry
    function reinstateAfterBond(address account) external {
        _requireSystem();
        ParticipantRecord storage p = _participants[account];
        if (p.bondSuspendedAt == 0) revert ParticipantNotSuspended(account);
        p.bondSuspendedAt = 0;
        emit ParticipantReinstatedAfterBond(account);
    }

    /// @inheritdoc IAccessRegistry
    /// @dev Licence ids start at 1. A registration certificate may last at most
    /// LicenceFormat.MAX_CERTIFICATE_VALIDITY (five years and two leap days).
    function grantLicence(
        LicenceKind kind,
        address holder,
        string calldata number,
        uint16 categories,
        uint64 validFrom,
        uint64 validUntil
    ) external onlyRegulator returns (uint256 licenceId) {
        if (!_participants[holder].registered) revert ParticipantNotRegistered(holder);
        _checkCategories(categories);
        if (validFrom >= validUntil) revert InvalidValidityPeriod(validFrom, validUntil);
        if (!_isValidNumber(kind, bytes(number))) revert InvalidLicenceNumber(kind, number);
        if (
            kind == LicenceKind.RegistrationCertificate
                && validUntil - validFrom > LicenceFormat.MAX_CERTIFICATE_VALIDITY
        ) {
            revert CertificateValidityOverFiveYears(validFrom, validUntil);
        }

        licenceId = ++_licenceCount;
        SafeCast.toUint32(licenceId); // holders' lists pack ids in 32 bits
        LicenceRecord storage record = _licences[licenceId];
        record.kind = kind;
        record.categories = categories;
        record.validFrom = validFrom;
        record.validUntil = validUntil;
        record.holder = holder;
        record.number = number;
        _pushLicenceId(holder, licenceId);
        emit LicenceGranted(licenceId, holder, kind, number);
    }

    /// @inheritdoc IAccessRegistry
    function revokeLicence(uint256 licenceId, uint64 revokedAt, string calldata reason) external onlyRegulator {
        LicenceRecord storage record = _licenceRecord(licenceId);
        if (record.revokedAt != 0) revert LicenceAlreadyRevoked(licenceId, record.revokedAt);
        // 0 would read as "never revoked"; a future date would rewrite what is valid before it happens.
        if (revokedAt == 0 || revokedAt < record.validFrom || revokedAt > block.timestamp) {
            revert RevocationOutOfRange(licenceId, revokedAt);
        }
        record.revokedAt = revokedAt;
        record.revocationReason = reason;
        emit LicenceRevoked(licenceId, record.holder, revokedAt, reason);
    }

    /// @inheritdoc IAccessRegistry
    function setCategoryRules(uint8 category, CategoryRules calldata rules) external onlyRegulator {
        _checkCategory(category);
        if (rules.maxMasksPerKg == 0 || rules.typicalMasksPerKg > rules.maxMasksPerKg) {
            revert InvalidCategoryRules(category);
        }
        _setCategoryRules(category, rules);
    }

    // ---------------------------------------------------------------- manufacturer

    /// @inheritdoc IAccessRegistry
    /// @dev The certificate must be the caller's, cover `category` and not be revoked. Its dates are checked
    /// where they matter, against each batch's production date, so products of past batches can be recorded.
    function registerProduct(uint64 gtin, uint8 category, uint256 certificateId, string calldata name) external {
        _requireActiveRole(Roles.MANUFACTURER, msg.sender);
        if (!Gs1.isValidGtin(gtin)) revert InvalidGtin(gtin);
        _checkCategory(category);
        if (bytes(name).length == 0) revert InvalidName();
        ProductRecord storage p = _products[gtin];
        if (p.manufacturer != address(0)) revert ProductAlreadyRegistered(gtin);
        if (certificateId == 0 || certificateId > _licenceCount) revert CertificateNotUsable(certificateId);
        LicenceRecord storage c = _licences[certificateId];
        if (
            c.kind != LicenceKind.RegistrationCertificate || c.holder != msg.sender
                || c.categories & (uint16(1) << category) == 0 || c.revokedAt != 0
        ) revert CertificateNotUsable(certificateId);

        p.manufacturer = msg.sender;
        p.category = category;
        p.certificateId = uint64(certificateId);
        p.name = name;
        emit ProductRegistered(gtin, msg.sender, category, certificateId);
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc IAccessRegistry
    function directory() external view returns (Directory memory) {
        return _directory;
    }

    /// @inheritdoc IAccessRegistry
    function participant(address account) external view returns (Participant memory) {
        ParticipantRecord storage p = _participants[account];
        return Participant({
            name: p.name,
            creditCode: p.creditCode,
            region: p.region,
            registered: p.registered,
            suspendedAt: p.suspendedAt,
            suspensionReason: p.suspensionReason,
            bondSuspendedAt: p.bondSuspendedAt
        });
    }

    /// @inheritdoc IAccessRegistry
    function isActive(address account) external view returns (bool) {
        ParticipantRecord storage p = _participants[account];
        return p.registered && (p.suspendedAt | p.bondSuspendedAt) == 0;
    }

    /// @inheritdoc IAccessRegistry
    function licence(uint256 licenceId) external view returns (Licence memory) {
        LicenceRecord storage record = _licenceRecord(licenceId);
        return Licence({
            kind: record.kind,
            holder: record.holder,
            number: record.number,
            categories: record.categories,
            validFrom: record.validFrom,
            validUntil: record.validUntil,
            revokedAt: record.revokedAt,
            revocationReason: record.revocationReason
        });
    }

    /// @inheritdoc IAccessRegistry
    function licencesOf(address holder) external view returns (uint256[] memory) {
        uint256 n = uint32(_licenceIds[holder][0]);
        uint256[] memory ids = new uint256[](n);
        for (uint256 i; i < n; ++i) {
            ids[i] = _licenceIdAt(holder, i);
        }
        return ids;
    }

    /// @inheritdoc IAccessRegistry
    function licenceCount() external view returns (uint256) {
        return _licenceCount;
    }

    /// @inheritdoc IAccessRegistry
    /// @dev False for an unknown id. Valid on [validFrom, validUntil], and before revokedAt when revoked.
    function isLicenceValidAt(uint256 licenceId, uint64 at) public view returns (bool) {
        return _isValidAt(_licences[licenceId], at);
    }

    /// @inheritdoc IAccessRegistry
    /// @dev Scans the holder's licences in grant order; a holder has a handful (they are granted by the regulator).
    function findValidLicence(address holder, LicenceKind kind, uint8 category, uint64 at)
        external
        view
        returns (bool found, uint256 licenceId)
    {
        return _findValidLicence(holder, kind, category, at);
    }

    function _findValidLicence(address holder, LicenceKind kind, uint8 category, uint64 at)
        private
        view
        returns (bool found, uint256 licenceId)
    {
        uint256 head = _licenceIds[holder][0];
        uint256 n = uint32(head);
        uint256 bit = uint256(1) << category;
        for (uint256 i; i < n; ++i) {
            uint256 id = i < 7 ? uint32(head >> (32 * (i + 1))) : _licenceIdAt(holder, i);
            LicenceRecord storage record = _licences[id];
            if (record.kind == kind && uint256(record.categories) & bit != 0 && _isValidAt(record, at)) {
                return (true, id);
            }
        }
        return (false, 0);
    }

    /// @inheritdoc IAccessRegistry
    /// @dev An unregistered GTIN gives an empty product (manufacturer zero), so readers need not catch a revert.
    function product(uint64 gtin) external view returns (Product memory) {
        ProductRecord storage p = _products[gtin];
        return
            Product({manufacturer: p.manufacturer, category: p.category, certificateId: p.certificateId, name: p.name});
    }

    /// @notice In one call, for a batch of `gtin` made at `at` registered by `caller`: whether the caller is an
    /// active manufacturer, the product, whether its certificate and a production licence of its manufacturer
    /// are valid at `at`, and the category's yield ceiling.
    /// @dev Added to the interface's views for the batch registry: requireActiveRole, product,
    /// findValidLicence, isLicenceValidAt and categoryRules in one call keep a batch registration within its
    /// gas budget. It never reverts; an unregistered GTIN gives a zero manufacturer.
    function productionTerms(address caller, uint64 gtin, uint64 at) external view returns (ProductionTerms memory t) {
        ParticipantRecord storage c = _participants[caller];
        t.callerIsManufacturer = hasRole(Roles.MANUFACTURER, caller) && c.registered;
        t.callerSuspended = (c.suspendedAt | c.bondSuspendedAt) != 0;
        ProductRecord storage p = _products[gtin];
        t.manufacturer = p.manufacturer;
        if (t.manufacturer == address(0)) return t;
        t.category = p.category;
        t.certificateId = p.certificateId;
        t.certificateValid = _isValidAt(_licences[t.certificateId], at);
        (t.licenceFound, t.productionLicenceId) =
            _findValidLicence(t.manufacturer, LicenceKind.ProductionLicence, t.category, at);
        t.maxMasksPerKg = _categoryRules[t.category].maxMasksPerKg;
    }

    /// @notice In one call, for a shipment from `sender` to `recipient` of a batch of `category` made by
    /// `manufacturer`, at `at`: the sender's role and standing and both parties' distribution filings.
    /// @dev Added to the interface's views for the custody registry: hasRole, requireActiveRole, isActive and
    /// findValidLicence for both parties in one call keep a shipment's checks to one external call. It never
    /// reverts; the custody registry turns the flags into the same errors, in the same order, as the separate
    /// checks gave.
    function shipmentTerms(address sender, address manufacturer, address recipient, uint8 category, uint64 at)
        external
        view
        returns (ShipmentTerms memory t)
    {
        if (sender == manufacturer) {
            t.senderRole = Roles.MANUFACTURER;
        } else {
            t.senderRole = hasRole(Roles.DISTRIBUTOR, sender) ? Roles.DISTRIBUTOR : Roles.PHARMACY;
            (t.senderLicensed,) = _findValidLicence(sender, LicenceKind.DistributionFiling, category, at);
        }
        ParticipantRecord storage s = _participants[sender];
        t.senderHasRole = hasRole(t.senderRole, sender) && s.registered;
        t.senderSuspended = (s.suspendedAt | s.bondSuspendedAt) != 0;
        if (hasRole(Roles.DISTRIBUTOR, recipient) || hasRole(Roles.PHARMACY, recipient)) {
            ParticipantRecord storage r = _participants[recipient];
            if (r.registered && (r.suspendedAt | r.bondSuspendedAt) == 0) {
                (t.recipientLicensed,) = _findValidLicence(recipient, LicenceKind.DistributionFiling, category, at);
            }
        }
    }

    /// @inheritdoc IAccessRegistry
    function categoryRules(uint8 category) external view returns (CategoryRules memory) {
        return _categoryRules[category];
    }

    // ---------------------------------------------------------------- internals

    function _requireActiveRole(bytes32 role, address account) private view {
        if (!hasRole(role, account)) revert CallerLacksRole(role, account);
        ParticipantRecord storage p = _participants[account];
        if (!p.registered) revert CallerLacksRole(role, account);
        // One test of the slot's two dates (no short-circuit, so the optimizer reads the slot once).
        if ((p.suspendedAt | p.bondSuspendedAt) != 0) revert ParticipantIsSuspended(account);
    }

    function _requireSystem() private view {
        if (!hasRole(Roles.SYSTEM, msg.sender)) revert CallerLacksRole(Roles.SYSTEM, msg.sender);
    }

    function _setCategoryRules(uint8 category, CategoryRules memory rules) private {
        _categoryRules[category] = rules;
        emit CategoryRulesSet(category, rules.minHoldDays, rules.typicalMasksPerKg, rules.maxMasksPerKg);
    }

    function _pushLicenceId(address holder, uint256 licenceId) private {
        mapping(uint256 => uint256) storage words = _licenceIds[holder];
        uint256 head = words[0];
        uint256 n = uint32(head);
        if (n < 7) {
            words[0] = ((head >> 32) | (licenceId << (32 * n))) << 32 | (n + 1);
        } else {
            uint256 k = 1 + (n - 7) / 8;
            words[k] |= licenceId << (32 * ((n - 7) % 8));
            words[0] = (head & ~uint256(type(uint32).max)) | (n + 1);
        }
    }

    function _licenceIdAt(address holder, uint256 i) private view returns (uint256) {
        if (i < 7) return uint32(_licenceIds[holder][0] >> (32 * (i + 1)));
        return uint32(_licenceIds[holder][1 + (i - 7) / 8] >> (32 * ((i - 7) % 8)));
    }

    function _licenceRecord(uint256 licenceId) private view returns (LicenceRecord storage) {
        if (licenceId == 0 || licenceId > _licenceCount) revert LicenceNotFound(licenceId);
        return _licences[licenceId];
    }

    function _isValidAt(LicenceRecord storage record, uint64 at) private view returns (bool) {
        // An unknown id reads as an all-zero record; a granted licence always has validUntil > 0.
        uint64 revokedAt = record.revokedAt;
        return record.validUntil != 0 && record.validFrom <= at && at <= record.validUntil
            && (revokedAt == 0 || at < revokedAt);
    }

    function _checkCategory(uint8 category) private pure {
        if (category == 0 || category > MAX_CATEGORY) revert UnknownCategory(category);
    }

    /// @dev Bits 1..MAX_CATEGORY only; reports the lowest category outside them.
    function _checkCategories(uint16 categories) private pure {
        if (categories == 0) revert EmptyCategories();
        uint16 allowed = uint16(((1 << (MAX_CATEGORY + 1)) - 1) & ~uint256(1));
        uint16 unknown = categories & ~allowed;
        if (unknown != 0) {
            uint8 category;
            while (unknown & (uint16(1) << category) == 0) ++category;
            revert UnknownCategory(category);
        }
    }

    function _isValidNumber(LicenceKind kind, bytes memory number) private pure returns (bool) {
        if (kind == LicenceKind.ProductionLicence) return LicenceFormat.isValidProductionLicenceNumber(number);
        if (kind == LicenceKind.RegistrationCertificate) return LicenceFormat.isValidCertificateNumber(number);
        return LicenceFormat.isValidFilingNumber(number);
    }
}
