"""peewee models, one module per aggregate; ``ALL_MODELS`` in creation order."""

from app.models.activity import CheckIn
from app.models.audit import AuditRecord, OperationRecord
from app.models.catalogue import DeedType
from app.models.certificate import VolunteerCertificate
from app.models.checkpoint import VerifiedCheckpoint
from app.models.clerk import Clerk
from app.models.closeout import Closeout
from app.models.db import database, open_database, write_transaction
from app.models.district import (
    Centre,
    CentreMessage,
    CentreNotice,
    CentrePackage,
    DistrictException,
    DistrictRecord,
    Institute,
    MemberKey,
    MemberStation,
    PackageExport,
    PackageReceipt,
    ReturnPackage,
)
from app.models.honour import Commendation, Nomination
from app.models.ledger import Deed, LedgerEntry
from app.models.notice import Objection
from app.models.placement import DeskPlacement
from app.models.requests import ResidentRequest
from app.models.resident import Household, Resident, ResidentSearchTerm, RetiredCard
from app.models.room import Room, RoomBooking
from app.models.settlement import FundEntry, Statement, StatementItem
from app.models.station import SigningKey, Station
from app.models.store import (
    StockMovement,
    StoreItem,
    StoreSale,
    StoreSaleLine,
    StoreSaleVoucher,
)
from app.models.tag import Tag
from app.models.volunteer import (
    Activity,
    ActivityKind,
    ActivityTeam,
    Participant,
    Project,
    Team,
    TeamMember,
)
from app.models.voucher import (
    Merchant,
    SerialFloor,
    Voucher,
    VoucherPrint,
    VoucherResolution,
)

# Step 9 of the migrations creates these, in this order.
VOLUNTEER_MODELS = [Team, TeamMember, ActivityKind, Project, Activity, ActivityTeam, Participant]
# Step 10 creates these: requests, rooms and the certificate register.
STATION_LIFE_MODELS = [ResidentRequest, Room, RoomBooking, VolunteerCertificate]
# Step 11 creates these: the points store, merchants' statements, the moral fund, close-outs.
ECONOMY_MODELS = [StoreItem, StoreSale, StoreSaleLine, StoreSaleVoucher, StockMovement,
                  Statement, StatementItem, FundEntry, Closeout]
# Step 13 creates these: the station's tags, the honour roll, objections on notice.
RECORDS_MODELS = [Tag, Nomination, Commendation, Objection]
# Step 14 creates these: district packages at the station, and a centre's tables.
DISTRICT_MODELS = [PackageExport, CentrePackage, CentreMessage, Centre, Institute, MemberStation,
                   MemberKey, PackageReceipt, DistrictRecord, DistrictException, CentreNotice,
                   ReturnPackage]

ALL_MODELS = [
    Station,
    SigningKey,
    Clerk,
    Household,
    Resident,
    RetiredCard,
    ResidentSearchTerm,
    DeedType,
    Deed,
    LedgerEntry,
    Merchant,
    Voucher,
    VoucherResolution,
    VoucherPrint,
    SerialFloor,
    CheckIn,
    OperationRecord,
    AuditRecord,
    DeskPlacement,
    VerifiedCheckpoint,
    *VOLUNTEER_MODELS,
    *STATION_LIFE_MODELS,
    *ECONOMY_MODELS,
    *RECORDS_MODELS,
    *DISTRICT_MODELS,
]

# Rows of these tables are facts: the database refuses to change or remove them.
APPEND_ONLY = [LedgerEntry, VoucherResolution, AuditRecord, OperationRecord, Voucher, SerialFloor,
               DeskPlacement, VolunteerCertificate, StoreSale, StoreSaleLine, StoreSaleVoucher,
               StockMovement, FundEntry, Closeout]

__all__ = [
    "ALL_MODELS",
    "APPEND_ONLY",
    "VOLUNTEER_MODELS",
    "Activity",
    "ActivityKind",
    "ActivityTeam",
    "AuditRecord",
    "CheckIn",
    "Clerk",
    "Commendation",
    "Deed",
    "DeedType",
    "DeskPlacement",
    "Household",
    "LedgerEntry",
    "Merchant",
    "Nomination",
    "Objection",
    "OperationRecord",
    "Participant",
    "Project",
    "Resident",
    "ResidentSearchTerm",
    "RetiredCard",
    "SerialFloor",
    "SigningKey",
    "Station",
    "Tag",
    "Team",
    "TeamMember",
    "VerifiedCheckpoint",
    "Voucher",
    "VoucherPrint",
    "VoucherResolution",
    "database",
    "open_database",
    "write_transaction",
]
