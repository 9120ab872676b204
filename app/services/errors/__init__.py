"""Typed errors a clerk can understand: what is wrong, and what to do.

Each error carries its data and a message in Chinese and English, so the desk, the
command line and the log all say the same thing. Raising one inside a service's
transaction rolls the transaction back: the data stays as it was. The classes live by
area (input and look-ups, rules, access and station); import them from here.
"""

from app.services.errors.access import (
    AccountLocked,
    AlreadyInitialised,
    BadCredentials,
    DatabaseBusy,
    DemoNeedsEmptyStation,
    DuplicateUsername,
    FreshStartUnavailable,
    InvalidStationCode,
    KeyUnavailable,
    NotADemoStation,
    NotInitialised,
    NotSignedIn,
    PermissionDenied,
    StationSecretMismatch,
    StorageFull,
    WeakPassword,
)
from app.services.errors.base import DeskError
from app.services.errors.inputs import (
    AmbiguousResident,
    CardReplaced,
    ClerkNotFound,
    DeedNotFound,
    DeedTypeNotFound,
    DuplicateIdNumber,
    EntryNotFound,
    IdNumberRegistered,
    InvalidIdNumber,
    InvalidInput,
    InvalidName,
    InvalidPhone,
    InvalidText,
    MerchantNotFound,
    ResidentArchived,
    ResidentNotFound,
    VoucherNotFound,
)
from app.services.errors.requests import RequestFinished, RequestNotFound
from app.services.errors.rules import (
    AlreadyReversed,
    AlreadyReviewed,
    BelowMinimum,
    CapExceeded,
    FutureDate,
    InsufficientPoints,
    InvalidDenominations,
    InvalidQuantity,
    NotReversible,
    OverrideOutOfBounds,
    ReasonRequired,
    RequestConflict,
    RequestOfAnotherClerk,
    TooOld,
    VoucherAlreadyResolved,
    VoucherRejected,
    ZeroPoints,
)
from app.services.errors.settlement import (
    MerchantSuspended,
    NothingToSettle,
    StatementLocked,
    StatementNotApproved,
    StatementNotFound,
)
from app.services.errors.volunteering import (
    ActivityClosed,
    ActivityNotFound,
    KindNotFound,
    ScanOnAnotherDay,
    TeamExists,
    TeamNotFound,
    UnsuitableDeedType,
)

__all__ = [
    "RequestFinished", "RequestNotFound",
    "MerchantSuspended", "NothingToSettle", "StatementLocked", "StatementNotApproved",
    "StatementNotFound",
    "ActivityClosed", "ActivityNotFound", "KindNotFound", "ScanOnAnotherDay", "TeamExists",
    "TeamNotFound", "UnsuitableDeedType",
    "AccountLocked", "AlreadyInitialised", "AlreadyReversed", "AlreadyReviewed",
    "AmbiguousResident", "BadCredentials", "BelowMinimum", "CapExceeded", "CardReplaced",
    "ClerkNotFound", "DatabaseBusy", "DeedNotFound", "DeedTypeNotFound",
    "DemoNeedsEmptyStation", "DeskError", "DuplicateIdNumber", "DuplicateUsername",
    "EntryNotFound", "FreshStartUnavailable", "FutureDate", "IdNumberRegistered",
    "InsufficientPoints",
    "InvalidDenominations", "InvalidIdNumber", "InvalidInput", "InvalidName", "InvalidPhone",
    "InvalidQuantity", "InvalidStationCode", "InvalidText", "KeyUnavailable",
    "MerchantNotFound", "NotADemoStation", "NotInitialised", "NotReversible", "NotSignedIn",
    "OverrideOutOfBounds", "PermissionDenied", "ReasonRequired", "RequestConflict",
    "RequestOfAnotherClerk", "ResidentArchived", "ResidentNotFound", "StationSecretMismatch",
    "StorageFull", "TooOld", "VoucherAlreadyResolved", "VoucherNotFound", "VoucherRejected",
    "WeakPassword", "ZeroPoints",
]
